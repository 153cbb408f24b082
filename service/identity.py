"""Tenants, subjects, API keys and the audit trail: the store functions behind authentication.

A key is ``vmk_<id>_<secret>``: the id is public (listed, logged in audit records), the
secret is 256 random bits of which only the SHA-256 is stored, so a leaked database does not
leak usable keys. A plain hash is enough because the secret is not guessable; a slow
password hash would only add latency to every request.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any, TypeVar

from sqlalchemy import Select, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.errors import ConflictError, InputError, NotFoundError
from service.tables import DEFAULT_TENANT, ApiKey, AuditEvent, Marker, Subject, Tenant, utcnow

Row = TypeVar("Row", Tenant, Subject)

KEY_PREFIX = "vmk"
_KEY_RE = re.compile(r"^vmk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")
_NAME_RE = re.compile(r"^[^\x00-\x1f\x7f]{1,128}$")
SUBJECT_KINDS = ("person", "system", "legacy")
MAX_QUOTA = 2_000_000_000  # quotas are stored as 32-bit integers


class Role(IntEnum):
    """Roles in increasing power; each can do everything the ones below it can."""

    integrator = 1
    moderator = 2
    trainer = 3
    admin = 4

    @classmethod
    def parse(cls, name: str) -> Role:
        try:
            return cls[name]
        except KeyError:
            raise InputError(
                f"unknown role {name!r}; expected one of {', '.join(r.name for r in cls)}"
            ) from None


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key, its subject (person or system), tenant and role."""

    key_id: str
    tenant_id: str
    subject_id: str
    subject_name: str
    role: Role
    requests_per_minute: int | None = None
    chars_per_minute: int | None = None


@dataclass(frozen=True)
class IssuedKey:
    """A newly created key; ``secret`` is the only copy of the full key."""

    record: ApiKey
    secret: str


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def parse_key(raw: str) -> tuple[str, str] | None:
    """``(key id, secret)`` of a well-formed key, else ``None``."""
    match = _KEY_RE.match(raw.strip())
    return (match.group(1), match.group(2)) if match else None


def check_name(value: str, field: str) -> str:
    value = value.strip()
    if not _NAME_RE.match(value):
        raise InputError(f"{field} must be 1..128 printable characters")
    return value


# -- tenants and subjects ------------------------------------------------------------------
def _insert_or_existing(session: Session, row: Row, query: Select[tuple[Row]]) -> Row:
    """Insert ``row``; when a concurrent insert of the same unique key won, return that row.

    The row is added inside the savepoint, so rolling it back also drops the pending row;
    added before it, the row stayed pending and the next query re-flushed it and failed.
    """
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        found = session.scalars(query).first()
        if found is None:
            raise
        return found
    return row


def get_or_create_tenant(*, session: Session, name: str) -> Tenant:
    name = check_name(name, "tenant")
    query = select(Tenant).where(Tenant.name == name)
    found = session.scalars(query).first()
    if found is not None:
        return found
    tenant_id = DEFAULT_TENANT if name == DEFAULT_TENANT else str(uuid.uuid4())
    return _insert_or_existing(session, Tenant(id=tenant_id, name=name), query)


def get_subject(*, session: Session, tenant_id: str, subject_id: str) -> Subject:
    row = session.get(Subject, subject_id)
    if row is None or row.tenant_id != tenant_id:
        raise NotFoundError(f"no subject {subject_id!r} in this tenant")
    return row


def get_or_create_subject(
    *, session: Session, tenant_id: str, name: str, kind: str = "person"
) -> Subject:
    """The tenant's subject called ``name``, created (as ``kind``) when missing."""
    name = check_name(name, "subject")
    if kind not in SUBJECT_KINDS:
        raise InputError(f"unknown subject kind {kind!r}; expected one of {SUBJECT_KINDS}")
    query = select(Subject).where(Subject.tenant_id == tenant_id, Subject.name == name)
    found = session.scalars(query).first()
    if found is not None:
        return found
    subject = Subject(id=str(uuid.uuid4()), tenant_id=tenant_id, name=name, kind=kind)
    return _insert_or_existing(session, subject, query)


def list_subjects(*, session: Session, tenant_id: str) -> list[Subject]:
    query = select(Subject).where(Subject.tenant_id == tenant_id).order_by(Subject.created_at)
    return list(session.scalars(query))


def set_trusted(*, session: Session, tenant_id: str, subject_id: str, trusted: bool) -> Subject:
    subject = get_subject(session=session, tenant_id=tenant_id, subject_id=subject_id)
    subject.trusted = trusted
    return subject


