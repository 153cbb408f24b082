"""Metadata features, missing-value handling and the late-fusion stack."""

from __future__ import annotations

import numpy as np
import pytest

from models.base import PostMetadata
from models.metadata import (
    META_COLUMNS,
    MetadataFusion,
    cross_fit,
    has_metadata,
    hide_fields,
    metadata_features,
    metadata_matrix,
)

# 2020-04-10 03:00:07 UTC = 10:00:07 in Vietnam, a Friday
FRIDAY_10AM_VN = 1586487607.0


def test_features_are_nan_where_missing_never_zero() -> None:
    feats = metadata_features([None, PostMetadata(), PostMetadata(likes=0)])
    assert feats.shape == (3, len(META_COLUMNS))
    assert np.isnan(feats[:2]).all()
    assert feats[2, 0] == 0.0  # a real zero stays a zero
    assert np.isnan(feats[2, 1:]).all()


def test_counts_ratios_and_local_time() -> None:
    meta = PostMetadata(likes=99, comments=9, shares=0, posted_at=FRIDAY_10AM_VN)
    row = dict(zip(META_COLUMNS, metadata_features([meta])[0], strict=True))
    assert row["log_likes"] == pytest.approx(np.log(100))
    assert row["comments_per_like"] == pytest.approx(np.log(10) - np.log(100))
    assert row["shares_per_like"] == pytest.approx(-np.log(100))
    assert row["hour"] == pytest.approx(10.0, abs=0.01)
    assert row["weekday"] == 4  # Monday is 0


def test_milliseconds_and_garbage_are_handled() -> None:
    ms = metadata_features([PostMetadata(posted_at=FRIDAY_10AM_VN * 1000)])
    s = metadata_features([PostMetadata(posted_at=FRIDAY_10AM_VN)])
    np.testing.assert_allclose(ms, s, equal_nan=True)
    bad = metadata_features([PostMetadata(likes=-1, comments=float("nan"), shares=float("inf"))])
    assert np.isnan(bad).all()
    assert metadata_features([]).shape == (0, len(META_COLUMNS))


def test_has_metadata_and_length_check() -> None:
    assert has_metadata(None, 2).tolist() == [False, False]
    mask = has_metadata([None, PostMetadata(), PostMetadata(shares=3)], 3)
    assert mask.tolist() == [False, False, True]
    with pytest.raises(ValueError):
        has_metadata([None], 2)


def test_metadata_matrix_flags_missing_values() -> None:
    out = metadata_matrix([None, PostMetadata(likes=0, comments=None, shares=5)])
    assert out[0].tolist() == [0, 1, 0, 1, 0, 1]
    assert out[1, 1] == 0 and out[1, 3] == 1 and out[1, 5] == 0


def test_hide_fields_hides_whole_fields_and_covers_every_pattern() -> None:
    full = metadata_features([PostMetadata(likes=10, comments=2, shares=1, posted_at=1e9)] * 2000)
    hidden = hide_fields(full, np.random.default_rng(0))
    assert not np.isnan(full).any()
    nan = np.isnan(hidden)
    assert (nan[:, 0] <= nan[:, 3]).all()  # likes hidden ⇒ its ratios hidden
    assert (nan[:, 5] == nan[:, 6]).all()  # time hides hour and weekday together
    patterns = {tuple(row) for row in nan[:, [0, 1, 2, 5]]}
    assert len(patterns) == 16  # likes-only, no time, ... all present


def test_cross_fit_returns_only_held_out_predictions() -> None:
    y = np.array([0, 1] * 10)
    seen: list[set[int]] = []

    def fit_predict(train: np.ndarray, held: np.ndarray) -> np.ndarray:
        seen.append(set(train.tolist()))
        assert not set(train.tolist()) & set(held.tolist())
        return held[:, None].astype(float)

    out = cross_fit(fit_predict, y, folds=5)
    assert out.shape == (20, 1)
    np.testing.assert_array_equal(out[:, 0], np.arange(20))
    assert len(seen) == 5


def _synthetic(n: int = 600, seed: int = 0) -> tuple[np.ndarray, list[PostMetadata], np.ndarray]:
    """One weak text score; shares strongly separate the classes."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    text = (y + rng.normal(0, 1.2, n))[:, None]
    meta = [
        PostMetadata(likes=float(rng.integers(10, 100)), shares=float(5 + 500 * label))
        for label in y
    ]
    return text, meta, y


def test_fusion_uses_metadata_and_routes_text_only_to_the_text_branch() -> None:
    from sklearn.metrics import roc_auc_score

    text, meta, y = _synthetic()
    fusion = MetadataFusion(2).fit(text, meta, y)
    test_text, test_meta, test_y = _synthetic(seed=1)
    with_meta = fusion.predict_proba(test_text, test_meta)
    text_only = fusion.predict_proba(test_text, None)
    assert with_meta.shape == text_only.shape == (600, 2)
    np.testing.assert_allclose(with_meta.sum(axis=1), 1.0)
    assert roc_auc_score(test_y, with_meta[:, 1]) > 0.95
    assert 0.65 < roc_auc_score(test_y, text_only[:, 1]) < 0.9
    # text alone is scored by the text branch: the same as posts whose metadata is empty
    assert fusion.text_branch is not None
    np.testing.assert_allclose(text_only[:, 1], fusion.text_branch.predict_proba(test_text)[:, 1])
    empty = fusion.predict_proba(test_text, [PostMetadata()] * 600)
    np.testing.assert_allclose(empty, text_only)


def test_text_only_is_not_scored_like_an_unpopular_post() -> None:
    text, meta, y = _synthetic()
    fusion = MetadataFusion(2).fit(text, meta, y)
    probe = np.array([[1.0]])
    unpopular = fusion.predict_proba(probe, [PostMetadata(likes=0, comments=0, shares=0)])
    alone = fusion.predict_proba(probe, [None])
    assert abs(alone[0, 1] - unpopular[0, 1]) > 0.1


def test_partial_metadata_uses_what_is_there() -> None:
    from sklearn.metrics import roc_auc_score

    text, meta, y = _synthetic()
    fusion = MetadataFusion(2).fit(text, meta, y)
    test_text, test_meta, test_y = _synthetic(seed=1)
    shares_only = [PostMetadata(shares=m.shares) for m in test_meta]
    proba = fusion.predict_proba(test_text, shares_only)
    assert roc_auc_score(test_y, proba[:, 1]) > 0.95


def test_without_metadata_in_training_every_post_uses_the_text_branch() -> None:
    text, meta, y = _synthetic()
    fusion = MetadataFusion(2).fit(text, None, y)
    assert fusion.complete_branch is None and fusion.partial_branch is None
    np.testing.assert_allclose(
        fusion.predict_proba(text[:5], meta[:5]), fusion.predict_proba(text[:5], None)
    )
    assert fusion.predict_proba(np.zeros((0, 1)), None).shape == (0, 2)


def test_unfitted_fusion_refuses() -> None:
    with pytest.raises(RuntimeError):
        MetadataFusion(2).predict_proba(np.zeros((1, 1)), None)
