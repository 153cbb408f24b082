"""Deciding slots, one or in bulk, and reading decisions back (own history, integrators' feed).

A decision, its feedback rows (one per labelled task, so trainers get it through the
ordinary feedback store) and its audit record commit together, or not at all.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.errors import ConflictError, InputError, NotFoundError
from models.tasks import get_task
from service.config import Settings
from service.identity import Principal, audit
from service.review.common import check_held, new_id, now_or
from service.review.locking import begin_write, locked, next_seqs
from service.review.schemas import DecisionFeed, DecisionIn, DecisionOut, HistoryPage
from service.review.tables import ReviewDecision, ReviewItem, ReviewSlot
from service.review.views import decision_out
from service.store import add_review_feedback
from service.tables import StoredPrediction

_CURSOR_PREFIX = "rd1:"


def decide(
    *,
    session: Session,
    principal: Principal,
    settings: Settings,
    slot_id: str,
    decision: DecisionIn,
    now: datetime | None = None,
) -> DecisionOut:
    """Decide one held slot. Sending the same decision again returns the stored one.

    Raises:
        NotFoundError: no such slot in the caller's tenant.
        ConflictError: the caller does not hold the slot, the lease expired, or the slot was
            decided differently.
        InputError: a label of the wrong task, a span outside the post.
    """
    return decide_many(
        session=session,
        principal=principal,
        settings=settings,
        decisions=[(slot_id, decision)],
        now=now,
    )[0]


def decide_many(
    *,
    session: Session,
    principal: Principal,
    settings: Settings,
    decisions: Sequence[tuple[str, DecisionIn]],
    now: datetime | None = None,
) -> list[DecisionOut]:
    """Decide several held slots in one transaction: all are stored, or none (409/422 names
    the first slot that failed). Replays of stored decisions are answered, not stored again.
    """
    if not 1 <= len(decisions) <= settings.review_bulk_max:
        raise InputError(
            f"give 1..{settings.review_bulk_max} decisions (review_bulk_max); got {len(decisions)}"
        )
    ids = [slot_id for slot_id, _ in decisions]
    if len(set(ids)) != len(ids):
        raise InputError("a slot appears twice in one bulk request")
    for _, decision in decisions:
        _check_labels(decision)
    at = now_or(now)
    begin_write(session)
    slots = _slots(session, principal.tenant_id, ids, lock=False)
    item_ids = sorted({s.item_id for s in slots.values()})
    # Lock order: items, then slots, then the counter; every writer follows it (no deadlock).
    items_q = select(ReviewItem).where(ReviewItem.id.in_(item_ids)).order_by(ReviewItem.id)
    items = {i.id: i for i in session.scalars(locked(session, items_q))}
    slots = _slots(session, principal.tenant_id, ids, lock=True)
    posts = {
        p.id: p
        for p in session.scalars(
            select(StoredPrediction).where(
                StoredPrediction.id.in_({i.prediction_id for i in items.values()})
            )
        )
    }
    out: list[DecisionOut | None] = []
    fresh: list[ReviewDecision] = []
    for slot_id, decision in decisions:
        slot = slots[slot_id]
        if slot.status == "decided":
            out.append(_replay(session, slot, principal, decision))
            continue
        check_held(slot, principal, at)
        item = items[slot.item_id]
        post = posts[item.prediction_id]
        _check_spans(decision, post.text, slot_id)
        row = _record(session, principal, slot, item, post, decision, at)
        fresh.append(row)
        out.append(None)
    if fresh:
        _close_rounds(session, list(items.values()), at)
        first = next_seqs(session, principal.tenant_id, len(fresh))
        for offset, row in enumerate(fresh):
            row.seq = first + offset
            session.add(row)
        session.commit()
    else:
        session.rollback()
    made = iter(fresh)
    return [o if o is not None else decision_out(next(made)) for o in out]


def _slots(
    session: Session, tenant_id: str, ids: Sequence[str], *, lock: bool
) -> dict[str, ReviewSlot]:
    """The slots by id (locked in id order on PostgreSQL); an unknown one is a 404."""
    query = (
        select(ReviewSlot)
        .where(ReviewSlot.id.in_([i for i in ids if "\x00" not in i]))
        .where(ReviewSlot.tenant_id == tenant_id)
        .order_by(ReviewSlot.id)
        .execution_options(populate_existing=True)
    )
    found = {s.id: s for s in session.scalars(locked(session, query) if lock else query)}
    for slot_id in ids:
        if slot_id not in found:
            raise NotFoundError(f"no review slot {slot_id!r}")
    return found


def _check_labels(decision: DecisionIn) -> None:
    for task, label in decision.labels.items():
        get_task(task).check_label(label)


def _check_spans(decision: DecisionIn, text: str, slot_id: str) -> None:
    for span in decision.spans or []:
        if not span.start < span.end <= len(text):
            raise InputError(
                f"span [{span.start}, {span.end}) of slot {slot_id!r} is not within the post "
                f"(0..{len(text)}, start < end)"
            )


def _content(
    labels: dict[str, str], action: str, reason: str | None, spans: object
) -> tuple[object, ...]:
    return (dict(labels), action, reason, spans or None)


def _replay(
    session: Session, slot: ReviewSlot, principal: Principal, decision: DecisionIn
) -> DecisionOut:
    row = session.scalars(select(ReviewDecision).where(ReviewDecision.slot_id == slot.id)).one()
    spans = [s.model_dump() for s in decision.spans] if decision.spans else None
    same = _content(row.labels, row.action, row.reason, row.spans) == _content(
        decision.labels, decision.action, decision.reason, spans
    )
    if row.subject_id != principal.subject_id or not same:
        raise ConflictError(f"review slot {slot.id!r} is already decided")
    return decision_out(row)


def _record(
    session: Session,
    principal: Principal,
    slot: ReviewSlot,
    item: ReviewItem,
    post: StoredPrediction,
    decision: DecisionIn,
    at: datetime,
) -> ReviewDecision:
    """The decision row (numbered later), its feedback rows and its audit record."""
    spans = [s.model_dump() for s in decision.spans] if decision.spans else None
    for task, label in decision.labels.items():
        add_review_feedback(
            session=session,
            author=principal,
            stored=post,
            task=task,
            label=label,
            note=decision.reason,
            slot_id=slot.id,
        )
    predicted = {
        t: {"label": r.get("label"), "model_version": r.get("model_version")}
        for t, r in post.categories.items()
        if isinstance(r, dict)
    }
    previous = [p.get("labels") for p in item.previous or []]
    audit(
        session=session,
        tenant_id=principal.tenant_id,
        action="review.decide",
        actor=principal,
        target=item.id,
        details={
            "slot_id": slot.id,
            "round": slot.round,
            "labels": dict(decision.labels),
            "action": decision.action,
            "predicted": predicted,
            "previous_labels": previous,
        },
    )
    slot.status = "decided"
    return ReviewDecision(
        id=new_id(),
        tenant_id=principal.tenant_id,
        seq=0,
        item_id=item.id,
        slot_id=slot.id,
        prediction_id=item.prediction_id,
        round=slot.round,
        subject_id=principal.subject_id,
        labels=dict(decision.labels),
        spans=spans,
        action=decision.action,
        reason=decision.reason,
        created_at=at,
    )


def _close_rounds(session: Session, items: Collection[ReviewItem], at: datetime) -> None:
    """Mark items decided once every slot of their current round is (earlier rounds' slots
    are all decided before an appeal can open a new one)."""
    session.flush()
    undecided = dict(
        session.execute(
            select(ReviewSlot.item_id, func.count())
            .where(ReviewSlot.item_id.in_([i.id for i in items]), ReviewSlot.status != "decided")
            .group_by(ReviewSlot.item_id)
        ).all()
    )
    for item in items:
        if not undecided.get(item.id) and item.status != "decided":
            item.status, item.decided_at = "decided", at


def history(
    *, session: Session, principal: Principal, limit: int = 50, offset: int = 0
) -> HistoryPage:
    """The caller's own decisions, newest first."""
    rows = session.scalars(
        select(ReviewDecision)
        .where(
            ReviewDecision.tenant_id == principal.tenant_id,
            ReviewDecision.subject_id == principal.subject_id,
        )
        .order_by(ReviewDecision.seq.desc())
        .limit(limit + 1)
        .offset(offset)
    ).all()
    page = [decision_out(r) for r in rows[:limit]]
    return HistoryPage(
        items=page,
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(rows) > limit else None,
    )


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The last decision number a cursor has seen (0: from the start)."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if raw.startswith(_CURSOR_PREFIX):
            value = int(raw[len(_CURSOR_PREFIX) :])
            if 0 <= value < 2**62:
                return value
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise InputError("since is not a cursor this API returned (pass next_cursor as it came)")


def pull_decisions(
    *, session: Session, tenant_id: str, since: str | None, limit: int
) -> DecisionFeed:
    """Decisions after the cursor ``since``, oldest first; ``next_cursor`` continues the feed.

    The order is the decision number, assigned under a per-tenant lock at commit, so a page
    never skips a decision that commits later.
    """
    after = decode_cursor(since)
    rows = session.scalars(
        select(ReviewDecision)
        .where(ReviewDecision.tenant_id == tenant_id, ReviewDecision.seq > after)
        .order_by(ReviewDecision.seq)
        .limit(limit + 1)
    ).all()
    page = rows[:limit]
    last = page[-1].seq if page else after
    return DecisionFeed(
        items=[decision_out(r) for r in page],
        next_cursor=encode_cursor(last),
        has_more=len(rows) > limit,
    )
