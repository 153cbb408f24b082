"""Bootstrap intervals and paired significance tests for two versions on one test set.

Not to be confused with ``training/bootstrap.py``, which builds the default models.

Both versions are scored on the *same* resamples (a paired bootstrap), so the interval of
the difference B − A reflects only how the two disagree, not the luck of the test set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.stats import binom

# weights (R, n) -> metric name -> values (R,); see training/weighted_metrics.py
Statistic = Callable[[np.ndarray], dict[str, np.ndarray]]


@dataclass(frozen=True)
class Interval:
    """A point estimate and its percentile interval (``None`` when not computed)."""

    value: float
    low: float | None = None
    high: float | None = None

    def contains(self, x: float, tol: float = 1e-12) -> bool:
        if self.low is None or self.high is None:
            return False
        return self.low - tol <= x <= self.high + tol


@dataclass(frozen=True)
class PairedEstimate:
    """One metric for A and B, the difference B − A and the paired bootstrap p-value."""

    a: Interval
    b: Interval
    diff: Interval
    p_value: float | None = None


def resample_weights(n: int, resamples: int, rng: np.random.Generator) -> np.ndarray:
    """``(resamples, n)`` counts (as floats): how often each post was drawn, with replacement."""
    draws = rng.integers(0, n, size=(resamples, n))
    draws += np.arange(resamples)[:, None] * n
    counts = np.bincount(draws.ravel(), minlength=resamples * n)
    return counts.reshape(resamples, n).astype(float)


def percentile_interval(samples: np.ndarray, value: float, level: float) -> Interval:
    """The ``level`` percentile interval of ``samples`` (NaN resamples are ignored)."""
    finite = samples[~np.isnan(samples)]
    if finite.size == 0:
        return Interval(value)
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(finite, [tail, 100 - tail])
    return Interval(value, float(low), float(high))


def bootstrap_p_value(diffs: np.ndarray) -> float | None:
    """Two-sided p-value of "no difference" from resampled differences B − A.

    Twice the smaller share of resamples on either side of zero (with the usual +1 so it is
    never 0): the smallest ``1 − level`` whose percentile interval excludes zero. Identical
    versions (every difference 0) get 1.
    """
    finite = diffs[~np.isnan(diffs)]
    if finite.size == 0:
        return None
    below = (1 + np.count_nonzero(finite <= 0)) / (finite.size + 1)
    above = (1 + np.count_nonzero(finite >= 0)) / (finite.size + 1)
    return float(min(1.0, 2 * min(below, above)))


def paired_point(n: int, stat_a: Statistic, stat_b: Statistic) -> dict[str, PairedEstimate]:
    """Point estimates only (for samples too small for an interval)."""
    ones = np.ones((1, n))
    a, b = stat_a(ones), stat_b(ones)
    return {
        name: PairedEstimate(
            Interval(float(a[name][0])),
            Interval(float(b[name][0])),
            Interval(float(b[name][0] - a[name][0])),
        )
        for name in a
    }


def paired_bootstrap(
    n: int,
    stat_a: Statistic,
    stat_b: Statistic,
    *,
    resamples: int = 1000,
    seed: int = 42,
    level: float = 0.95,
    chunk: int = 250,
) -> dict[str, PairedEstimate]:
    """Percentile intervals for A, B and B − A over shared resamples, with p-values.

    Args:
        n: number of posts.
        stat_a: metrics of version A under a weighting of the posts.
        stat_b: the same metrics of version B (same keys).
        resamples: bootstrap resamples.
        seed: seed of the resampling (same seed, same intervals).
        level: coverage of the intervals, e.g. 0.95.
        chunk: resamples drawn at a time (bounds memory: ``chunk × n`` weights).

    Returns:
        Metric name → ``PairedEstimate``.
    """
    points = paired_point(n, stat_a, stat_b)
    rng = np.random.default_rng(seed)
    parts_a: dict[str, list[np.ndarray]] = {name: [] for name in points}
    parts_b: dict[str, list[np.ndarray]] = {name: [] for name in points}
    for start in range(0, resamples, chunk):
        weights = resample_weights(n, min(chunk, resamples - start), rng)
        for parts, stat in ((parts_a, stat_a), (parts_b, stat_b)):
            for name, values in stat(weights).items():
                parts[name].append(values)
    out = {}
    for name, point in points.items():
        a, b = np.concatenate(parts_a[name]), np.concatenate(parts_b[name])
        out[name] = PairedEstimate(
            percentile_interval(a, point.a.value, level),
            percentile_interval(b, point.b.value, level),
            percentile_interval(b - a, point.diff.value, level),
            bootstrap_p_value(b - a),
        )
    return out


@dataclass(frozen=True)
class McNemar:
    """Exact McNemar test on per-post correctness of two versions' label decisions.

    Attributes:
        only_a: posts A decides correctly and B does not.
        only_b: posts B decides correctly and A does not.
        both: posts both decide correctly.
        neither: posts both get wrong.
        p_value: two-sided exact p-value (binomial test of the discordant posts at ½).
    """

    only_a: int
    only_b: int
    both: int
    neither: int
    p_value: float

    @classmethod
    def of(cls, correct_a: np.ndarray, correct_b: np.ndarray) -> McNemar:
        a, b = correct_a.astype(bool), correct_b.astype(bool)
        only_a, only_b = int(np.sum(a & ~b)), int(np.sum(~a & b))
        both, neither = int(np.sum(a & b)), int(np.sum(~a & ~b))
        return cls(only_a, only_b, both, neither, mcnemar_exact(only_a, only_b))


def mcnemar_exact(only_a: int, only_b: int) -> float:
    """Two-sided exact McNemar p-value for ``only_a`` and ``only_b`` discordant posts."""
    discordant = only_a + only_b
    if discordant == 0:
        return 1.0
    return float(min(1.0, 2 * binom.cdf(min(only_a, only_b), discordant, 0.5)))
