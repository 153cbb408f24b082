"""The shared part of the second-view screens: the paired keep rule (the NB ratio is
``models.nblr``'s, tested there)."""

from __future__ import annotations

import pytest

from bench._views import paired


def test_paired_keeps_only_a_gain_in_every_fold_above_the_floor() -> None:
    base = [0.60, 0.62, 0.61]
    kept = paired(base, [0.61, 0.63, 0.62], 0.005)
    assert kept["kept"] and kept["gain"] == pytest.approx(0.01)
    assert kept["gains"] == pytest.approx([0.01, 0.01, 0.01])
    assert not paired(base, [0.63, 0.64, 0.60], 0.005)["kept"]  # one fold loses
    assert not paired(base, [0.602, 0.622, 0.612], 0.005)["kept"]  # below the floor
