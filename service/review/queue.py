"""The review queue's service layer: HTTP routes and the web UI call these functions.

Every function takes keyword-only arguments, a ``Session`` and the acting ``Principal``
(tenant-scoped: another tenant's ids are unknown), commits what it writes, and returns the
pydantic bodies of ``service.review.schemas``. ``now`` can be injected so leases and
deadlines are testable without sleeping. Errors are domain errors: ``InputError`` (422),
``NotFoundError`` (404), ``ConflictError`` (409).

Decisions, reports, appeals, pulls and statistics live in sibling modules and are re-exported
here, so callers need only ``from service.review import queue``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from models.errors import ConflictError, InputError
from service.config import Settings
from service.identity import Principal
from service.review.common import (
    add_slots,
    deadline,
    held_slot,
    is_double,
    new_id,
    now_or,
)
from service.review.decisions import decide, decide_many, history, pull_decisions
from service.review.items import appeal, report
from service.review.locking import begin_write, insert_or_ignore, locked
from service.review.priority import triage
from service.review.schemas import ReviewSettingsOut, SlotOut
from service.review.stats import queue_stats
from service.review.tables import ReviewClaim, ReviewItem, ReviewSetting, ReviewSkip, ReviewSlot
from service.review.views import slots_out
from service.store import save_predictions

__all__ = [
    "appeal",
    "claim",
    "decide",
    "decide_many",
    "enqueue_predictions",
    "get_review_settings",
    "held_slots",
    "history",
    "pull_decisions",
    "queue_stats",
    "release",
    "report",
    "set_review_settings",
    "skip",
    "store_for_review",
]


def enqueue_predictions(
    *,
    session: Session,
    settings: Settings,
    tenant_id: str,
    predictions: Sequence[tuple[str, Mapping[str, Any]]],
    thresholds: Mapping[str, Mapping[str, float]],
    now: datetime | None = None,
    commit: bool = True,
) -> int:
    """Queue the stored posts that are flagged or uncertain; returns how many were queued.

    Args:
        predictions: ``(prediction id, stored categories)`` of posts already added.
        thresholds: task → the serving model's *own* thresholds (a caller's override must
            not decide what moderators see).
    """
    at = now_or(now)
    items: list[ReviewItem] = []
    for prediction_id, categories in predictions:
        verdict = triage(categories, thresholds, settings.review_margin)
        if verdict.reason is None:
            continue
        item_id = new_id()
        item = ReviewItem(
            id=item_id,
            tenant_id=tenant_id,
            prediction_id=prediction_id,
            reason=verdict.reason,
            flagged=verdict.flagged,
            severity=verdict.severity,
            uncertainty=verdict.uncertainty,
            status="pending",
            round=0,
            slots=2 if is_double(item_id, settings.review_double_share) else 1,
            created_at=at,
            due_at=deadline(settings, verdict.reason, at),
        )
        items.append(item)
    session.add_all(items)
    session.flush()  # the slots refer to the items
    for item in items:
        add_slots(session, item, item.slots, settings, at)
    if commit:
        session.commit()
    return len(items)


def store_for_review(
    *,
    session: Session,
    settings: Settings,
    tenant_id: str,
    items: Sequence[tuple[str, str, dict[str, Any]]],
    thresholds: Mapping[str, Mapping[str, float]],
    context: str | None = None,
    contexts: Sequence[str | None] | None = None,
) -> int:
    """Store classified posts (``store: true``) and queue those that need review, atomically.

    ``contexts`` (aligned with ``items``) is each post's context, ``context`` one for all.

    Returns:
        How many of the posts entered the queue.
    """
    save_predictions(
        session=session,
        tenant_id=tenant_id,
        items=items,
        context=context,
        contexts=contexts,
        commit=False,
    )
    return enqueue_predictions(
        session=session,
        settings=settings,
        tenant_id=tenant_id,
        predictions=[(pid, cats) for pid, _, cats in items],
        thresholds=thresholds,
    )


def claim(
    *,
    session: Session,
    principal: Principal,
    settings: Settings,
    count: int,
    lease_minutes: int | None = None,
    now: datetime | None = None,
) -> list[SlotOut]:
    """Lease up to ``count`` slots, most urgent first, for ``lease_minutes``.

    A slot whose lease expired is free again. One claim never hands out two slots of the same
    item, and a moderator never gets a second slot of a round they hold or decided (a unique
    index backs this up), nor a slot they skipped.

    Raises:
        InputError: ``count`` or ``lease_minutes`` outside the settings' limits.
        ConflictError: another claim of the same moderator raced this one; retry.
    """
    if not 1 <= count <= settings.review_claim_max:
        raise InputError(
            f"count must be within 1..{settings.review_claim_max} (review_claim_max); got {count}"
        )
    minutes = settings.review_lease_minutes if lease_minutes is None else lease_minutes
    if not 1 <= minutes <= settings.review_lease_max_minutes:
        raise InputError(
            f"lease_minutes must be within 1..{settings.review_lease_max_minutes} "
            f"(review_lease_max_minutes); got {minutes}"
        )
    at = now_or(now)
    me = principal.subject_id
    begin_write(session)
    candidates = session.scalars(
        locked(session, _claimable(principal.tenant_id, me, at).limit(count * 2), skip=True)
    ).all()
    picked: list[ReviewSlot] = []
    seen: set[str] = set()
    for slot in candidates:
        if slot.item_id in seen or len(picked) == count:
            continue
        seen.add(slot.item_id)
        picked.append(slot)
    expires = at + timedelta(minutes=minutes)
    flagged = _flagged_items(session, seen)
    for slot in picked:
        slot.status, slot.holder_id, slot.lease_expires_at = "claimed", me, expires
        session.add(
            ReviewClaim(
                id=new_id(),
                tenant_id=principal.tenant_id,
                subject_id=me,
                slot_id=slot.id,
                flagged=slot.item_id in flagged,
                at=at,
            )
        )
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise ConflictError("another claim of yours took a slot of the same item; retry") from None
    return slots_out(session, picked, _blur(session, principal))


def _claimable(tenant_id: str, me: str, at: datetime) -> Any:
    mine = aliased(ReviewSlot)
    holds_other_slot = exists().where(
        mine.item_id == ReviewSlot.item_id,
        mine.round == ReviewSlot.round,
        mine.id != ReviewSlot.id,
        mine.holder_id == me,
    )
    skipped = exists().where(ReviewSkip.slot_id == ReviewSlot.id, ReviewSkip.subject_id == me)
    return (
        select(ReviewSlot)
        .where(
            ReviewSlot.tenant_id == tenant_id,
            or_(
                ReviewSlot.status == "open",
                and_(ReviewSlot.status == "claimed", ReviewSlot.lease_expires_at <= at),
            ),
            ~holds_other_slot,
            ~skipped,
        )
        .order_by(ReviewSlot.sort_key, ReviewSlot.id)
    )


def _flagged_items(session: Session, item_ids: set[str]) -> set[str]:
    if not item_ids:
        return set()
    query = select(ReviewItem.id).where(ReviewItem.id.in_(item_ids), ReviewItem.flagged)
    return set(session.scalars(query))


def held_slots(
    *, session: Session, principal: Principal, now: datetime | None = None
) -> list[SlotOut]:
    """The slots the caller holds now (e.g. to show a moderator's batch again after a reload)."""
    query = (
        select(ReviewSlot)
        .where(
            ReviewSlot.tenant_id == principal.tenant_id,
            ReviewSlot.holder_id == principal.subject_id,
            ReviewSlot.status == "claimed",
            ReviewSlot.lease_expires_at > now_or(now),
        )
        .order_by(ReviewSlot.sort_key, ReviewSlot.id)
    )
    return slots_out(session, session.scalars(query).all(), _blur(session, principal))


def release(
    *, session: Session, principal: Principal, slot_id: str, now: datetime | None = None
) -> None:
    """Give a held slot back to the queue (someone else, or the same moderator, may take it)."""
    begin_write(session)
    slot = held_slot(session, principal, slot_id, now_or(now))
    slot.status, slot.holder_id, slot.lease_expires_at = "open", None, None
    session.commit()


def skip(
    *, session: Session, principal: Principal, slot_id: str, now: datetime | None = None
) -> None:
    """Give a held slot back and never be handed it again."""
    at = now_or(now)
    begin_write(session)
    slot = held_slot(session, principal, slot_id, at)
    slot.status, slot.holder_id, slot.lease_expires_at = "open", None, None
    session.add(ReviewSkip(slot_id=slot.id, subject_id=principal.subject_id, at=at))
    session.commit()


def _blur(session: Session, principal: Principal) -> bool:
    row = session.get(ReviewSetting, principal.subject_id)
    return True if row is None else row.blur


def get_review_settings(*, session: Session, principal: Principal) -> ReviewSettingsOut:
    """The moderator's queue settings (blur harmful text: on unless they turned it off)."""
    return ReviewSettingsOut(blur=_blur(session, principal))


def set_review_settings(
    *, session: Session, principal: Principal, blur: bool, now: datetime | None = None
) -> ReviewSettingsOut:
    """Store the moderator's queue settings (per subject, so every key of theirs shares them)."""
    at = now_or(now)
    begin_write(session)
    session.execute(
        insert_or_ignore(session, ReviewSetting, "subject_id").values(
            subject_id=principal.subject_id, tenant_id=principal.tenant_id, blur=blur, updated_at=at
        )
    )
    session.execute(
        update(ReviewSetting)
        .where(ReviewSetting.subject_id == principal.subject_id)
        .values(blur=blur, updated_at=at)
    )
    session.commit()
    return ReviewSettingsOut(blur=blur)
