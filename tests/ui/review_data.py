"""Queued posts for the review-page tests, written through the review service layer.

Each test uses a tenant of its own, so what one test claims never shows up in another's queue.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI

from service.review import queue

THRESHOLDS = {"toxicity": {"OFFENSIVE": 0.5, "HATE": 0.5}}


def categories(text: str, offending: str | None, version: str = "test-v1") -> dict[str, Any]:
    """A stored toxicity result flagging ``text``, with a span over ``offending`` if given."""
    spans = []
    if offending is not None:
        start = text.index(offending)
        spans = [{"start": start, "end": start + len(offending), "text": offending, "score": 0.91}]
    return {
        "toxicity": {
            "label": "OFFENSIVE",
            "flagged": True,
            "scores": {"CLEAN": 0.1, "OFFENSIVE": 0.8, "HATE": 0.1},
            "model_version": version,
            "spans": spans,
        }
    }


def enqueue(
    app: FastAPI,
    tenant_id: str,
    posts: Sequence[tuple[str, str | None]],
    context: str | None = None,
) -> list[str]:
    """Store and queue ``(text, offending part)`` posts; returns their prediction ids."""
    ids = [str(uuid.uuid4()) for _ in posts]
    with app.state.sessions() as session:
        queued = queue.store_for_review(
            session=session,
            settings=app.state.settings,
            tenant_id=tenant_id,
            items=[
                (pid, text, categories(text, part))
                for pid, (text, part) in zip(ids, posts, strict=True)
            ],
            thresholds=THRESHOLDS,
            context=context,
        )
    assert queued == len(posts)
    return ids
