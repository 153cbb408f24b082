"""Admin API of a tenant: API keys, subjects, the audit trail and erasure of posts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status

from models.errors import ForbiddenError
from service.admin_schemas import (
    AuditList,
    AuditOut,
    ErasureOut,
    ErasureRequest,
    KeyCreate,
    KeyCreated,
    KeyList,
    KeyOut,
    SubjectList,
    SubjectOut,
    SubjectUpdate,
)
from service.auth import AdminDep
from service.deps import SessionDep, SettingsDep
from service.identity import (
    Role,
    audit,
    create_key,
    get_or_create_subject,
    key_as_dict,
    list_audit,
    list_keys,
    list_subjects,
    revoke_key,
    set_trusted,
)
from service.privacy import erase_post
from service.responses import AUTHENTICATED, errors
from service.validation import clean_text

router = APIRouter(prefix="/v1", tags=["admin"], responses=errors(*AUTHENTICATED))

_404 = errors(404, 409)


@router.post(
    "/keys",
    operation_id="create_key",
    status_code=status.HTTP_201_CREATED,
    response_model=KeyCreated,
)
def create_api_key(body: KeyCreate, principal: AdminDep, session: SessionDep) -> KeyCreated:
    """Create a key for a subject of your tenant; the response holds the only copy of it."""
    subject = get_or_create_subject(
        session=session, tenant_id=principal.tenant_id, name=body.subject, kind=body.subject_kind
    )
    if subject.kind == "legacy":
        raise ForbiddenError(f"subject {subject.name!r} is a legacy label author, not a key owner")
    issued = create_key(
        session=session,
        tenant_id=principal.tenant_id,
        subject_id=subject.id,
        name=body.name,
        role=Role[body.role],
        requests_per_minute=body.requests_per_minute,
        chars_per_minute=body.chars_per_minute,
    )
    audit(
        session=session,
        tenant_id=principal.tenant_id,
        action="key.create",
        actor=principal,
        target=issued.record.id,
        details={"role": body.role, "subject_id": subject.id},
    )
    session.commit()
    return KeyCreated(**key_as_dict(issued.record), key=issued.secret)


@router.get("/keys", operation_id="list_keys", response_model=KeyList)
def list_api_keys(principal: AdminDep, session: SessionDep) -> KeyList:
    """Every key of your tenant (never the secrets)."""
    rows = list_keys(session=session, tenant_id=principal.tenant_id)
    return KeyList(items=[KeyOut(**key_as_dict(r)) for r in rows])


@router.delete("/keys/{key_id}", operation_id="revoke_key", response_model=KeyOut, responses=_404)
def revoke_api_key(
    key_id: str, principal: AdminDep, session: SessionDep, request: Request
) -> KeyOut:
    """Revoke a key of your tenant; this process refuses it at once, others within the cache time."""
    row = revoke_key(session=session, key_id=key_id, tenant_id=principal.tenant_id)
    audit(
        session=session,
        tenant_id=principal.tenant_id,
        action="key.revoke",
        actor=principal,
        target=key_id,
    )
    session.commit()
    request.app.state.auth.cache.forget(key_id)
    return KeyOut(**key_as_dict(row))


@router.get("/subjects", operation_id="list_subjects", response_model=SubjectList)
def get_subjects(principal: AdminDep, session: SessionDep) -> SubjectList:
    """People and systems of your tenant, including legacy label authors."""
    rows = list_subjects(session=session, tenant_id=principal.tenant_id)
    return SubjectList(items=[SubjectOut.model_validate(r, from_attributes=True) for r in rows])


@router.patch(
    "/subjects/{subject_id}",
    operation_id="update_subject",
    response_model=SubjectOut,
    responses=_404,
)
def update_subject(
    subject_id: str, body: SubjectUpdate, principal: AdminDep, session: SessionDep
) -> SubjectOut:
    """Mark a subject trusted (or not)."""
    row = set_trusted(
        session=session, tenant_id=principal.tenant_id, subject_id=subject_id, trusted=body.trusted
    )
    audit(
        session=session,
        tenant_id=principal.tenant_id,
        action="subject.trust" if body.trusted else "subject.distrust",
        actor=principal,
        target=subject_id,
    )
    session.commit()
    return SubjectOut.model_validate(row, from_attributes=True)


@router.get("/audit", operation_id="list_audit", response_model=AuditList)
def get_audit(
    principal: AdminDep,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> AuditList:
    """Your tenant's audit trail, newest first."""
    rows = list_audit(session=session, tenant_id=principal.tenant_id, limit=limit, offset=offset)
    return AuditList(items=[AuditOut.model_validate(r, from_attributes=True) for r in rows])


@router.post("/erasures", operation_id="create_erasure", response_model=ErasureOut)
def erase(
    body: ErasureRequest, principal: AdminDep, session: SessionDep, settings: SettingsDep
) -> ErasureOut:
    """Remove a post's text from every table that holds it; a tombstone stays in the audit."""
    text = None if body.text is None else clean_text(body.text, "text", settings)
    counts = erase_post(
        session=session, actor=principal, prediction_id=body.prediction_id, text=text
    )
    return ErasureOut(**counts)
