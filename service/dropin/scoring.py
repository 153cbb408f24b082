"""Score posts for a drop-in endpoint: the same limits, quotas and models as ``/v1/classify``."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import Response

from models.base import Prediction, to_predictions
from models.errors import InputError
from service.config import Settings
from service.identity import Principal
from service.quotas import Quotas
from service.runtime import ModelRuntime
from service.validation import clean_text


@dataclass(frozen=True)
class Scored:
    """Each task's predictions (one per text) and the model version that made them."""

    predictions: dict[str, list[Prediction]]
    versions: dict[str, str]

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


async def score_texts(
    texts: list[str],
    tasks: Sequence[str],
    *,
    principal: Principal,
    response: Response,
    quotas: Quotas,
    runtime: ModelRuntime,
) -> Scored:
    """Charge the key's character quota, then score ``texts`` with each task's active model.

    The thresholds are each model's own (task defaults, then those chosen at training).
    """
    key = principal.key_id
    runtime.admit(key, texts, len(tasks) + 1)  # one more pass: a possible explain
    await quotas.charge_chars(principal, sum(len(t) for t in texts), response)
    meta = [None] * len(texts)
    scored = await asyncio.gather(
        *(runtime.score(t, texts, meta, key=key, admitted=True) for t in tasks)
    )
    predictions: dict[str, list[Prediction]] = {}
    versions: dict[str, str] = {}
    for task, (model, proba) in zip(tasks, scored, strict=True):
        predictions[task] = to_predictions(model.classifier.task, proba, model.thresholds())
        versions[task] = model.version
    return Scored(predictions, versions)
