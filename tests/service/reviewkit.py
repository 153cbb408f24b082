"""Helpers of the review-queue tests: principals, stored posts and a fixed clock."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from service.config import Settings
from service.identity import (
    Principal,
    Role,
    create_key,
    get_or_create_subject,
    get_or_create_tenant,
)
from service.review.queue import enqueue_predictions
from service.store import save_predictions
from service.tables import DEFAULT_TENANT

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
OWN = {"toxicity": {"OFFENSIVE": 0.5, "HATE": 0.5}, "misinformation": {"UNRELIABLE": 0.5}}


def principal(
    sessions: sessionmaker[Session],
    name: str,
    *,
    role: str = "moderator",
    tenant: str = DEFAULT_TENANT,
) -> Principal:
    """A real subject with a real key, as the HTTP layer would hand to the service."""
    with sessions() as session:
        t = get_or_create_tenant(session=session, name=tenant)
        s = get_or_create_subject(session=session, tenant_id=t.id, name=name)
        issued = create_key(
            session=session, tenant_id=t.id, subject_id=s.id, name="k", role=Role[role]
        )
        session.commit()
        return Principal(
            key_id=issued.record.id,
            tenant_id=t.id,
            subject_id=s.id,
            subject_name=s.name,
            role=Role[role],
        )


def toxicity(hate: float, offensive: float = 0.05, **extra: Any) -> dict[str, Any]:
    clean = max(0.0, 1.0 - hate - offensive)
    scores = {"CLEAN": clean, "OFFENSIVE": offensive, "HATE": hate}
    return {
        "toxicity": {
            "label": max(scores, key=lambda k: scores[k]),
            "scores": scores,
            "flagged": hate >= 0.5 or offensive >= 0.5,
            "model": "baseline",
            "model_version": "tox-v1",
            **extra,
        }
    }


def store_posts(
    sessions: sessionmaker[Session],
    settings: Settings,
    tenant_id: str,
    posts: Sequence[tuple[str, dict[str, Any]]],
    *,
    context: str | None = None,
    now: datetime = T0,
) -> list[str]:
    """Store ``(text, categories)`` posts and queue them as classify does; returns their ids."""
    ids = [str(uuid.uuid4()) for _ in posts]
    with sessions() as session:
        save_predictions(
            session=session,
            tenant_id=tenant_id,
            items=[(i, text, cats) for i, (text, cats) in zip(ids, posts, strict=True)],
            context=context,
            commit=False,
        )
        enqueue_predictions(
            session=session,
            settings=settings,
            tenant_id=tenant_id,
            predictions=[(i, cats) for i, (_, cats) in zip(ids, posts, strict=True)],
            thresholds=OWN,
            now=now,
        )
    return ids
