"""The statistics page's figures: stored labels and the review queue's own stats.

Reads happen in ``gather`` (one session, off the event loop); ``charts`` turns the numbers
into chart geometry with the reader's language.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from service.config import Settings
from service.review.queue import queue_stats
from service.review.schemas import QueueStats
from service.ui.charts import Chart, chart
from service.ui.feedback_stats import feedback_per_day, feedback_per_label
from service.ui.i18n import Translator
from service.ui.review_view import subject_names

DAYS = 14


@dataclass(frozen=True)
class StatsData:
    days: list[date]
    feedback: list[tuple[date, int]]
    per_label: list[tuple[str, str, int]]
    queue: QueueStats
    names: dict[str, str]


def gather(*, session: Session, tenant_id: str, settings: Settings, now: datetime) -> StatsData:
    today = now.date()
    stats = queue_stats(session=session, tenant_id=tenant_id, settings=settings, days=DAYS, now=now)
    return StatsData(
        days=[today - timedelta(days=back) for back in range(DAYS - 1, -1, -1)],
        feedback=feedback_per_day(session=session, tenant_id=tenant_id, days=DAYS, today=today),
        per_label=feedback_per_label(session=session, tenant_id=tenant_id),
        queue=stats,
        names=subject_names(
            session=session, tenant_id=tenant_id, ids={m.subject_id for m in stats.moderators}
        ),
    )


def charts(data: StatsData, t: Translator) -> dict[str, Chart]:
    """Decisions per day and per moderator (queue), labels per day (feedback)."""
    per_day: dict[str, int] = defaultdict(int)
    per_moderator: dict[str, int] = defaultdict(int)
    for row in data.queue.moderators:
        per_day[row.day] += row.decided
        per_moderator[data.names.get(row.subject_id, row.subject_id[:8])] += row.decided
    decisions = [(f"{d:%d/%m}", per_day.get(d.isoformat(), 0)) for d in data.days]
    return {
        "decisions": chart(
            "bar",
            decisions,
            title=t("stats.decisions_title", days=DAYS),
            description=t("stats.decisions_desc", days=DAYS, total=sum(n for _, n in decisions)),
            category_label=t("stats.day"),
            value_label=t("stats.decisions"),
        ),
        "moderators": chart(
            "bar",
            sorted(per_moderator.items()),
            title=t("stats.moderators_title", days=DAYS),
            description=t("stats.moderators_desc", days=DAYS, people=len(per_moderator)),
            category_label=t("stats.moderator"),
            value_label=t("stats.decisions"),
        ),
        "feedback": chart(
            "line",
            [(f"{d:%d/%m}", n) for d, n in data.feedback],
            title=t("stats.daily_title", days=DAYS),
            description=t("stats.daily_desc", days=DAYS, total=sum(n for _, n in data.feedback)),
            category_label=t("stats.day"),
            value_label=t("stats.labels"),
        ),
    }
