"""Score posts for a drop-in endpoint: the same limits, quotas and models as ``/v1/classify``."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import Response

from models.base import PostMetadata, Prediction, to_predictions
from models.errors import InputError
from models.explain import SpanResult
from service.config import Settings
from service.identity import Principal
from service.quotas import Quotas
from service.runtime import ModelRuntime
from service.schemas import MAX_CONTEXT_CHARS
from service.validation import clean_text


@dataclass(frozen=True)
class Scored:
    """Each task's predictions (one per text) and the model version that made them; the
    offending spans of each text when asked (``None``: not asked, or no span model)."""

    predictions: dict[str, list[Prediction]]
    versions: dict[str, str]
    spans: list[list[SpanResult]] | None = None

    def model_name(self) -> str:
        """``vimod-toxicity@<version>[+misinformation@<version>]``: what scored the posts."""
        return "vimod-" + "+".join(f"{t}@{v}" for t, v in self.versions.items())


def check_texts(texts: Sequence[str], field: str, settings: Settings) -> list[str]:
    """The settings' batch and length limits, with the field named as the client sent it."""
    if not texts:
        raise InputError(f"{field} is empty")
    if len(texts) > settings.max_client_batch_size:
        raise InputError(
            f"{field} has {len(texts)} items; the limit is {settings.max_client_batch_size} "
            "(max_client_batch_size)"
        )
    if len(texts) == 1:
        return [clean_text(texts[0], field, settings)]
    return [clean_text(t, f"{field}[{i}]", settings) for i, t in enumerate(texts)]


def check_context(value: str, field: str, settings: Settings) -> str:
    """A post's context: a text's checks, and ``MAX_CONTEXT_CHARS`` as in ``/v1/classify``."""
    if len(value) > MAX_CONTEXT_CHARS:
        raise InputError(f"{field} has {len(value)} characters; the limit is {MAX_CONTEXT_CHARS}")
    return clean_text(value, field, settings)


async def score_texts(
    texts: list[str],
    tasks: Sequence[str],
    *,
    contexts: Sequence[str | None] | None = None,
    principal: Principal,
    response: Response,
    quotas: Quotas,
    runtime: ModelRuntime,
    explain: bool = False,
) -> Scored:
    """Charge the key's character quota, then score ``texts`` with each task's active model.

    The thresholds are each model's own (task defaults, then those chosen at training).
    ``contexts``: what each text replies to (``PostMetadata.context``), counted like text.
    ``explain``: also find offending spans, inside the same admission.
    """
    key = principal.key_id
    given = list(contexts) if contexts is not None else [None] * len(texts)
    meta = [None if c is None else PostMetadata(context=c) for c in given]
    with runtime.admit(key, texts, len(tasks) + explain, meta) as admitted:
        chars = sum(len(t) for t in texts) + sum(len(c) for c in given if c)
        await quotas.charge_chars(principal, chars, response)
        scored = await asyncio.gather(
            *(runtime.score(t, texts, meta, key=key, admitted=admitted) for t in tasks)
        )
        explained = await runtime.explain(texts, key=key, admitted=admitted) if explain else None
    predictions: dict[str, list[Prediction]] = {}
    versions: dict[str, str] = {}
    for task, (model, proba) in zip(tasks, scored, strict=True):
        predictions[task] = to_predictions(model.classifier.task, proba, model.thresholds())
        versions[task] = model.version
    return Scored(predictions, versions, explained[0] if explained is not None else None)
