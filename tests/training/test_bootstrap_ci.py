"""Bootstrap intervals, paired p-values and McNemar's exact test against known values."""

from __future__ import annotations

import numpy as np
import pytest

from training.bootstrap_ci import (
    McNemar,
    bootstrap_p_value,
    mcnemar_exact,
    paired_bootstrap,
    resample_weights,
)


def _mean(values: np.ndarray):  # type: ignore[no-untyped-def]
    return lambda w: {"mean": (w @ values) / w.sum(axis=1)}


def test_mcnemar_exact_on_hand_made_tables() -> None:
    # 1 vs 9 discordant posts: p = 2 * P(X <= 1), X ~ Bin(10, 1/2) = 2 * 11 / 1024
    assert mcnemar_exact(1, 9) == pytest.approx(22 / 1024)
    assert mcnemar_exact(9, 1) == mcnemar_exact(1, 9)
    # 0 vs 5: 2 / 32
    assert mcnemar_exact(0, 5) == pytest.approx(2 / 32)
    assert mcnemar_exact(5, 5) == 1.0 and mcnemar_exact(0, 0) == 1.0
    test = McNemar.of(np.array([1, 1, 0, 0, 1]), np.array([1, 0, 1, 1, 1]))
    assert (test.only_a, test.only_b, test.both, test.neither) == (1, 2, 2, 0)
    assert test.p_value == 1.0


def test_resample_weights_draw_n_posts_per_resample() -> None:
    w = resample_weights(50, 200, np.random.default_rng(3))
    assert w.shape == (200, 50) and (w.sum(axis=1) == 50).all()
    assert abs(w.mean() - 1.0) < 0.05  # each post is drawn once on average


def test_percentile_interval_covers_the_truth_about_95_percent() -> None:
    rng = np.random.default_rng(7)
    covered, trials = 0, 200
    for trial in range(trials):
        sample = (rng.random(150) < 0.7).astype(float)  # Bernoulli(0.7)
        est = paired_bootstrap(
            len(sample), _mean(sample), _mean(sample), resamples=400, seed=trial
        )["mean"]
        assert est.a.contains(est.a.value)
        covered += est.a.contains(0.7)
    assert 0.88 <= covered / trials <= 0.99


def test_identical_versions_differ_by_zero_with_p_one() -> None:
    values = np.random.default_rng(0).random(300)
    est = paired_bootstrap(300, _mean(values), _mean(values), resamples=300)["mean"]
    assert est.diff.value == 0.0 and est.diff.low == 0.0 and est.diff.high == 0.0
    assert est.p_value == 1.0
    assert est.a == est.b


def test_a_clear_paired_difference_is_significant_and_seeded() -> None:
    rng = np.random.default_rng(1)
    a = rng.random(500)
    b = a + 0.05 + rng.normal(0, 0.02, 500)  # B better on nearly every post
    first = paired_bootstrap(500, _mean(a), _mean(b), resamples=500, seed=5)["mean"]
    again = paired_bootstrap(500, _mean(a), _mean(b), resamples=500, seed=5)["mean"]
    assert first == again
    assert first.diff.low is not None and first.diff.low > 0
    assert first.diff.contains(first.diff.value)
    assert first.p_value is not None and first.p_value < 0.01
    # the paired interval is much narrower than either version's own interval
    assert first.diff.high - first.diff.low < (first.a.high - first.a.low) / 3  # type: ignore[operator]


def test_bootstrap_p_value_counts_both_tails() -> None:
    assert bootstrap_p_value(np.zeros(99)) == 1.0
    assert bootstrap_p_value(np.ones(99)) == pytest.approx(2 / 100)
    assert bootstrap_p_value(np.r_[-np.ones(10), np.ones(89)]) == pytest.approx(2 * 11 / 100)
    assert bootstrap_p_value(np.full(5, np.nan)) is None
