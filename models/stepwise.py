"""Scoring a long text in bounded steps, so a scheduler can run other work in between.

A 20,000-character post costs the TF-IDF baseline a few hundred milliseconds in one
uninterruptible call; a one-word post queued behind it waits that long. A
``StepwiseClassifier`` also offers ``predict_proba_steps``: a generator that does the work
of ``predict_proba`` a bounded piece at a time (yielding between pieces) and returns the
very matrix ``predict_proba`` would. The service runs one step per call on its inference
thread, so other requests interleave between the steps of a long text.

Character n-grams within words (``char_wb``) are additive over a text cut at whitespace,
which is what lets one vectorizer's pass over a long text be split exactly.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Protocol, TypeVar, runtime_checkable

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from models.base import PostMetadata

T = TypeVar("T")
# Yields once per step (the value is unused), returns the probabilities.
Steps = Generator[None, None, np.ndarray]


@runtime_checkable
class StepwiseClassifier(Protocol):
    """A classifier whose ``predict_proba`` can also run as a generator of short steps."""

    def predict_proba_steps(
        self,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
        *,
        step_chars: int,
    ) -> Steps:
        """``predict_proba(texts, metadata)``, each step covering about ``step_chars``."""
        ...


def run_steps(steps: Generator[None, None, T]) -> T:
    """Run a generator of steps to its end and return its value."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def whitespace_pieces(text: str, size: int) -> list[str]:
    """``text`` cut before spaces into pieces of at most about ``size`` characters.

    A stretch without a space runs on to the next one: the cut never splits a word.
    """
    if size <= 0 or len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + 1, start + size)
        if cut < 0:
            cut = text.find(" ", start + size)
            if cut < 0:
                break
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def splittable(vectorizer: TfidfVectorizer) -> bool:
    """Whether ``vectorizer``'s counts add up over whitespace pieces (``char_wb`` n-grams)."""
    return vectorizer.analyzer == "char_wb"


def tfidf_steps(
    vectorizer: TfidfVectorizer, text: str, step_chars: int
) -> Generator[None, None, sparse.csr_matrix]:
    """``vectorizer.transform([text])``, one step per ``step_chars`` of ``text``.

    Counts are summed over the pieces and weighted once, exactly as for the whole text
    (indices sorted, so the row's norm adds the same numbers in the same order).
    """
    if not splittable(vectorizer) or len(text) <= step_chars:
        row = vectorizer.transform([text])
        yield
        return row  # type: ignore[no-any-return]
    counts: sparse.csr_matrix | None = None
    for piece in whitespace_pieces(text, step_chars):
        part = CountVectorizer.transform(vectorizer, [piece])  # raw counts, no weighting
        counts = part if counts is None else counts + part
        yield
    assert counts is not None
    counts = sparse.csr_matrix(counts)
    counts.sort_indices()
    # TfidfVectorizer.transform is CountVectorizer.transform then this fitted transformer.
    return vectorizer._tfidf.transform(counts, copy=False)  # type: ignore[no-any-return]
