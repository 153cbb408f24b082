"""The shared parts of the second-view screens: the NB ratio and the paired keep rule."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from bench._views import nb_ratio, paired


def test_nb_ratio_is_positive_for_terms_of_the_positive_class() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0, 1.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]))
    ratio = nb_ratio(x, np.array([1, 1, 0]))
    assert ratio[0] > 0 > ratio[1]
    assert abs(ratio[2] - np.log((3 / 7) / (2 / 5))) < 1e-12  # in both classes: near zero


def test_nb_ratio_treats_every_other_label_as_the_rest() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]))
    assert np.allclose(nb_ratio(x, np.array([1, 0, 2])), nb_ratio(x, np.array([1, 0, 0])))


def test_paired_keeps_only_a_gain_in_every_fold_above_the_floor() -> None:
    base = [0.60, 0.62, 0.61]
    kept = paired(base, [0.61, 0.63, 0.62], 0.005)
    assert kept["kept"] and kept["gain"] == pytest.approx(0.01)
    assert kept["gains"] == pytest.approx([0.01, 0.01, 0.01])
    assert not paired(base, [0.63, 0.64, 0.60], 0.005)["kept"]  # one fold loses
    assert not paired(base, [0.602, 0.622, 0.612], 0.005)["kept"]  # below the floor
