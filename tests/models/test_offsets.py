"""Decision offsets: macro-F1 as scikit-learn computes it, and offsets that only ever help."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import f1_score

from models.baseline import BaselineClassifier, load
from models.errors import InputError
from models.offsets import apply_offsets, macro_f1, tune_offsets
from models.tasks import TOXICITY


def test_macro_f1_matches_scikit_learn() -> None:
    rng = np.random.default_rng(0)
    y, pred = rng.integers(0, 3, 500), rng.integers(0, 3, 500)
    assert macro_f1(y, pred, 3) == pytest.approx(f1_score(y, pred, average="macro"))


def test_zero_offsets_keep_probabilities() -> None:
    proba = np.random.default_rng(1).dirichlet([1, 1, 1], size=20)
    shifted = apply_offsets(proba, np.zeros(3))
    np.testing.assert_allclose(shifted, proba, atol=1e-9)
    moved = apply_offsets(proba, np.array([0.0, -1.0, 0.5]))
    np.testing.assert_allclose(moved.sum(axis=1), 1.0)
    assert (moved[:, 1] < proba[:, 1]).all() and (moved[:, 2] > proba[:, 2]).all()


def test_over_called_minority_gets_a_negative_offset() -> None:
    """A model that calls label 1 too eagerly: lowering it gains macro-F1."""
    rng = np.random.default_rng(2)
    y = np.array([0] * 800 + [1] * 100 + [2] * 100)
    proba = rng.dirichlet([1, 1, 1], size=len(y)) * 0.3
    proba[np.arange(len(y)), y] += 0.5
    proba[y == 0, 1] += rng.uniform(0, 0.5, (y == 0).sum())  # clean posts lean to label 1
    proba /= proba.sum(axis=1, keepdims=True)
    offsets = tune_offsets(y, proba)
    assert offsets[0] == 0 and offsets[1] < 0
    before = macro_f1(y, proba.argmax(axis=1), 3)
    assert macro_f1(y, apply_offsets(proba, offsets).argmax(axis=1), 3) > before


def test_a_perfect_rule_is_left_alone() -> None:
    y = np.array([0, 1, 2] * 10)
    assert not tune_offsets(y, np.eye(3)[y] * 0.8 + 0.2 / 3).any()


TEXTS = [
    "bài viết rất hay cảm ơn bạn",
    "hôm nay trời đẹp quá",
    "đồ ngu như bò",
    "thằng óc chó cút đi",
    "bọn bắc kỳ chó chết hết đi",
    "lũ súc vật đáng bị giết",
] * 4
LABELS = ["CLEAN", "CLEAN", "OFFENSIVE", "OFFENSIVE", "HATE", "HATE"] * 4


def test_baseline_learns_saves_and_applies_offsets(tmp_path: Path) -> None:
    model = BaselineClassifier(TOXICITY, {"min_df": 1, "offset_folds": 2}).fit(TEXTS, LABELS)
    assert model._offsets is not None and model._offsets.shape == (3,)
    model.save(tmp_path)
    again = load(tmp_path, TOXICITY, model.config, {})
    assert again._offsets is not None
    np.testing.assert_array_equal(again._offsets, model._offsets)
    posts = ["đồ ngu", "cảm ơn bạn"]
    np.testing.assert_allclose(again.predict_proba(posts), model.predict_proba(posts))
    plain = BaselineClassifier(TOXICITY, {"min_df": 1}).fit(TEXTS, LABELS)
    assert plain._offsets is None


@pytest.mark.parametrize("overrides", [{"offset_folds": 1}, {"offset_folds": 3, "knn": 5}])
def test_config_refuses_offsets_it_cannot_learn(overrides: dict[str, int]) -> None:
    with pytest.raises(InputError, match="offset_folds"):
        BaselineClassifier(TOXICITY, overrides)
