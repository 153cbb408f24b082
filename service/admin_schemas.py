"""Request and response bodies of the admin API: keys, subjects, audit and erasure."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from service.identity import MAX_QUOTA

RoleName = Literal["integrator", "moderator", "trainer", "admin"]


class KeyCreate(BaseModel):
    """A new key for a subject of the caller's tenant (created when ``subject`` is new)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=128, description="What the key is for.")
    role: RoleName
    subject: str = Field(
        min_length=1,
        max_length=128,
        description="Person or system the key acts for; rotation keeps the subject.",
    )
    subject_kind: Literal["person", "system"] = "person"
    requests_per_minute: StrictInt | None = Field(None, ge=1, le=MAX_QUOTA)
    chars_per_minute: StrictInt | None = Field(None, ge=1, le=MAX_QUOTA)


class KeyOut(BaseModel):
    id: str
    name: str
    role: str
    tenant_id: str
    subject_id: str
    requests_per_minute: int | None
    chars_per_minute: int | None
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class KeyCreated(KeyOut):
    key: str = Field(description="The full key. Shown once: it is stored only as a hash.")


class KeyList(BaseModel):
    items: list[KeyOut]


class SubjectOut(BaseModel):
    id: str
    name: str
    kind: str
    trusted: bool
    created_at: datetime


class SubjectList(BaseModel):
    items: list[SubjectOut]


class SubjectUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    trusted: bool = Field(
        strict=True, description="Trusted subjects' labels may vouch for a feedback holdout."
    )


class AuditOut(BaseModel):
    id: str
    at: datetime
    actor_subject_id: str | None
    actor_key_id: str | None
    action: str
    target: str | None
    details: dict[str, Any]


class AuditList(BaseModel):
    items: list[AuditOut]


class ErasureRequest(BaseModel):
    """Erase one post: by stored prediction id, or every copy of an exact text."""

    model_config = ConfigDict(extra="forbid")

    prediction_id: str | None = Field(None, min_length=1, max_length=36)
    text: str | None = Field(
        None, min_length=1, description="Exact text; at most max_input_chars characters."
    )


class ErasureOut(BaseModel):
    predictions: int = Field(description="Stored predictions deleted.")
    feedback: int = Field(description="Feedback rows whose text (and note) were removed.")
    audit_id: str = Field(description="The tombstone left in the audit trail.")
