"""A smoke prediction that a version must pass before it is activated or served.

Unpickling proves little: a version whose files load can still fail on its first call
(a missing attribute, a library upgrade, NaN weights). Scoring a few fixed posts, one of
them without metadata, catches that before the version replaces a working one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np

from models.base import Classifier, PostMetadata
from models.errors import RegistryError
from models.span_contract import Span, SpanTagger

SAMPLES = "resources/smoke_posts.json"
ROW_SUM_TOLERANCE = 1e-3


@cache
def smoke_posts() -> tuple[tuple[str, ...], tuple[PostMetadata | None, ...]]:
    """The shipped sample posts and their metadata (``None`` where a post has none)."""
    raw = json.loads(resources.files("models").joinpath(SAMPLES).read_text("utf-8"))
    texts = tuple(str(item["text"]) for item in raw)
    metadata = tuple(
        None if item.get("metadata") is None else PostMetadata(**item["metadata"]) for item in raw
    )
    return texts, metadata


def smoke_check(model: Classifier, version: str) -> None:
    """Score the sample posts and check the result's shape, finiteness and row sums.

    Args:
        model: a freshly loaded classifier.
        version: named in the error, so an operator knows which version to look at.

    Raises:
        RegistryError: whatever ``predict_proba`` raised, or the reason its output is unusable.
    """
    texts, metadata = smoke_posts()
    try:
        proba = np.asarray(model.predict_proba(list(texts), list(metadata)), dtype=np.float64)
    except Exception as exc:  # a model may fail in any library; report it, never crash
        raise RegistryError(
            f"{version}: smoke prediction failed: {type(exc).__name__}: {exc}"
        ) from exc
    problem = _output_problem(proba, len(texts), len(model.task.labels))
    if problem:
        raise RegistryError(f"{version}: smoke prediction failed: {problem}")


def _output_problem(proba: np.ndarray, n_texts: int, n_labels: int) -> str | None:
    if proba.shape != (n_texts, n_labels):
        return f"output shape {proba.shape}, expected {(n_texts, n_labels)}"
    if not np.isfinite(proba).all():
        return "output has NaN or infinite scores"
    sums = proba.sum(axis=1)
    if not np.allclose(sums, 1.0, atol=ROW_SUM_TOLERANCE):
        worst = float(sums[np.argmax(np.abs(sums - 1.0))])
        return f"output rows do not sum to 1 (one sums to {worst:.4f})"
    return None


def smoke_check_spans(tagger: SpanTagger, version: str) -> None:
    """Tag the sample posts and check one list per post, each span inside its post.

    Raises:
        RegistryError: whatever ``predict_spans`` raised, or the first invalid span.
    """
    texts, _ = smoke_posts()
    try:
        result = tagger.predict_spans(list(texts))
    except Exception as exc:  # a model may fail in any library; report it, never crash
        raise RegistryError(
            f"{version}: smoke prediction failed: {type(exc).__name__}: {exc}"
        ) from exc
    problem = span_problem(texts, result)
    if problem:
        raise RegistryError(f"{version}: smoke prediction failed: {problem}")


def span_problem(texts: Sequence[str], result: Sequence[Sequence[Span]]) -> str | None:
    """Why ``result`` is not a valid answer for ``texts``, or ``None`` when it is."""
    if len(result) != len(texts):
        return f"{len(result)} span lists for {len(texts)} posts"
    for n, (text, spans) in enumerate(zip(texts, result, strict=True)):
        end = 0
        for span in spans:
            if not (end <= span.start < span.end <= len(text)):
                return f"post {n}: span {span.start}..{span.end} out of order or outside the text"
            if not (0.0 <= span.score <= 1.0):
                return f"post {n}: span score {span.score} outside [0, 1]"
            end = span.end
    return None
