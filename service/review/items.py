"""What integrators do to the queue: report a stored post, appeal a decision."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.errors import ConflictError, NotFoundError
from service.config import Settings
from service.identity import Principal, audit
from service.review.common import add_slots, deadline, new_id, now_or
from service.review.locking import begin_write, locked
from service.review.priority import points, sort_key, triage
from service.review.schemas import ItemOut
from service.review.tables import ReviewDecision, ReviewItem, ReviewSlot
from service.review.views import item_out, previous_of
from service.store import get_prediction


def report(
    *,
    session: Session,
    principal: Principal,
    settings: Settings,
    prediction_id: str,
    thresholds: Mapping[str, Mapping[str, float]],
    note: str | None = None,
    now: datetime | None = None,
) -> ItemOut:
    """Put a stored post in the queue as ``reported`` (deadline ``review_reported_deadline_hours``).

    A post already waiting is moved up (reason, deadline and order); a decided one must be
    appealed instead (409).
    """
    at = now_or(now)
    begin_write(session)
    post = get_prediction(
        session=session, tenant_id=principal.tenant_id, prediction_id=prediction_id
    )
    item = session.scalars(
        locked(session, select(ReviewItem).where(ReviewItem.prediction_id == post.id))
    ).first()
    if item is not None and item.status == "decided":
        raise ConflictError(
            f"stored post {prediction_id!r} was already reviewed; appeal item {item.id!r} instead"
        )
    due = deadline(settings, "reported", at)
    if item is None:
        verdict = triage(post.categories, thresholds, settings.review_margin)
        item = ReviewItem(
            id=new_id(),
            tenant_id=principal.tenant_id,
            prediction_id=post.id,
            reason="reported",
            flagged=verdict.flagged,
            severity=verdict.severity,
            uncertainty=verdict.uncertainty,
            status="pending",
            round=0,
            slots=1,
            note=note,
            created_at=at,
            due_at=due,
        )
        session.add(item)
        session.flush()  # the slot refers to the item
        add_slots(session, item, 1, settings, at)
    else:
        item.reason, item.note, item.due_at = "reported", note, min(item.due_at, due)
        key = sort_key(
            at, points(item.severity, item.uncertainty, "reported"), settings.review_priority_hours
        )
        session.execute(
            update(ReviewSlot)
            .where(ReviewSlot.item_id == item.id, ReviewSlot.sort_key > key)
            .values(sort_key=key)
        )
    audit(
        session=session,
        tenant_id=principal.tenant_id,
        action="review.report",
        actor=principal,
        target=item.id,
        details={"prediction_id": post.id},
    )
    session.commit()
    return item_out(item)


def appeal(
    *,
    session: Session,
    principal: Principal,
    settings: Settings,
    item_id: str,
    note: str | None = None,
    now: datetime | None = None,
) -> ItemOut:
    """Send a decided item back to the queue; moderators see the previous decision.

    The earlier decisions stay (the audit and the decision feed keep both rounds).

    Raises:
        NotFoundError: no such item in the caller's tenant.
        ConflictError: the item is not decided (yet, or again).
    """
    at = now_or(now)
    begin_write(session)
    query = select(ReviewItem).where(
        ReviewItem.id == item_id, ReviewItem.tenant_id == principal.tenant_id
    )
    item = None if "\x00" in item_id else session.scalars(locked(session, query)).first()
    if item is None:
        raise NotFoundError(f"no review item {item_id!r}")
    if item.status != "decided":
        raise ConflictError(f"review item {item_id!r} is not decided yet; nothing to appeal")
    decided = session.scalars(
        select(ReviewDecision).where(
            ReviewDecision.item_id == item.id, ReviewDecision.round == item.round
        )
    ).all()
    item.previous = previous_of(decided)
    item.round += 1
    item.reason, item.note, item.status, item.decided_at = "appeal", note, "pending", None
    item.slots = 1
    item.due_at = deadline(settings, "appeal", at)
    add_slots(session, item, 1, settings, at)
    audit(
        session=session,
        tenant_id=principal.tenant_id,
        action="review.appeal",
        actor=principal,
        target=item.id,
        details={"round": item.round, "previous_labels": [d.labels for d in decided]},
    )
    session.commit()
    return item_out(item)
