"""The toxicity second-view screen (``bench/toxicity_cv_views.py``).

The ViHSD run needs the real data; these check what a variant's score means: averaged
probabilities that are probabilities, and runs merged fold by fold before pairing.
"""

from __future__ import annotations

import numpy as np
import pytest

from bench import toxicity_cv_views as tox


def _toy() -> tuple[list[str], np.ndarray]:
    rng = np.random.default_rng(0)
    words = ["bài", "hay", "ngu", "cút", "quá", "đẹp", "bọn", "chó", "vui", "nhé"]
    texts = [" ".join(rng.choice(words, size=6)) for _ in range(90)]
    y = np.array([2 if "chó" in t else 1 if "ngu" in t else 0 for t in texts])
    return texts, y


def test_sgd_probabilities_sum_to_one() -> None:
    texts, y = _toy()
    _, x, xh = tox._features({}, texts[:60], texts[60:])
    proba = tox.sgd_proba(x, y[:60], xh)
    assert proba.shape == (30, 3)
    assert np.allclose(proba.sum(axis=1), 1.0)


def test_fold_scores_each_requested_variant() -> None:
    texts, y = _toy()
    scores = tox._fold(texts, y, np.arange(60), np.arange(60, 90), ("base", "nb", "w13"))
    assert set(scores) == {"base", "nb", "w13"}
    assert all(0.0 <= s <= 1.0 for s in scores.values())


def test_summarise_pairs_runs_fold_by_fold() -> None:
    a = {"seed": 1, "folds": 2, "posts": 9, "per_fold": [{"base": 0.5}, {"base": 0.6}]}
    b = {"seed": 1, "folds": 2, "posts": 9, "per_fold": [{"w13": 0.52}, {"w13": 0.59}]}
    out = tox.summarise([a, b])
    assert out["variants"]["w13"]["gains"] == pytest.approx([0.02, -0.01])
    assert not out["variants"]["w13"]["kept"]
    with pytest.raises(ValueError, match="cannot be paired"):
        tox.summarise([a, b | {"seed": 2}])
