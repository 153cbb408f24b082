"""NB-LR (``models.nblr``): naive-Bayes-scaled one-vs-rest regressions kept as one array."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from models.nblr import ABSENT, fit_nblr, nb_ratio, nblr_proba


def _toy() -> tuple[sparse.csr_matrix, np.ndarray]:
    rng = np.random.default_rng(0)
    x = sparse.csr_matrix(rng.random((60, 8)) * (rng.random((60, 8)) > 0.5))
    y = np.asarray(x[:, :3].argmax(axis=1)).ravel()
    return x, y


def test_nb_ratio_is_positive_for_terms_of_the_positive_class() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0, 1.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]))
    ratio = nb_ratio(x, np.array([1, 1, 0]))
    assert ratio[0] > 0 > ratio[1]
    assert abs(ratio[2] - np.log((3 / 7) / (2 / 5))) < 1e-12  # in both classes: near zero


def test_nb_ratio_treats_every_other_label_as_the_rest() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]))
    assert np.allclose(nb_ratio(x, np.array([1, 0, 2])), nb_ratio(x, np.array([1, 0, 0])))


def test_folded_weights_give_the_scaled_regressions_probabilities() -> None:
    """``x @ (r * w) + b`` is the regression fitted on ``x * r``, label by label."""
    x, y = _toy()
    weights = fit_nblr(x, y, 3, C=4.0, class_weight="balanced")
    assert weights.shape == (9, 3)
    expected = np.zeros((x.shape[0], 3))
    for k in range(3):
        yk = (y == k).astype(int)
        r = nb_ratio(x, yk)
        model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
        expected[:, k] = model.fit(x.multiply(r).tocsr(), yk).predict_proba(x.multiply(r))[:, 1]
    expected /= expected.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(nblr_proba(weights, x), expected, atol=1e-8)
    assert (nblr_proba(weights, x).argmax(axis=1) == y).mean() > 0.8


def test_a_label_without_training_rows_scores_near_zero() -> None:
    x, y = _toy()
    weights = fit_nblr(x, y, 4, C=1.0, class_weight=None)
    assert weights[-1, 3] == ABSENT and not weights[:-1, 3].any()
    proba = nblr_proba(weights, x)
    assert proba[:, 3].max() < 1e-6
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
