"""Store reads behind a web UI session: the key a session names, as a principal."""

from __future__ import annotations

from sqlalchemy.orm import Session

from service.identity import Principal, Role
from service.tables import ApiKey, Subject


def key_principal(*, session: Session, key_id: str) -> tuple[Principal, str] | None:
    """(principal, stored secret hash) of an unrevoked key, else ``None``."""
    row = session.get(ApiKey, key_id)
    if row is None or row.revoked_at is not None or row.role not in Role.__members__:
        return None
    subject = session.get(Subject, row.subject_id)
    principal = Principal(
        key_id=row.id,
        tenant_id=row.tenant_id,
        subject_id=row.subject_id,
        subject_name=subject.name if subject else row.subject_id,
        role=Role[row.role],
        requests_per_minute=row.requests_per_minute,
        chars_per_minute=row.chars_per_minute,
    )
    return principal, row.secret_hash
