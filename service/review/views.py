"""Rows of the review tables as the response bodies of ``service.review.schemas``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.review.priority import points
from service.review.schemas import DecisionOut, ItemOut, PreviousDecision, SlotOut
from service.review.tables import ReviewDecision, ReviewItem, ReviewSlot
from service.tables import StoredPrediction


def decision_out(row: ReviewDecision) -> DecisionOut:
    return DecisionOut(
        id=row.id,
        item_id=row.item_id,
        slot_id=row.slot_id,
        prediction_id=row.prediction_id,
        round=row.round,
        subject_id=row.subject_id,
        labels=dict(row.labels),
        spans=row.spans,
        action=row.action,
        reason=row.reason,
        created_at=row.created_at,
    )


def previous_of(rows: Sequence[ReviewDecision]) -> list[dict[str, Any]]:
    """The decisions of a finished round, as stored on the item when it is appealed."""
    return [
        PreviousDecision(
            subject_id=r.subject_id,
            labels=dict(r.labels),
            action=r.action,
            reason=r.reason,
            spans=r.spans,
            decided_at=r.created_at,
        ).model_dump(mode="json")
        for r in sorted(rows, key=lambda r: r.seq)
    ]


def _previous(item: ReviewItem) -> list[PreviousDecision] | None:
    if not item.previous:
        return None
    return [PreviousDecision.model_validate(p) for p in item.previous]


def item_out(item: ReviewItem) -> ItemOut:
    return ItemOut(
        id=item.id,
        prediction_id=item.prediction_id,
        reason=item.reason,  # type: ignore[arg-type]
        status=item.status,  # type: ignore[arg-type]
        round=item.round,
        slots=item.slots,
        due_at=item.due_at,
        previous=_previous(item),
    )


def slots_out(session: Session, slots: Sequence[ReviewSlot], blur: bool) -> list[SlotOut]:
    """Claimed slots with their posts (two queries, whatever the number of slots)."""
    item_ids = {s.item_id for s in slots}
    items = {
        i.id: i for i in session.scalars(select(ReviewItem).where(ReviewItem.id.in_(item_ids)))
    }
    pred_ids = {i.prediction_id for i in items.values()}
    posts = {
        p.id: p
        for p in session.scalars(select(StoredPrediction).where(StoredPrediction.id.in_(pred_ids)))
    }
    out = []
    for slot in slots:
        item = items[slot.item_id]
        post = posts[item.prediction_id]
        cats = dict(post.categories)
        toxicity = cats.get("toxicity")
        spans = toxicity.get("spans") if isinstance(toxicity, dict) else None
        assert slot.lease_expires_at is not None
        out.append(
            SlotOut(
                slot_id=slot.id,
                item_id=item.id,
                prediction_id=item.prediction_id,
                round=slot.round,
                double_review=item.slots > 1,
                text=post.text,
                blur=blur and (item.flagged or item.severity > 0),
                context=post.context,
                categories=cats,
                model_versions={
                    t: str(r.get("model_version"))
                    for t, r in cats.items()
                    if isinstance(r, dict) and r.get("model_version")
                },
                spans=spans if isinstance(spans, list) else None,
                reason=item.reason,  # type: ignore[arg-type]
                note=item.note,
                previous=_previous(item),
                priority=round(points(item.severity, item.uncertainty, item.reason), 6),
                due_at=item.due_at,
                lease_expires_at=slot.lease_expires_at,
            )
        )
    return out
