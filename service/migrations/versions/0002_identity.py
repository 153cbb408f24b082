"""Identity: tenants, subjects, API keys, audit events; feedback and predictions scoped.

Existing rows move to the ``default`` tenant, and each distinct free-text ``moderator_id``
becomes a ``legacy`` subject of it, so every stored label stays attributable.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

DEFAULT_TENANT = "default"


def upgrade() -> None:
    op.create_table(
        "tenants",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "subjects",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("tenant_id", sa.String(36), sa.ForeignKey("tenants.id"), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("trusted", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("tenant_id", "name", name="uq_subjects_tenant_name"),
    )
    op.create_index("ix_subjects_tenant_id", "subjects", ["tenant_id"])
    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("tenant_id", sa.String(36), sa.ForeignKey("tenants.id"), nullable=False),
        sa.Column("subject_id", sa.String(36), sa.ForeignKey("subjects.id"), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("requests_per_minute", sa.Integer(), nullable=True),
        sa.Column("chars_per_minute", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_api_keys_tenant_id", "api_keys", ["tenant_id"])
    op.create_index("ix_api_keys_subject_id", "api_keys", ["subject_id"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("tenant_id", sa.String(36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_subject_id", sa.String(36), nullable=True),
        sa.Column("actor_key_id", sa.String(32), nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(128), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
    )
    op.create_index("ix_audit_events_tenant_id", "audit_events", ["tenant_id"])
    op.create_index("ix_audit_events_at", "audit_events", ["at"])
    op.create_table(
        "markers",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )

    for table in ("predictions", "feedback"):
        op.add_column(
            table,
            sa.Column("tenant_id", sa.String(36), nullable=False, server_default=DEFAULT_TENANT),
        )
        op.create_index(f"ix_{table}_tenant_id", table, ["tenant_id"])
    op.add_column("feedback", sa.Column("subject_id", sa.String(36), nullable=True))
    op.add_column("feedback", sa.Column("key_id", sa.String(32), nullable=True))
    op.create_index("ix_feedback_subject_id", "feedback", ["subject_id"])
    op.create_index("ix_feedback_key_id", "feedback", ["key_id"])
    _migrate_rows()


def _migrate_rows() -> None:
    """Create the default tenant and one legacy subject per free-text moderator id."""
    bind = op.get_bind()
    now = datetime.now(UTC)
    tenants = sa.table("tenants", sa.column("id"), sa.column("name"), sa.column("created_at"))
    bind.execute(tenants.insert().values(id=DEFAULT_TENANT, name=DEFAULT_TENANT, created_at=now))
    subjects = sa.table(
        "subjects",
        sa.column("id"),
        sa.column("tenant_id"),
        sa.column("name"),
        sa.column("kind"),
        sa.column("trusted"),
        sa.column("created_at"),
    )
    feedback = sa.table("feedback", sa.column("moderator_id"), sa.column("subject_id"))
    names = bind.execute(sa.select(feedback.c.moderator_id).distinct()).scalars().all()
    for name in names:
        subject_id = str(uuid.uuid4())
        bind.execute(
            subjects.insert().values(
                id=subject_id,
                tenant_id=DEFAULT_TENANT,
                name=name[:128],
                kind="legacy",
                trusted=False,
                created_at=now,
            )
        )
        bind.execute(
            feedback.update().where(feedback.c.moderator_id == name).values(subject_id=subject_id)
        )


def downgrade() -> None:
    for index, table in (
        ("ix_feedback_key_id", "feedback"),
        ("ix_feedback_subject_id", "feedback"),
        ("ix_feedback_tenant_id", "feedback"),
        ("ix_predictions_tenant_id", "predictions"),
    ):
        op.drop_index(index, table)
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("key_id")
        batch.drop_column("subject_id")
        batch.drop_column("tenant_id")
    with op.batch_alter_table("predictions") as batch:
        batch.drop_column("tenant_id")
    for table in ("markers", "audit_events", "api_keys", "subjects", "tenants"):
        op.drop_table(table)
