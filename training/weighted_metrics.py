"""Classification metrics over many weightings of one test set at once.

A bootstrap resample of ``n`` posts is the same as weighting each post by the number of
times it was drawn. Written with weights, every metric here is a sum over posts, so ``R``
resamples are one ``(R, n)`` array operation rather than ``R`` calls to scikit-learn.
With all weights 1 the results equal scikit-learn's (``zero_division=0``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse


def _ratio(num: np.ndarray, den: np.ndarray, empty: float = 0.0) -> np.ndarray:
    """``num / den``, with ``empty`` where ``den`` is 0."""
    out = np.full(np.broadcast(num, den).shape, empty, dtype=float)
    return np.divide(num, den, out=out, where=den > 0)


def confusion_counts(
    weights: np.ndarray, y_true: np.ndarray, y_pred: np.ndarray, k: int
) -> np.ndarray:
    """Weighted confusion matrices, shape ``(R, k, k)`` (rows true, columns predicted).

    Args:
        weights: ``(R, n)`` weights, one row per resample.
        y_true: gold label indices, length ``n``.
        y_pred: predicted label indices, length ``n``.
        k: number of labels.
    """
    cells = np.eye(k * k)[y_true * k + y_pred]  # (n, k*k) one-hot of each post's cell
    return (weights @ cells).reshape(-1, k, k)


def decision_metrics(counts: np.ndarray, labels: Sequence[str]) -> dict[str, np.ndarray]:
    """Accuracy, macro-F1 and per-label precision/recall/F1 from ``(R, k, k)`` confusions.

    Keys: ``accuracy``, ``macro_f1``, ``precision:<label>``, ``recall:<label>``,
    ``f1:<label>``; each value has shape ``(R,)``.
    """
    tp = np.diagonal(counts, axis1=1, axis2=2)
    predicted = counts.sum(axis=1)
    actual = counts.sum(axis=2)
    f1 = _ratio(2 * tp, predicted + actual)
    out = {
        "accuracy": _ratio(tp.sum(axis=1), counts.sum(axis=(1, 2)), np.nan),
        "macro_f1": f1.mean(axis=1),
    }
    precision, recall = _ratio(tp, predicted), _ratio(tp, actual)
    for i, label in enumerate(labels):
        out[f"precision:{label}"] = precision[:, i]
        out[f"recall:{label}"] = recall[:, i]
        out[f"f1:{label}"] = f1[:, i]
    return out


@dataclass(frozen=True)
class Ranking:
    """One score vector grouped by distinct score once, reused for every resample.

    Attributes:
        positives: sparse ``(groups, n)`` map of positive posts to their score group.
        negatives: the same for negative posts. Groups run from the highest score down;
            tied posts share a group.
    """

    positives: sparse.csr_matrix
    negatives: sparse.csr_matrix

    @classmethod
    def of(cls, scores: np.ndarray, positive: np.ndarray) -> Ranking:
        distinct, group = np.unique(-np.asarray(scores, dtype=float), return_inverse=True)
        is_pos = np.asarray(positive, dtype=bool)
        shape = (len(distinct), len(is_pos))

        def _map(mask: np.ndarray) -> sparse.csr_matrix:
            rows, cols = group[mask], np.flatnonzero(mask)
            return sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=shape)

        return cls(_map(is_pos), _map(~is_pos))

    def _grouped(self, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positive and negative weight per distinct score, each ``(R, groups)``."""
        w = np.asarray(weights, dtype=float).T  # sparse @ dense is one pass over the posts
        return (self.positives @ w).T, (self.negatives @ w).T

    def areas(self, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Weighted ROC-AUC and average precision (scikit-learn's PR-AUC) per resample.

        ROC-AUC is P(a positive outranks a negative), ties counting ½; average precision is
        Σ Δrecall · precision over the distinct scores. Both are NaN in a resample without
        positives; ROC-AUC also in one without negatives.
        """
        pos, neg = self._grouped(weights)
        pos_total, neg_total = pos.sum(axis=1), neg.sum(axis=1)
        tp, fp = np.cumsum(pos, axis=1), np.cumsum(neg, axis=1)
        below = neg_total[:, None] - fp  # negatives scored lower than each group
        roc = _ratio((pos * (below + 0.5 * neg)).sum(axis=1), pos_total * neg_total, np.nan)
        precision = _ratio(tp, tp + fp)
        return roc, _ratio((pos * precision).sum(axis=1), pos_total, np.nan)
