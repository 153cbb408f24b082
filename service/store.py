"""The labeled-feedback store: the only module that queries the database.

Functions take keyword-only arguments and a ``Session``; the caller owns the transaction
boundary only through these functions, which commit what they write.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.errors import ConflictError, InputError, NotFoundError
from models.tasks import get_task
from service.identity import Principal as Author
from service.tables import Feedback, StoredPrediction, Subject, Tenant, utcnow


def new_id() -> str:
    return str(uuid.uuid4())


def new_ids(n: int) -> list[str]:
    """``n`` version-4 UUIDs, as ``new_id`` makes them, from one ``os.urandom`` call
    (a 64-post request made 64 system calls)."""
    raw = os.urandom(16 * n)
    return [str(uuid.UUID(bytes=raw[i : i + 16], version=4)) for i in range(0, 16 * n, 16)]


def save_predictions(
    *,
    session: Session,
    tenant_id: str,
    items: Sequence[tuple[str, str, dict[str, Any]]],
    context: str | None = None,
    contexts: Sequence[str | None] | None = None,
    commit: bool = True,
) -> None:
    """Persist ``(id, text, categories)`` triples from one classify request of ``tenant_id``.

    ``context`` (the parent post or article title) is kept with each post for moderators,
    or ``contexts``, one per item (``None``: the item has none);
    ``commit=False`` leaves the commit to a caller that adds more in the same transaction.
    """
    now = utcnow()
    if contexts is None:
        contexts = [context] * len(items)
    elif len(contexts) != len(items):
        raise ValueError(f"{len(contexts)} contexts for {len(items)} items")
    session.add_all(
        StoredPrediction(
            id=pid,
            tenant_id=tenant_id,
            text=_no_nul(text),
            categories=cats,
            created_at=now,
            context=None if c is None else _no_nul(c),
        )
        for (pid, text, cats), c in zip(items, contexts, strict=True)
    )
    if commit:
        session.commit()
    else:
        session.flush()


def _no_nul(text: str) -> str:
    """PostgreSQL text cannot hold NUL; store a space so every caller (API, CLI) is safe."""
    return text.replace("\x00", " ")


def get_prediction(*, session: Session, tenant_id: str, prediction_id: str) -> StoredPrediction:
    """A stored prediction of ``tenant_id``; another tenant's id is as unknown as a missing one."""
    # No stored id holds NUL, and PostgreSQL refuses to even compare with one.
    row = None if "\x00" in prediction_id else session.get(StoredPrediction, prediction_id)
    if row is None or row.tenant_id != tenant_id:
        raise NotFoundError(
            f'no stored prediction with id {prediction_id!r} (classify with "store": true)'
        )
    return row


