"""Label approval: ``subjects.labels_approved_at``, when an admin approved a subject's labels.

``vimod retrain`` leaves out the labels of a subject the label-quality check flags, unless an
admin approved them; the approval covers labels written up to this time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "subjects", sa.Column("labels_approved_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("subjects") as batch:
        batch.drop_column("labels_approved_at")
