"""FlatForest must give exactly scikit-learn's probabilities, missing values included."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from models.base import PostMetadata
from models.forest import FlatForest
from models.metadata import MetadataFusion


def _data(n_classes: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(600, 5))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(int) + (x[:, 2] > 1).astype(int) * (n_classes - 2)
    x[rng.random(x.shape) < 0.2] = np.nan  # missing values go left or right per split
    return x, y


@pytest.mark.parametrize("n_classes", [2, 3])
def test_matches_scikit_learn(n_classes: int) -> None:
    x, y = _data(n_classes)
    model = HistGradientBoostingClassifier(max_iter=60, max_leaf_nodes=9, random_state=0).fit(x, y)
    probe, _ = _data(n_classes, seed=1)
    probe[:5] = np.nan  # rows with nothing known
    flat = FlatForest(model)
    np.testing.assert_allclose(flat.predict_proba(probe), model.predict_proba(probe), atol=1e-12)
    np.testing.assert_allclose(flat.predict_proba(probe[:1]), model.predict_proba(probe[:1]))
    assert list(flat.classes_) == list(model.classes_)
    assert flat.predict_proba(probe[:0]).shape == (0, n_classes)


def test_refuses_categorical_splits() -> None:
    rng = np.random.default_rng(0)
    x = np.column_stack([rng.integers(0, 4, 400), rng.normal(size=400)]).astype(float)
    y = (x[:, 0] == 2).astype(int)
    model = HistGradientBoostingClassifier(categorical_features=[0], max_iter=5).fit(x, y)
    with pytest.raises(ValueError, match="categorical"):
        FlatForest(model)


def test_fusion_predicts_with_flat_trees_and_pickles_without_them() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 400)
    text = (y + rng.normal(scale=0.8, size=400)).reshape(-1, 1)
    meta = [PostMetadata(likes=float(rng.integers(0, 500)), shares=float(s)) for s in y * 20]
    fusion = MetadataFusion(2).fit(text, meta, y)
    assert fusion.complete_branch is not None  # every row has every field the corpus has
    expected = fusion.complete_branch.predict_proba(np.hstack([text, _meta_columns(fusion, meta)]))
    np.testing.assert_allclose(fusion.predict_proba(text, meta), expected, atol=1e-12)
    assert "_flat_branches" in vars(fusion)
    again = pickle.loads(pickle.dumps(fusion))
    assert "_flat_branches" not in vars(again)
    np.testing.assert_allclose(again.predict_proba(text, meta), expected, atol=1e-12)


def _meta_columns(fusion: MetadataFusion, meta: list[PostMetadata]) -> np.ndarray:
    from models.metadata import metadata_features

    return metadata_features(meta)[:, fusion.columns]