def _request_hash(fields: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()


def scoped_idempotency_key(key_id: str, key: str) -> str:
    """What is stored for a client's Idempotency-Key: a digest scoped to the API key.

    Two clients choosing the same key never collide, and the raw header is not stored.
    """
    return hashlib.sha256(f"{key_id}\x00{key}".encode()).hexdigest()


def record_feedback(
    *,
    session: Session,
    author: Author,
    task: str,
    label: str,
    prediction_id: str | None = None,
    text: str | None = None,
    note: str | None = None,
    idempotency_key: str | None = None,
) -> tuple[Feedback, bool]:
    """Store a moderator's label for a stored prediction or a raw text.

    Returns:
        The record and whether it was created now (``False``: an idempotent replay).

    Raises:
        InputError: unknown task or label, or neither/both of ``prediction_id`` and ``text``.
        NotFoundError: ``prediction_id`` is not stored.
        ConflictError: ``idempotency_key`` was used before with a different request.
    """
    get_task(task).check_label(label)
    if (prediction_id is None) == (text is None):
        raise InputError("give exactly one of 'prediction_id' and 'text'")
    moderator_id = author.subject_name
    text = None if text is None else _no_nul(text)
    note = None if note is None else _no_nul(note)
    fields = {
        "task": task,
        "label": label,
        "moderator_id": moderator_id,
        "prediction_id": prediction_id,
        "text": text,
        "note": note,
    }
    digest = _request_hash(fields)
    if idempotency_key is not None:
        idempotency_key = scoped_idempotency_key(author.key_id, idempotency_key)
        existing = _by_key(session, idempotency_key)
        if existing is not None:
            return _replay(existing, digest), False
    predicted_label = model_version = None
    if prediction_id is not None:
        stored = get_prediction(
            session=session, tenant_id=author.tenant_id, prediction_id=prediction_id
        )
        text = stored.text
        result = stored.categories.get(task)
        if isinstance(result, dict):
            predicted_label = result.get("label")
            model_version = result.get("model_version")
    row = Feedback(
        id=new_id(),
        prediction_id=prediction_id,
        text=text or "",
        task=task,
        label=label,
        predicted_label=predicted_label,
        model_version=model_version,
        moderator_id=moderator_id,
        tenant_id=author.tenant_id,
        subject_id=author.subject_id,
        key_id=author.key_id,
        note=note,
        idempotency_key=idempotency_key,
        request_hash=digest if idempotency_key else None,
        created_at=utcnow(),
    )
    session.add(row)
    try:
        session.commit()
    except IntegrityError:
        # A concurrent request with the same key won the race; answer with its record.
        session.rollback()
        existing = _by_key(session, idempotency_key) if idempotency_key else None
        if existing is None:
            raise
        return _replay(existing, digest), False
    return row, True


def add_review_feedback(
    *,
    session: Session,
    author: Author,
    stored: StoredPrediction,
    task: str,
    label: str,
    note: str | None,
    slot_id: str,
) -> Feedback:
    """Add (not commit) the label of a review decision as an ordinary feedback row.

    Trainers read review decisions like any feedback (``vimod feedback export``, ``vimod
    retrain``). The idempotency key is derived from the slot, so the database refuses a second
    label of the same task from the same slot.
    """
    get_task(task).check_label(label)
    result = stored.categories.get(task)
    predicted = result if isinstance(result, dict) else {}
    row = Feedback(
        id=new_id(),
        prediction_id=stored.id,
        text=stored.text,
        task=task,
        label=label,
        predicted_label=predicted.get("label"),
        model_version=predicted.get("model_version"),
        moderator_id=author.subject_name,
        tenant_id=author.tenant_id,
        subject_id=author.subject_id,
        key_id=author.key_id,
        note=None if note is None else _no_nul(note),
        idempotency_key=scoped_idempotency_key(f"review-slot:{slot_id}", task),
        created_at=utcnow(),
    )
    session.add(row)
    return row


def _by_key(session: Session, key: str) -> Feedback | None:
    return session.scalars(select(Feedback).where(Feedback.idempotency_key == key)).first()


def _replay(existing: Feedback, digest: str) -> Feedback:
    if existing.request_hash != digest:
        raise ConflictError("Idempotency-Key was already used with a different request body")
    return existing


def _filtered(
    tenant_id: str | None,
    task: str | None,
    label: str | None,
    since: datetime | None,
    until: datetime | None,
) -> Any:
    query = select(Feedback)
    if tenant_id is not None:
        query = query.where(Feedback.tenant_id == tenant_id)
    if task is not None:
        query = query.where(Feedback.task == task)
    if label is not None:
        query = query.where(Feedback.label == label)
    if since is not None:
        query = query.where(Feedback.created_at >= since)
    if until is not None:
        query = query.where(Feedback.created_at < until)
    return query


def list_feedback(
    *,
    session: Session,
    tenant_id: str,
    task: str | None = None,
    label: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Feedback], int]:
    """One page of feedback, newest first, and the total matching count."""
    query = _filtered(tenant_id, task, label, since, until)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(Feedback.created_at.desc(), Feedback.id.desc()).limit(limit).offset(offset)
    ).all()
    return list(rows), int(total)


def iter_feedback(
    *, session: Session, task: str | None = None, tenant_id: str | None = None, batch: int = 1000
) -> Iterator[Feedback]:
    """Every feedback row (of one tenant, or all), oldest first, streamed in batches."""
    query = _filtered(tenant_id, task, None, None, None).order_by(Feedback.created_at, Feedback.id)
    yield from session.scalars(query.execution_options(yield_per=batch))


def list_label_subjects(*, session: Session, tenant_id: str | None = None) -> list[Subject]:
    """Subjects (of one tenant, or all) with their admin marks, for the label-quality check."""
    query = select(Subject).order_by(Subject.created_at, Subject.id)
    if tenant_id is not None:
        query = query.where(Subject.tenant_id == tenant_id)
    return list(session.scalars(query))


def find_tenant(*, session: Session, name: str) -> Tenant:
    """The tenant called ``name``; an unknown name raises ``NotFoundError``."""
    row = session.scalars(select(Tenant).where(Tenant.name == name)).first()
    if row is None:
        raise NotFoundError(f"no tenant {name!r}")
    return row


def approve_labels(*, session: Session, tenant_id: str, name: str) -> Subject:
    """Approve the labels a subject wrote until now (committed by the caller).

    Training keeps an approved subject's labels up to this time even when the label-quality
    check flags it; later labels need a new approval.
    """
    row = session.scalars(
        select(Subject).where(Subject.tenant_id == tenant_id, Subject.name == name)
    ).first()
    if row is None:
        raise NotFoundError(f"no subject {name!r} in this tenant")
    row.labels_approved_at = utcnow()
    return row


def feedback_as_dict(row: Feedback) -> dict[str, Any]:
    return {
        "id": row.id,
        "prediction_id": row.prediction_id,
        "text": row.text,
        "task": row.task,
        "label": row.label,
        "predicted_label": row.predicted_label,
        "model_version": row.model_version,
        "moderator_id": row.moderator_id,
        "subject_id": row.subject_id,
        "key_id": row.key_id,
        "tenant_id": row.tenant_id,
        "note": row.note,
        "created_at": row.created_at.isoformat(),
    }
