"""Nearest-neighbour votes over a text model's TF-IDF space.

Rumours and news are re-posted with small edits, so "how close is this post to a known
unreliable one, and to a known reliable one" carries signal a linear model over n-grams
misses. The features are text-only (available for every request) and class-generic.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

_BLOCK = 512  # rows per dense similarity block: bounds memory on large corpora


def unit_rows(x: sparse.spmatrix) -> sparse.csr_matrix:
    """A float32 CSR copy of ``x`` with L2-normalised rows (all-zero rows stay zero).

    scikit-learn's own kernel, called without ``normalize``'s input checks, which cost
    more than the arithmetic for a one-post request.
    """
    rows = sparse.csr_matrix(x, dtype=np.float32, copy=True)
    inplace_csr_row_normalize_l2(rows)
    return rows


class NeighbourVotes:
    """Cosine similarity to the labelled training posts.

    Args:
        k: neighbours in the similarity-weighted vote.
        n_classes: number of task labels.
    """

    def __init__(self, k: int, n_classes: int) -> None:
        self.k = k
        self.n_classes = n_classes
        self._x: sparse.csr_matrix | None = None
        self._y: np.ndarray | None = None

    @property
    def n_features(self) -> int:
        """Max similarity per class, then the vote share of every class but the first."""
        return 2 * self.n_classes - 1

    def fit(self, x: sparse.spmatrix, y: np.ndarray) -> NeighbourVotes:
        """Keep the L2-normalised training rows (float32) and their label indices."""
        self._x = unit_rows(x)
        self._y = np.asarray(y, dtype=int)
        return self

    def transform(self, x: sparse.spmatrix) -> np.ndarray:
        """``(n, n_features)`` neighbour features for the rows of ``x``."""
        if self._x is None or self._y is None:
            raise RuntimeError("neighbours are not fitted")
        if x.shape[0] == 0:
            return np.zeros((0, self.n_features))
        rows = unit_rows(x)
        parts = [self._block(rows[i : i + _BLOCK]) for i in range(0, rows.shape[0], _BLOCK)]
        return np.vstack(parts) if parts else np.zeros((0, self.n_features))

    def _index(self) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
        """Training rows grouped by class and transposed, their labels, and class bounds.

        Built once, not per request: with the columns grouped by class, the best match
        per class is a max over a slice, not over a masked copy.
        """
        cached = self.__dict__.get("_cached_index")
        if cached is None:
            assert self._x is not None and self._y is not None
            order = np.argsort(self._y, kind="stable")
            labels = self._y[order]
            bounds = np.searchsorted(labels, np.arange(self.n_classes + 1))
            cached = (sparse.csr_matrix(self._x[order].T), labels, bounds)
            self.__dict__["_cached_index"] = cached
        return cached

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_cached_index", None)  # derived; rebuilt after loading
        return state

    def _block(self, rows: sparse.csr_matrix) -> np.ndarray:
        transposed, labels_by_column, bounds = self._index()
        sims = (rows @ transposed).toarray()
        n = sims.shape[0]
        out = np.zeros((n, self.n_features))
        for c in range(self.n_classes):
            if bounds[c + 1] > bounds[c]:
                out[:, c] = sims[:, bounds[c] : bounds[c + 1]].max(axis=1)
        if n == 0 or self.k == 0:
            return out
        row, column, weight = nearest(sims, self.k)
        total = np.bincount(row, weights=weight, minlength=n) + 1e-9
        labels = labels_by_column[column]
        for c in range(1, self.n_classes):
            votes = np.bincount(row, weights=weight * (labels == c), minlength=n)
            out[:, self.n_classes + c - 1] = votes / total
        return out


_CHUNK = 64  # columns per chunk when bounding the k-th largest similarity


def nearest(sims: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``k`` largest positive entries of each row: (row, column, value), row-sorted.

    A full ``argpartition`` over thousands of columns per row dominated a batch's cost.
    Instead, the k-th largest of the per-chunk maxima bounds the k-th largest entry from
    below (those k maxima are k entries at least that large), so only entries above the
    bound, usually a few dozen per row, are sorted. Zero similarities are left out: a
    neighbour of weight 0 adds nothing to a similarity-weighted vote.
    """
    n, m = sims.shape
    full = m // _CHUNK * _CHUNK
    maxima = sims[:, :full].reshape(n, -1, _CHUNK).max(axis=2)
    if full < m:
        maxima = np.column_stack([maxima, sims[:, full:].max(axis=1)])
    chunks = maxima.shape[1]
    if chunks >= k:
        bound = np.partition(maxima, chunks - k, axis=1)[:, chunks - k]
    else:
        bound = np.zeros(n, dtype=sims.dtype)
    row, column = np.nonzero((sims >= bound[:, None]) & (sims > 0))
    value = sims[row, column]
    order = np.lexsort((-value, row))
    row, column, value = row[order], column[order], value[order]
    keep = np.arange(len(row)) - np.searchsorted(row, row) < k  # rank within the row
    return row[keep], column[keep], value[keep]
