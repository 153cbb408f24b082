"""A post-level "does this post hold an offending span?" score, fed to the span CRF.

A CRF sees a few tokens either side; whether a word is an insult often depends on the
whole post (``chó`` in a pet post vs. in a rant). A hashed character n-gram logistic
regression over the normalised post gives that context as one feature per token. It is
stored as plain arrays (``post.npz``, read with ``allow_pickle=False``) and a hashing
vectoriser that needs no vocabulary file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

from models.text import normalize_many, strip_diacritics

POST_FILE = "post.npz"
_FEATURES = 2**18


def _vectorizer() -> HashingVectorizer:
    return HashingVectorizer(
        analyzer="char_wb", ngram_range=(1, 4), n_features=_FEATURES, alternate_sign=False
    )


def _prepare(texts: Sequence[str]) -> list[str]:
    """Normalised text plus its accent-blind twin, so both spellings share n-grams."""
    return [f"{t} | {strip_diacritics(t)}" for t in normalize_many(texts)]


class PostScorer:
    """Probability that a post has any offending span."""

    def __init__(self, coef: np.ndarray, intercept: float) -> None:
        self.coef = coef.astype(np.float32)
        self.intercept = float(intercept)

    @classmethod
    def fit(cls, texts: Sequence[str], has_span: Sequence[bool], c: float = 4.0) -> PostScorer:
        x = _vectorizer().transform(_prepare(texts))
        model = LogisticRegression(C=c, max_iter=2000)
        model.fit(x, np.asarray(has_span, dtype=int))
        return cls(model.coef_[0], float(model.intercept_[0]))

    def score(self, texts: Sequence[str]) -> np.ndarray:
        x = _vectorizer().transform(_prepare(texts))
        return np.asarray(1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept))))

    def save(self, directory: Path) -> None:
        with open(directory / POST_FILE, "wb") as fh:
            np.savez_compressed(fh, coef=self.coef, intercept=np.array([self.intercept]))

    @classmethod
    def load(cls, directory: Path) -> PostScorer:
        with np.load(directory / POST_FILE, allow_pickle=False) as data:
            return cls(data["coef"], float(data["intercept"][0]))
