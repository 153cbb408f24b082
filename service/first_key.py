"""The first admin key: created once, on the first start with an empty key table.

Secure by default and still two commands: ``make serve`` on a fresh clone requires keys, so
the first start creates exactly one admin key (guarded by a one-time marker row, so workers
and replicas starting together cannot create two) and writes it to a 0600 file in
``secrets_dir``. The log says where the file is, never the key.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from service.identity import (
    Role,
    audit,
    claim_marker,
    create_key,
    get_or_create_subject,
    get_or_create_tenant,
)
from service.private_files import write_private
from service.tables import DEFAULT_TENANT, ApiKey

log = logging.getLogger(__name__)

KEY_FILE = "admin.key"
MARKER = "bootstrap-admin-key"


def ensure_admin_key(sessions: sessionmaker[Session], secrets_dir: Path) -> Path | None:
    """Create the first admin key if no key exists yet.

    Returns:
        The file holding the new key, or ``None`` when keys already existed.
    """
    with sessions() as session:
        if session.scalar(select(func.count()).select_from(ApiKey)):
            return None
        if not claim_marker(session=session, name=MARKER):
            return None
        tenant = get_or_create_tenant(session=session, name=DEFAULT_TENANT)
        subject = get_or_create_subject(
            session=session, tenant_id=tenant.id, name="admin", kind="system"
        )
        issued = create_key(
            session=session,
            tenant_id=tenant.id,
            subject_id=subject.id,
            name="first admin key",
            role=Role.admin,
        )
        audit(session=session, tenant_id=tenant.id, action="key.bootstrap", target=issued.record.id)
        path = secrets_dir / KEY_FILE
        write_private(path, issued.secret + "\n")  # before commit: a committed key is never lost
        session.commit()
    log.warning(
        "created the first admin key (id %s); it is in %s (mode 0600). Use it to create "
        "keys for people and systems (vimod keys create, or POST /v1/keys).",
        issued.record.id,
        path.resolve(),
    )
    return path
