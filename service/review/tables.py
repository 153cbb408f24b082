"""ORM tables of the review queue (migration 0004). Imported by ``service.tables``' metadata users.

An item is a stored post that needs review; each review *round* (the first, then one per
appeal) has one or two slots, and each slot is decided exactly once by the moderator holding
its lease. Decisions carry a per-tenant sequence number, assigned under a lock at commit time,
so integrators can page through them with a gap-free cursor.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from service.tables import Base, UTCDateTime, utcnow


class ReviewItem(Base):
    """A stored post in the queue: why it is there, how urgent, and its current round."""

    __tablename__ = "review_items"
    __table_args__ = (UniqueConstraint("prediction_id", name="uq_review_items_prediction"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36), index=True)
    prediction_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("predictions.id", ondelete="CASCADE")
    )
    reason: Mapped[str] = mapped_column(String(16))  # flagged | uncertain | reported | appeal
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    severity: Mapped[int] = mapped_column(Integer, default=0)
    uncertainty: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | decided
    round: Mapped[int] = mapped_column(Integer, default=0)
    slots: Mapped[int] = mapped_column(Integer, default=1)
    previous: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ReviewSlot(Base):
    """One review of one round of an item; leased to one moderator at a time."""

    __tablename__ = "review_slots"
    __table_args__ = (
        UniqueConstraint("item_id", "round", "seq", name="uq_review_slots_item_round_seq"),
        # Two slots of a round never share a holder: the database refuses it even if two
        # claims of the same moderator race (NULL holders do not collide).
        UniqueConstraint("item_id", "round", "holder_id", name="uq_review_slots_item_round_holder"),
        Index("ix_review_slots_queue", "tenant_id", "status", "sort_key"),
        Index("ix_review_slots_holder", "holder_id", "status"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    item_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("review_items.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | claimed | decided
    sort_key: Mapped[float] = mapped_column(Float)
    holder_id: Mapped[str | None] = mapped_column(String(36))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewSkip(Base):
    """A moderator passed on a slot: it is not handed to them again."""

    __tablename__ = "review_skips"

    slot_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("review_slots.id", ondelete="CASCADE"), primary_key=True
    )
    subject_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewDecision(Base):
    """A moderator's decision on one slot; ``seq`` orders a tenant's decisions for pulling."""

    __tablename__ = "review_decisions"
    __table_args__ = (
        UniqueConstraint("slot_id", name="uq_review_decisions_slot"),
        UniqueConstraint("tenant_id", "seq", name="uq_review_decisions_tenant_seq"),
        Index("ix_review_decisions_subject", "tenant_id", "subject_id", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("review_items.id", ondelete="CASCADE"), index=True
    )
    slot_id: Mapped[str] = mapped_column(String(36))
    prediction_id: Mapped[str] = mapped_column(String(36))
    round: Mapped[int] = mapped_column(Integer)
    subject_id: Mapped[str] = mapped_column(String(36))
    labels: Mapped[dict[str, str]] = mapped_column(JSON)
    spans: Mapped[list[dict[str, int]] | None] = mapped_column(JSON)
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewClaim(Base):
    """Append-only: who was shown which item when (moderators' exposure per day)."""

    __tablename__ = "review_claims"
    __table_args__ = (Index("ix_review_claims_subject_at", "tenant_id", "subject_id", "at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    subject_id: Mapped[str] = mapped_column(String(36))
    slot_id: Mapped[str] = mapped_column(String(36))
    flagged: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewSetting(Base):
    """A moderator's own queue settings (stored per subject)."""

    __tablename__ = "review_settings"

    subject_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    blur: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewCounter(Base):
    """The next decision sequence number of a tenant; its row lock orders decision commits."""

    __tablename__ = "review_counters"

    tenant_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