# -- keys ----------------------------------------------------------------------------------
def create_key(
    *,
    session: Session,
    tenant_id: str,
    subject_id: str,
    name: str,
    role: Role,
    requests_per_minute: int | None = None,
    chars_per_minute: int | None = None,
) -> IssuedKey:
    """Create a key for an existing subject (not committed: the caller commits)."""
    for field, value in (
        ("requests_per_minute", requests_per_minute),
        ("chars_per_minute", chars_per_minute),
    ):
        if value is not None and not 1 <= value <= MAX_QUOTA:
            raise InputError(f"{field} must be within 1..{MAX_QUOTA}")
    key_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    record = ApiKey(
        id=key_id,
        tenant_id=tenant_id,
        subject_id=subject_id,
        name=check_name(name, "name"),
        role=role.name,
        secret_hash=hash_secret(secret),
        requests_per_minute=requests_per_minute,
        chars_per_minute=chars_per_minute,
        created_at=utcnow(),
    )
    session.add(record)
    session.flush()
    return IssuedKey(record, f"{KEY_PREFIX}_{key_id}_{secret}")


def list_keys(*, session: Session, tenant_id: str | None = None) -> list[ApiKey]:
    query = select(ApiKey).order_by(ApiKey.created_at)
    if tenant_id is not None:
        query = query.where(ApiKey.tenant_id == tenant_id)
    return list(session.scalars(query))


def get_key(*, session: Session, key_id: str, tenant_id: str | None = None) -> ApiKey:
    row = session.get(ApiKey, key_id) if re.fullmatch(r"[0-9a-f]{16}", key_id) else None
    if row is None or (tenant_id is not None and row.tenant_id != tenant_id):
        raise NotFoundError(f"no API key {key_id!r}" + (" in this tenant" if tenant_id else ""))
    return row


def revoke_key(*, session: Session, key_id: str, tenant_id: str | None = None) -> ApiKey:
    row = get_key(session=session, key_id=key_id, tenant_id=tenant_id)
    if row.revoked_at is not None:
        raise ConflictError(f"API key {key_id!r} is already revoked")
    row.revoked_at = utcnow()
    return row


def verify_key(*, session: Session, raw: str) -> Principal | None:
    """The principal of a valid, unrevoked key, else ``None`` (never says which part failed)."""
    parsed = parse_key(raw)
    if parsed is None:
        return None
    key_id, secret = parsed
    row = session.get(ApiKey, key_id)
    if row is None or row.revoked_at is not None:
        return None
    if not hmac.compare_digest(row.secret_hash, hash_secret(secret)):
        return None
    return principal_of(session=session, row=row)


def principal_of(*, session: Session, row: ApiKey) -> Principal:
    """Who a key row acts as: its subject's name and its role and quotas."""
    subject = session.get(Subject, row.subject_id)
    return Principal(
        key_id=row.id,
        tenant_id=row.tenant_id,
        subject_id=row.subject_id,
        subject_name=subject.name if subject else row.subject_id,
        role=Role[row.role],
        requests_per_minute=row.requests_per_minute,
        chars_per_minute=row.chars_per_minute,
    )


def touch_key(*, session: Session, key_id: str, at: datetime) -> None:
    session.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=at))
    session.commit()


def key_as_dict(row: ApiKey) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "role": row.role,
        "tenant_id": row.tenant_id,
        "subject_id": row.subject_id,
        "requests_per_minute": row.requests_per_minute,
        "chars_per_minute": row.chars_per_minute,
        "created_at": row.created_at,
        "last_used_at": row.last_used_at,
        "revoked_at": row.revoked_at,
    }


# -- audit and one-time markers ------------------------------------------------------------
def audit(
    *,
    session: Session,
    tenant_id: str,
    action: str,
    actor: Principal | None = None,
    target: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an audit record (committed with the caller's transaction)."""
    event = AuditEvent(
        id=str(uuid.uuid4()),
        tenant_id=tenant_id,
        at=utcnow(),
        actor_subject_id=actor.subject_id if actor else None,
        actor_key_id=actor.key_id if actor else None,
        action=action,
        target=target,
        details=dict(details or {}),
    )
    session.add(event)
    return event


def list_audit(*, session: Session, tenant_id: str, limit: int, offset: int) -> list[AuditEvent]:
    query = (
        select(AuditEvent)
        .where(AuditEvent.tenant_id == tenant_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(query))


def claim_marker(*, session: Session, name: str) -> bool:
    """Insert the one-time marker ``name`` in the caller's transaction; False if it exists.

    The primary key makes this safe across workers and replicas: exactly one insert wins.
    """
    if session.get(Marker, name) is not None:
        return False
    session.add(Marker(name=name, created_at=utcnow()))
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        return False
    return True
