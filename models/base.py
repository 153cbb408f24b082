"""The one ``Classifier`` contract that every model kind satisfies.

Serving, the registry and training only talk to this interface, so they never branch on
model kind. Prediction is batch-only: the output shape never depends on the input count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

import numpy as np

from models.tasks import Task


@dataclass(frozen=True)
class PostMetadata:
    """What a client may send with a post besides its text; every field is optional.

    ``context`` is the text the post replies to (a news title, the parent comment): labels
    judge the post, and the context only helps read it. It travels here, beside the
    engagement counts, so every model kind keeps one ``predict_proba(texts, metadata)``
    contract; a kind that has no use for it ignores it (``models.baseline`` reads it, the
    PhoBERT kinds do not). It never feeds the metadata fusion (``models.metadata``).
    """

    likes: float | None = None
    comments: float | None = None
    shares: float | None = None
    posted_at: float | None = None  # unix seconds, UTC
    context: str | None = None


def contexts_of(metadata: Sequence[PostMetadata | None] | None, n: int) -> list[str | None]:
    """The ``context`` of each of ``n`` posts (``None`` where there is none)."""
    if metadata is None:
        return [None] * n
    return [None if m is None or not m.context else m.context for m in metadata]


@dataclass(frozen=True)
class Prediction:
    """One text's result for one task."""

    label: str
    scores: dict[str, float]
    flagged: bool
    # The flag labels that reached their thresholds, in task label order: with per-label
    # thresholds ``label`` can be the benign one while the post is flagged, so a client
    # (and the drop-in endpoints) needs to know which label tripped it.
    flagged_labels: tuple[str, ...] = ()


@runtime_checkable
class Classifier(Protocol):
    """A trained model for one task.

    Attributes:
        kind: registry key of the implementation (``baseline``, ``phobert``).
        task: the task it scores; ``task.labels`` is the column order of ``predict_proba``.
        config: JSON-serialisable hyper-parameters, recorded in the manifest.
    """

    kind: ClassVar[str]
    task: Task
    config: dict[str, Any]

    def predict_proba(
        self,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
    ) -> np.ndarray:
        """Return an array of shape ``(len(texts), len(task.labels))`` whose rows sum to 1.

        ``texts`` are raw posts: each classifier applies its own text pipeline, so training
        and serving always preprocess identically.
        """
        ...

    def save(self, directory: Path) -> None:
        """Write everything needed to load the model into ``directory`` (which exists)."""
        ...


def to_predictions(
    task: Task,
    proba: np.ndarray,
    thresholds: Mapping[str, float] | None = None,
) -> list[Prediction]:
    """Turn a probability matrix into labelled, flagged predictions.

    Args:
        task: gives the label order and the labels that can flag.
        proba: ``(n, len(task.labels))`` probabilities.
        thresholds: per-label flag thresholds; missing labels use the task defaults.

    Returns:
        One ``Prediction`` per row: ``label`` is the arg-max, ``flagged_labels`` the flag
        labels that reach their thresholds (task label order) and ``flagged`` whether any does.
    """
    limits = {**task.default_thresholds, **(thresholds or {})}
    labels = task.labels
    flag_idx = [
        (lab, labels.index(lab), limits.get(lab, 0.5)) for lab in labels if lab in task.flag_labels
    ]
    rows = np.asarray(proba, dtype=np.float64)
    best = rows.argmax(axis=1)
    out: list[Prediction] = []
    for i, row in enumerate(rows.tolist()):
        scores = {lab: round(p, 6) for lab, p in zip(labels, row, strict=True)}
        tripped = tuple(lab for lab, j, limit in flag_idx if row[j] >= limit)
        out.append(
            Prediction(
                label=labels[int(best[i])],
                scores=scores,
                flagged=bool(tripped),
                flagged_labels=tripped,
            )
        )
    return out
