"""Counts of stored feedback for the stats page (the queue's own figures come later).

Day boundaries are UTC and each day is one indexed range count, so SQLite and PostgreSQL
agree without date functions that differ between them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.tables import Feedback

MAX_DAYS = 90


def feedback_per_day(
    *, session: Session, tenant_id: str, days: int, today: date
) -> list[tuple[date, int]]:
    """Labels recorded on each of the ``days`` UTC days up to ``today``, oldest first."""
    days = max(1, min(days, MAX_DAYS))
    out = []
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        start = datetime.combine(day, time.min, tzinfo=UTC)
        query = select(func.count()).where(
            Feedback.tenant_id == tenant_id,
            Feedback.created_at >= start,
            Feedback.created_at < start + timedelta(days=1),
        )
        out.append((day, int(session.scalar(query) or 0)))
    return out


def feedback_per_label(*, session: Session, tenant_id: str) -> list[tuple[str, str, int]]:
    """(task, label, count) of every label recorded in the tenant."""
    query = (
        select(Feedback.task, Feedback.label, func.count())
        .where(Feedback.tenant_id == tenant_id)
        .group_by(Feedback.task, Feedback.label)
        .order_by(Feedback.task, Feedback.label)
    )
    return [(task, label, int(n)) for task, label, n in session.execute(query)]
