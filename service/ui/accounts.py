"""Store reads behind a web UI session: the key a session names, as a principal."""

from __future__ import annotations

from sqlalchemy.orm import Session

from service.identity import Principal, Role, principal_of
from service.tables import ApiKey


def key_principal(*, session: Session, key_id: str) -> tuple[Principal, str] | None:
    """(principal, stored secret hash) of an unrevoked key, else ``None``."""
    row = session.get(ApiKey, key_id)
    if row is None or row.revoked_at is not None or row.role not in Role.__members__:
        return None
    principal = principal_of(session=session, row=row)
    return principal, row.secret_hash
