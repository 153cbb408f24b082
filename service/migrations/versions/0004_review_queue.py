"""Review queue: items, slots, skips, decisions, claims, settings, counters; ``predictions.context``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _at(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.add_column("predictions", sa.Column("context", sa.Text(), nullable=True))
    op.create_table(
        "review_items",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("tenant_id", sa.String(36), nullable=False),
        sa.Column(
            "prediction_id",
            sa.String(36),
            sa.ForeignKey("predictions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("uncertainty", sa.Float(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("slots", sa.Integer(), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        _at("created_at"),
        _at("due_at"),
        _at("decided_at", nullable=True),
        sa.UniqueConstraint("prediction_id", name="uq_review_items_prediction"),
    )
    op.create_index("ix_review_items_tenant_id", "review_items", ["tenant_id"])
    op.create_table(
        "review_slots",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("tenant_id", sa.String(36), nullable=False),
        sa.Column(
            "item_id",
            sa.String(36),
            sa.ForeignKey("review_items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sort_key", sa.Float(), nullable=False),
        sa.Column("holder_id", sa.String(36), nullable=True),
        _at("lease_expires_at", nullable=True),
        _at("created_at"),
        sa.UniqueConstraint("item_id", "round", "seq", name="uq_review_slots_item_round_seq"),
        sa.UniqueConstraint(
            "item_id", "round", "holder_id", name="uq_review_slots_item_round_holder"
        ),
    )
    op.create_index("ix_review_slots_item_id", "review_slots", ["item_id"])
    op.create_index("ix_review_slots_queue", "review_slots", ["tenant_id", "status", "sort_key"])
    op.create_index("ix_review_slots_holder", "review_slots", ["holder_id", "status"])
    op.create_table(
        "review_skips",
        sa.Column(
            "slot_id",
            sa.String(36),
            sa.ForeignKey("review_slots.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("subject_id", sa.String(36), primary_key=True),
        _at("at"),
    )
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("tenant_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column(
            "item_id",
            sa.String(36),
            sa.ForeignKey("review_items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("slot_id", sa.String(36), nullable=False),
        sa.Column("prediction_id", sa.String(36), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=False),
        sa.Column("labels", sa.JSON(), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        _at("created_at"),
        sa.UniqueConstraint("slot_id", name="uq_review_decisions_slot"),
        sa.UniqueConstraint("tenant_id", "seq", name="uq_review_decisions_tenant_seq"),
    )
    op.create_index("ix_review_decisions_item_id", "review_decisions", ["item_id"])
    op.create_index(
        "ix_review_decisions_subject",
        "review_decisions",
        ["tenant_id", "subject_id", "created_at"],
    )
    op.create_table(
        "review_claims",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("tenant_id", sa.String(36), nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=False),
        sa.Column("slot_id", sa.String(36), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        _at("at"),
    )
    op.create_index(
        "ix_review_claims_subject_at", "review_claims", ["tenant_id", "subject_id", "at"]
    )
    op.create_table(
        "review_settings",
        sa.Column("subject_id", sa.String(36), primary_key=True),
        sa.Column("tenant_id", sa.String(36), nullable=False),
        sa.Column("blur", sa.Boolean(), nullable=False),
        _at("updated_at"),
    )
    op.create_table(
        "review_counters",
        sa.Column("tenant_id", sa.String(36), primary_key=True),
        sa.Column("next_seq", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "review_counters",
        "review_settings",
        "review_claims",
        "review_decisions",
        "review_skips",
        "review_slots",
        "review_items",
    ):
        op.drop_table(table)
    with op.batch_alter_table("predictions") as batch:
        batch.drop_column("context")
