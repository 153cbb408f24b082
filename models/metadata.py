"""Post metadata (likes, comments, shares, posting time) as model input, for any model kind.

Two rules shape this module:

* **Missing is not zero.** A client that sends text alone must not be scored as if it
  were an unpopular post. Missing values stay ``NaN`` (tree models route them explicitly)
  or get a flag column (``metadata_matrix``, for linear models).
* **Only signals that travel.** Engagement counts, their ratios, and the hour and weekday
  of posting. No absolute date (in ReINTEL every post outside Feb–Jun 2020 is
  unreliable, a collection artefact that would flag every post written today), no author
  id, no timestamp precision (whole-minute timestamps are far commoner among ReINTEL's
  unreliable posts: how they were collected, not what they say).

``MetadataFusion`` is late fusion by stacking: any text model supplies a few
out-of-fold text features (its logit, neighbour votes, ...) and the fusion learns how
metadata shifts them. Each post is routed explicitly by what it carries: text alone goes
to a text-only branch, so its score is exactly what the text supports. The PhoBERT kind
can reuse it by feeding its own logits (out-of-fold, or on a held-out split).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold
from threadpoolctl import ThreadpoolController

from models.base import PostMetadata
from models.forest import FlatForest

log = logging.getLogger(__name__)

FEATURES = ("likes", "comments", "shares")
META_COLUMNS = (
    "log_likes",
    "log_comments",
    "log_shares",
    "comments_per_like",
    "shares_per_like",
    "hour",
    "weekday",
)
UTC_OFFSET_S = 7 * 3600  # hour and weekday are read in Vietnam time
_FIELDS = {  # which feature columns each input field feeds (to hide a field as a whole)
    "likes": (0, 3, 4),
    "comments": (1, 3),
    "shares": (2, 4),
    "posted_at": (5, 6),
}


def metadata_matrix(metadata: Sequence[PostMetadata | None]) -> np.ndarray:
    """Return ``(n, 2 * len(FEATURES))``: log1p counts and a missing flag per count.

    For linear models, which cannot take ``NaN``.
    """
    out = np.zeros((len(metadata), 2 * len(FEATURES)))
    for i, meta in enumerate(metadata):
        for j, name in enumerate(FEATURES):
            value = None if meta is None else getattr(meta, name)
            if value is None or value != value or value < 0:
                out[i, 2 * j + 1] = 1.0
            else:
                out[i, 2 * j] = np.log1p(value) / 10.0
    return out


def _raw(metadata: Sequence[PostMetadata | None], name: str) -> np.ndarray:
    values = [None if m is None else getattr(m, name) for m in metadata]
    arr = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    arr[~np.isfinite(arr) | (arr < 0)] = np.nan
    return arr


def metadata_features(metadata: Sequence[PostMetadata | None]) -> np.ndarray:
    """Return ``(n, len(META_COLUMNS))`` features with ``NaN`` wherever an input is missing.

    Negative, infinite or ``NaN`` inputs count as missing. ``posted_at`` above 1e11 is
    taken to be milliseconds.
    """
    likes, comments, shares = (np.log1p(_raw(metadata, name)) for name in FEATURES)
    posted = _raw(metadata, "posted_at")
    posted = np.where(posted > 1e11, posted / 1000.0, posted)
    local = posted + UTC_OFFSET_S
    hour = np.mod(local, 86400.0) / 3600.0
    weekday = np.mod(np.floor(local / 86400.0) + 3, 7)  # 1970-01-01 was a Thursday (3)
    cols = [likes, comments, shares, comments - likes, shares - likes, hour, weekday]
    return np.column_stack(cols) if len(metadata) else np.zeros((0, len(META_COLUMNS)))


def has_metadata(metadata: Sequence[PostMetadata | None] | None, n: int) -> np.ndarray:
    """Boolean mask of the ``n`` posts that carry at least one usable metadata value."""
    if metadata is None:
        return np.zeros(n, dtype=bool)
    if len(metadata) != n:
        raise ValueError(f"got {len(metadata)} metadata entries for {n} texts")
    return ~np.isnan(metadata_features(metadata)).all(axis=1)


def hide_fields(
    features: np.ndarray, rng: np.random.Generator, columns: np.ndarray | None = None
) -> np.ndarray:
    """A copy of ``metadata_features`` output with input fields hidden at random.

    Each row draws its own hiding rate, so every pattern of missing fields (likes only,
    no posting time, ...) is well represented, not just the patterns a corpus happens to
    have. ``columns`` says which ``META_COLUMNS`` ``features`` holds (default: all).
    """
    keep = np.ones(len(META_COLUMNS), dtype=bool) if columns is None else columns
    position = np.cumsum(keep) - 1  # META_COLUMNS index -> column of ``features``
    out = features.copy()
    rate = rng.random(len(out))
    for cols in _FIELDS.values():
        rows = rng.random(len(out)) < rate
        present = np.array([position[c] for c in cols if keep[c]], dtype=int)
        if present.size:
            out[np.ix_(rows, present)] = np.nan
    return out


def cross_fit(
    fit_predict: Callable[[np.ndarray, np.ndarray], np.ndarray],
    y: np.ndarray,
    *,
    folds: int = 5,
    seed: int = 0,
) -> np.ndarray:
    """Out-of-fold predictions: ``fit_predict(train_idx, held_idx)`` for each fold.

    Returns the stacked held-out outputs in the original row order, so a stacker is
    trained on scores the text model produced for posts it never saw.
    """
    out: np.ndarray | None = None
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, held_idx in splitter.split(np.zeros(len(y)), y):
        part = np.asarray(fit_predict(train_idx, held_idx), dtype=np.float64)
        if out is None:
            out = np.zeros((len(y), *part.shape[1:]))
        out[held_idx] = part
    assert out is not None
    return out


# Gradient boosting for a few thousand rows: small trees, large leaves, many small steps.
HGB_PARAMS: dict[str, Any] = {
    "max_iter": 300,
    "learning_rate": 0.04,
    "max_leaf_nodes": 7,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": False,  # fixed capacity: the same model whatever the corpus size
    "random_state": 0,
}


@cache
def _controller() -> ThreadpoolController:
    return ThreadpoolController()


@contextmanager
def _one_thread() -> Iterator[None]:
    """Run gradient boosting on one OpenMP thread.

    The stack is tiny (thousands of rows, about ten columns): on a shared CPU, OpenMP
    threads spin against each other and against concurrent requests (a 400-row fit took
    30 s on two busy cores, 0.7 s on one thread).
    """
    with _controller().limit(limits=1, user_api="openmp"):
        yield


class MetadataFusion:
    """Stack text features with metadata, with one branch per kind of request.

    * no metadata: the text branch (text features only), so a text-only request is
      scored on its text, never as an unpopular post;
    * all fields present: the complete branch, fitted on real rows only;
    * some fields present: the partial branch, fitted on the rows with metadata plus a
      copy with fields hidden at random (``hide_fields``).

    A branch with too few training rows is skipped and its posts fall back to the next
    (complete → partial → text), so a text-only corpus yields a text-only model.

    Args:
        n_classes: number of task labels (columns of ``predict_proba``).
        seed: for the augmentation.
    """

    MIN_ROWS = 100

    def __init__(self, n_classes: int, *, seed: int = 0) -> None:
        self.n_classes = n_classes
        self.seed = seed
        self.text_branch: HistGradientBoostingClassifier | None = None
        self.complete_branch: HistGradientBoostingClassifier | None = None
        self.partial_branch: HistGradientBoostingClassifier | None = None
        self.columns = np.ones(len(META_COLUMNS), dtype=bool)  # metadata columns in use

    def _fit_branch(self, x: np.ndarray, y: np.ndarray) -> HistGradientBoostingClassifier | None:
        if len(y) < self.MIN_ROWS or len(set(y.tolist())) < 2:
            return None
        return HistGradientBoostingClassifier(**{**HGB_PARAMS, "random_state": self.seed}).fit(x, y)

    def fit(
        self,
        text_features: np.ndarray,
        metadata: Sequence[PostMetadata | None] | None,
        y: np.ndarray,
    ) -> MetadataFusion:
        """Fit on out-of-fold ``text_features`` ``(n, k)`` and label indices ``y``."""
        with _one_thread():
            return self._fit(text_features, metadata, y)

    def _fit(
        self,
        text_features: np.ndarray,
        metadata: Sequence[PostMetadata | None] | None,
        y: np.ndarray,
    ) -> MetadataFusion:
        text_features = np.asarray(text_features, dtype=np.float64)
        params = {**HGB_PARAMS, "random_state": self.seed}
        self.text_branch = HistGradientBoostingClassifier(**params).fit(text_features, y)
        meta = _features_or_nan(metadata, len(y))
        # a field the corpus never has is not a feature (and all-NaN columns break binning)
        self.columns = ~np.isnan(meta).all(axis=0)
        meta = meta[:, self.columns]
        known = ~np.isnan(meta).all(axis=1) if meta.shape[1] else np.zeros(len(y), dtype=bool)
        complete = known & ~np.isnan(meta).any(axis=1)
        self.complete_branch = self._fit_branch(
            np.hstack([text_features[complete], meta[complete]]), y[complete]
        )
        hidden = hide_fields(meta[known], np.random.default_rng(self.seed), self.columns)
        self.partial_branch = self._fit_branch(
            np.vstack(
                [
                    np.hstack([text_features[known], meta[known]]),
                    np.hstack([text_features[known], hidden]),
                ]
            ),
            np.concatenate([y[known], y[known]]),
        )
        log.info(
            "metadata fusion: %d rows, %d with metadata, %d complete",
            len(y),
            known.sum(),
            complete.sum(),
        )
        return self

    def predict_proba(
        self, text_features: np.ndarray, metadata: Sequence[PostMetadata | None] | None
    ) -> np.ndarray:
        """``(n, n_classes)`` probabilities, each row from the branch its metadata selects."""
        if self.text_branch is None:
            raise RuntimeError("fusion is not fitted")
        return self._predict(text_features, metadata)

    def _flat(self, code: int, branch: HistGradientBoostingClassifier) -> FlatForest:
        """The branch as a ``FlatForest``: built on first use, never pickled."""
        flat: dict[int, FlatForest] = self.__dict__.setdefault("_flat_branches", {})
        if code not in flat:
            flat[code] = FlatForest(branch)
        return flat[code]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_flat_branches", None)  # derived from the branches; rebuilt after loading
        return state

    def _predict(
        self, text_features: np.ndarray, metadata: Sequence[PostMetadata | None] | None
    ) -> np.ndarray:
        text_features = np.asarray(text_features, dtype=np.float64)
        n = len(text_features)
        out = np.zeros((n, self.n_classes))
        meta = _features_or_nan(metadata, n)[:, self.columns]
        route = np.zeros(n, dtype=int)  # 0 text, 1 partial, 2 complete
        if meta.shape[1] and self.partial_branch is not None:
            route[~np.isnan(meta).all(axis=1)] = 1
        if meta.shape[1] and self.complete_branch is not None:
            route[~np.isnan(meta).any(axis=1)] = 2
        for code, branch, with_meta in (
            (0, self.text_branch, False),
            (1, self.partial_branch, True),
            (2, self.complete_branch, True),
        ):
            rows = route == code
            if branch is None or not rows.any():
                continue
            x = np.hstack([text_features[rows], meta[rows]]) if with_meta else text_features[rows]
            out[np.ix_(rows, branch.classes_)] = self._flat(code, branch).predict_proba(x)
        return out


def _features_or_nan(metadata: Sequence[PostMetadata | None] | None, n: int) -> np.ndarray:
    if metadata is None:
        return np.full((n, len(META_COLUMNS)), np.nan)
    if len(metadata) != n:
        raise ValueError(f"got {len(metadata)} metadata entries for {n} texts")
    return metadata_features(metadata)
