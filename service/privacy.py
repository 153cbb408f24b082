"""Retention and erasure of stored post texts.

Retention (``VIMOD_RETENTION_DAYS``, ``vimod store purge``) deletes stored predictions — the
posts integrators asked to keep with ``"store": true`` — older than a cutoff. Erasure removes
one post's text from every table that holds it (stored predictions and feedback; the review
queue when it exists) and leaves a tombstone in the audit trail that names no text. Models
already trained on a post keep what they learned until they are retrained.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from models.errors import InputError
from service.identity import Principal, audit
from service.tables import Feedback, StoredPrediction

ERASED = ""  # what an erased feedback row keeps as its text; training skips empty texts


def purge_predictions(*, session: Session, before: datetime, tenant_id: str | None = None) -> int:
    """Delete stored predictions created before ``before``; returns how many."""
    query = delete(StoredPrediction).where(StoredPrediction.created_at < before)
    if tenant_id is not None:
        query = query.where(StoredPrediction.tenant_id == tenant_id)
    result = session.execute(query)
    session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


def erase_post(
    *,
    session: Session,
    actor: Principal,
    prediction_id: str | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    """Erase a post of the actor's tenant, by stored prediction id or by exact text.

    Returns:
        Counts of affected rows and the id of the audit tombstone.
    """
    if (prediction_id is None) == (text is None):
        raise InputError("give exactly one of 'prediction_id' and 'text'")
    tenant = actor.tenant_id
    if prediction_id is not None:
        stored = session.get(StoredPrediction, prediction_id.replace("\x00", ""))
        ids = [prediction_id] if stored is not None and stored.tenant_id == tenant else []
        texts = [stored.text] if stored is not None and ids else []
    else:
        clean = (text or "").replace("\x00", " ")
        ids = list(
            session.scalars(
                select(StoredPrediction.id).where(
                    StoredPrediction.tenant_id == tenant, StoredPrediction.text == clean
                )
            )
        )
        texts = [clean]
    feedback = 0
    conditions = []
    if ids:
        conditions.append(Feedback.prediction_id.in_(ids))
    if texts:
        conditions.append(Feedback.text.in_(texts))
    for condition in conditions:
        result = session.execute(
            update(Feedback)
            .where(Feedback.tenant_id == tenant, condition, Feedback.text != ERASED)
            .values(text=ERASED, note=None)
        )
        feedback += int(getattr(result, "rowcount", 0) or 0)
    predictions = 0
    if ids:
        result = session.execute(delete(StoredPrediction).where(StoredPrediction.id.in_(ids)))
        predictions = int(getattr(result, "rowcount", 0) or 0)
    event = audit(
        session=session,
        tenant_id=tenant,
        action="post.erase",
        actor=actor,
        target=prediction_id if prediction_id is not None else "text",
        details={"predictions": predictions, "feedback": feedback},
    )
    session.commit()
    return {"predictions": predictions, "feedback": feedback, "audit_id": event.id}
