"""Vectorised weighted metrics equal scikit-learn's on the resampled posts they stand for."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    f1_score,
    precision_recall_fscore_support,
    roc_auc_score,
)

from training.bootstrap_ci import resample_weights
from training.weighted_metrics import Ranking, confusion_counts, decision_metrics

LABELS = ("CLEAN", "OFFENSIVE", "HATE")


def _data(n: int = 400, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    pred = np.where(rng.random(n) < 0.6, y, rng.integers(0, 3, n))
    scores = np.round(rng.random(n) * 0.7 + 0.3 * (y > 0), 2)  # rounded: many ties
    return y, pred, scores


def test_each_resample_matches_sklearn_on_the_drawn_posts() -> None:
    y, pred, scores = _data()
    weights = resample_weights(len(y), 4, np.random.default_rng(0))
    counts = confusion_counts(weights, y, pred, 3)
    metrics = decision_metrics(counts, LABELS)
    roc, ap = Ranking.of(scores, y > 0).areas(weights)
    for r, w in enumerate(weights):
        idx = np.repeat(np.arange(len(y)), w.astype(int))
        p, rec, f, _ = precision_recall_fscore_support(
            y[idx], pred[idx], labels=[0, 1, 2], zero_division=0
        )
        assert metrics["accuracy"][r] == pytest.approx(accuracy_score(y[idx], pred[idx]))
        assert metrics["macro_f1"][r] == pytest.approx(
            f1_score(y[idx], pred[idx], average="macro", labels=[0, 1, 2], zero_division=0)
        )
        for i, label in enumerate(LABELS):
            assert metrics[f"precision:{label}"][r] == pytest.approx(p[i])
            assert metrics[f"recall:{label}"][r] == pytest.approx(rec[i])
            assert metrics[f"f1:{label}"][r] == pytest.approx(f[i])
        assert roc[r] == pytest.approx(roc_auc_score(y[idx] > 0, scores[idx]))
        assert ap[r] == pytest.approx(average_precision_score(y[idx] > 0, scores[idx]))


def test_unit_weights_give_the_plain_metrics() -> None:
    y, pred, scores = _data(seed=2)
    ones = np.ones((1, len(y)))
    assert confusion_counts(ones, y, pred, 3)[0].sum() == len(y)
    roc, ap = Ranking.of(scores, y == 2).areas(ones)
    assert roc[0] == pytest.approx(roc_auc_score(y == 2, scores))
    assert ap[0] == pytest.approx(average_precision_score(y == 2, scores))


def test_areas_are_nan_without_both_classes_and_zero_division_is_zero() -> None:
    ones = np.ones((1, 3))
    roc, ap = Ranking.of(np.array([0.1, 0.5, 0.9]), np.zeros(3)).areas(ones)
    assert np.isnan(roc[0]) and np.isnan(ap[0])
    never_hate = decision_metrics(
        confusion_counts(ones, np.zeros(3, int), np.zeros(3, int), 3), LABELS
    )
    assert never_hate["f1:HATE"][0] == 0.0 and never_hate["precision:HATE"][0] == 0.0
    assert never_hate["accuracy"][0] == 1.0
