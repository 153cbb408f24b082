"""Nearest-neighbour votes over TF-IDF rows."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from models.neighbors import NeighbourVotes

TRAIN = ["uống nước gừng hết virus", "tỏi chữa khỏi covid", "bộ y tế công bố ca mới"]
LABELS = np.array([1, 1, 0])


def test_similarity_and_vote_point_at_the_near_duplicate() -> None:
    vec = TfidfVectorizer().fit(TRAIN)
    votes = NeighbourVotes(k=2, n_classes=2).fit(vec.transform(TRAIN), LABELS)
    assert votes.n_features == 3
    out = votes.transform(vec.transform(["uống nước gừng là hết virus", "bộ y tế công bố"]))
    assert out.shape == (2, 3)
    assert out[0, 1] > out[0, 0]  # closer to an UNRELIABLE post than to a RELIABLE one
    assert out[1, 0] > out[1, 1]
    assert out[0, 2] > 0.5 > out[1, 2]  # similarity-weighted share of UNRELIABLE neighbours


def test_empty_batch_and_unfitted() -> None:
    vec = TfidfVectorizer().fit(TRAIN)
    votes = NeighbourVotes(k=5, n_classes=2).fit(vec.transform(TRAIN), LABELS)
    empty = sparse.csr_matrix((0, len(vec.vocabulary_)))
    assert votes.transform(empty).shape == (0, 3)
    with pytest.raises(RuntimeError):
        NeighbourVotes(k=1, n_classes=2).transform(vec.transform(["x"]))


def test_unit_rows_matches_scikit_learn_normalize() -> None:
    from sklearn.preprocessing import normalize

    from models.neighbors import unit_rows

    x = TfidfVectorizer(norm=None).fit_transform([*TRAIN, ""])  # the empty text is a zero row
    np.testing.assert_allclose(unit_rows(x).toarray(), normalize(x).toarray(), rtol=1e-6)
    assert unit_rows(x).dtype == np.float32 and x.dtype == np.float64  # a copy, not in place


@pytest.mark.parametrize("density", [0.0, 0.002, 0.05, 0.5, 1.0])
def test_nearest_equals_a_full_sort(density: float) -> None:
    from models.neighbors import nearest

    rng = np.random.default_rng(int(density * 1000))
    sims = (rng.random((40, 1000)) * (rng.random((40, 1000)) < density)).astype(np.float32)
    sims[:, 999] = 0.0  # a last, partial chunk
    row, column, value = nearest(sims[:, :999], k=10)
    for i in range(40):
        positive = np.flatnonzero(sims[i, :999] > 0)
        expected = positive[np.argsort(-sims[i, positive], kind="stable")][:10]
        assert set(column[row == i]) == set(expected)
        assert np.all(np.diff(value[row == i]) <= 0)
