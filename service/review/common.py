"""Helpers shared by the review service modules: clocks, deadlines, slot look-ups."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import ConflictError, NotFoundError
from service.config import Settings
from service.identity import Principal
from service.review.locking import locked
from service.review.priority import points, sort_key
from service.review.tables import ReviewItem, ReviewSlot
from service.tables import utcnow


def new_id() -> str:
    return str(uuid.uuid4())


def now_or(now: datetime | None) -> datetime:
    """``now`` (tests inject a clock) or the current UTC time."""
    return utcnow() if now is None else now


def deadline(settings: Settings, reason: str, start: datetime) -> datetime:
    hours = (
        settings.review_reported_deadline_hours
        if reason == "reported"
        else settings.review_deadline_hours
    )
    return start + timedelta(hours=hours)


def is_double(item_id: str, share: float) -> bool:
    """Whether an item gets two slots: a stable hash of its id, so the share is exact on average
    and the choice reproducible (no random state to inject)."""
    value = int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) / 2**32
    return value < share


def add_slots(
    session: Session, item: ReviewItem, count: int, settings: Settings, at: datetime
) -> None:
    """Open ``count`` slots of ``item``'s current round."""
    key = sort_key(
        at, points(item.severity, item.uncertainty, item.reason), settings.review_priority_hours
    )
    session.add_all(
        ReviewSlot(
            id=new_id(),
            tenant_id=item.tenant_id,
            item_id=item.id,
            round=item.round,
            seq=seq,
            status="open",
            sort_key=key,
            created_at=at,
        )
        for seq in range(count)
    )


def held_slot(session: Session, principal: Principal, slot_id: str, now: datetime) -> ReviewSlot:
    """The slot ``principal`` holds now (row-locked); 404 for another tenant's, 409 if not held."""
    slot = get_slot(session, principal.tenant_id, slot_id, lock=True)
    check_held(slot, principal, now)
    return slot


def get_slot(session: Session, tenant_id: str, slot_id: str, *, lock: bool) -> ReviewSlot:
    query = select(ReviewSlot).where(ReviewSlot.id == slot_id, ReviewSlot.tenant_id == tenant_id)
    slot = (
        None
        if "\x00" in slot_id
        else session.scalars(locked(session, query) if lock else query).first()
    )
    if slot is None:
        raise NotFoundError(f"no review slot {slot_id!r}")
    return slot


def check_held(slot: ReviewSlot, principal: Principal, now: datetime) -> None:
    if slot.status == "decided":
        raise ConflictError(f"review slot {slot.id!r} is already decided")
    if slot.status != "claimed" or slot.holder_id != principal.subject_id:
        raise ConflictError(f"you do not hold review slot {slot.id!r}; claim it first")
    assert slot.lease_expires_at is not None
    if slot.lease_expires_at <= now:
        raise ConflictError(
            f"your lease on review slot {slot.id!r} expired at "
            f"{slot.lease_expires_at.isoformat()}; claim again"
        )
