"""Queue statistics: backlog, deadlines, agreement (Cohen's kappa) and moderators' days."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.tasks import TASKS
from service.config import Settings
from service.review.common import now_or
from service.review.schemas import Agreement, ModeratorDay, OverdueItem, QueueStats
from service.review.tables import ReviewClaim, ReviewDecision, ReviewItem, ReviewSlot

MAX_OVERDUE_LISTED = 50


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> Agreement:
    """Agreement of two raters over ``pairs`` (first decision, second decision).

    ``kappa = (p_o - p_e) / (1 - p_e)``; undefined (``None``) when ``p_e`` is 1, i.e. both
    raters used one and the same label throughout.
    """
    n = len(pairs)
    if n == 0:
        return Agreement(pairs=0, observed=None, kappa=None)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    kappa = None if expected >= 1 else (observed - expected) / (1 - expected)
    return Agreement(
        pairs=n, observed=round(observed, 6), kappa=None if kappa is None else round(kappa, 6)
    )


def queue_stats(
    *,
    session: Session,
    tenant_id: str,
    settings: Settings,
    days: int = 7,
    now: datetime | None = None,
) -> QueueStats:
    """The tenant's queue now, and per-moderator work over the last ``days`` UTC days."""
    at = now_or(now)
    pending = select(ReviewItem).where(
        ReviewItem.tenant_id == tenant_id, ReviewItem.status == "pending"
    )
    pending_items = session.scalar(select(func.count()).select_from(pending.subquery())) or 0
    open_q = select(ReviewSlot).where(
        ReviewSlot.tenant_id == tenant_id, ReviewSlot.status != "decided"
    )
    open_slots = session.scalar(select(func.count()).select_from(open_q.subquery())) or 0
    oldest = session.scalar(
        select(func.min(ReviewSlot.created_at)).where(
            ReviewSlot.tenant_id == tenant_id, ReviewSlot.status != "decided"
        )
    )
    overdue_q = pending.where(ReviewItem.due_at <= at)
    overdue = session.scalar(select(func.count()).select_from(overdue_q.subquery())) or 0
    listed = session.scalars(
        overdue_q.order_by(ReviewItem.due_at, ReviewItem.id).limit(MAX_OVERDUE_LISTED)
    ).all()
    return QueueStats(
        pending_items=pending_items,
        open_slots=open_slots,
        oldest_pending_age_s=None if oldest is None else (at - oldest).total_seconds(),
        deadline_hours={
            "default": settings.review_deadline_hours,
            "reported": settings.review_reported_deadline_hours,
        },
        past_deadline=overdue,
        past_deadline_items=[
            OverdueItem(item_id=i.id, reason=i.reason, due_at=i.due_at) for i in listed
        ],
        agreement=_agreement(session, tenant_id),
        moderators=_moderator_days(session, tenant_id, at, days),
    )


def _agreement(session: Session, tenant_id: str) -> dict[str, Agreement]:
    """Kappa per task over rounds decided by two moderators (first decision vs second)."""
    rounds: dict[tuple[str, int], list[ReviewDecision]] = defaultdict(list)
    double = select(ReviewItem.id).where(ReviewItem.tenant_id == tenant_id, ReviewItem.slots > 1)
    rows = session.scalars(
        select(ReviewDecision)
        .where(ReviewDecision.tenant_id == tenant_id, ReviewDecision.item_id.in_(double))
        .order_by(ReviewDecision.seq)
    )
    for row in rows:
        rounds[(row.item_id, row.round)].append(row)
    pairs: dict[str, list[tuple[str, str]]] = {t: [] for t in TASKS}
    for decisions in rounds.values():
        if len(decisions) != 2:
            continue
        a, b = decisions[0].labels, decisions[1].labels
        for task in pairs:
            if task in a and task in b:
                pairs[task].append((a[task], b[task]))
    return {task: cohen_kappa(p) for task, p in pairs.items()}


def _moderator_days(
    session: Session, tenant_id: str, at: datetime, days: int
) -> list[ModeratorDay]:
    start = datetime(at.year, at.month, at.day, tzinfo=at.tzinfo) - timedelta(days=days - 1)
    rows: dict[tuple[str, str], ModeratorDay] = {}

    def day_of(subject: str, when: datetime) -> ModeratorDay:
        key = (subject, when.date().isoformat())
        if key not in rows:
            rows[key] = ModeratorDay(
                subject_id=subject, day=key[1], decided=0, claimed=0, flagged_claimed=0
            )
        return rows[key]

    for subject, when in session.execute(
        select(ReviewDecision.subject_id, ReviewDecision.created_at).where(
            ReviewDecision.tenant_id == tenant_id, ReviewDecision.created_at >= start
        )
    ):
        day_of(subject, when).decided += 1
    for subject, when, flagged in session.execute(
        select(ReviewClaim.subject_id, ReviewClaim.at, ReviewClaim.flagged).where(
            ReviewClaim.tenant_id == tenant_id, ReviewClaim.at >= start
        )
    ):
        entry = day_of(subject, when)
        entry.claimed += 1
        entry.flagged_claimed += int(flagged)
    return sorted(rows.values(), key=lambda r: (r.day, r.subject_id))
