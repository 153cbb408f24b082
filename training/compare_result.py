"""The result of ``vimod models compare`` (built by ``training/compare.py``)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from training.bootstrap_ci import McNemar, PairedEstimate

MIN_INTERVAL_N = 50  # a slice smaller than this gets point estimates only


@dataclass(frozen=True)
class ChangedPrediction:
    """A post on which A and B decide different labels (its text is a dataset row)."""

    index: int
    text: str
    gold: str
    a_label: str
    b_label: str
    a_scores: dict[str, float]
    b_scores: dict[str, float]


@dataclass(frozen=True)
class SliceComparison:
    """The headline metrics on one slice; intervals only when ``n >= MIN_INTERVAL_N``."""

    name: str
    description: str
    n: int
    label_counts: dict[str, int]
    metrics: dict[str, PairedEstimate]
    mcnemar: McNemar | None


@dataclass
class ComparisonResult:
    """Everything ``vimod models compare`` reports about versions ``a`` and ``b``.

    Metric keys: ``accuracy``, ``macro_f1``, ``precision:<label>``, ``recall:<label>``,
    ``f1:<label>``; ``roc_auc`` and ``pr_auc`` of the positive label (binary tasks) or
    ``roc_auc:<label>`` / ``pr_auc:<label>`` one-vs-rest for each flag label.
    """

    task: str
    labels: list[str]
    a: str
    b: str
    datasets: list[str]
    n: int
    thresholds: dict[str, dict[str, float]]
    resamples: int
    seed: int
    level: float
    headline: list[str]
    metrics: dict[str, PairedEstimate]
    mcnemar: McNemar
    confusion: dict[str, list[list[int]]]
    slices: list[SliceComparison]
    changed: int
    fixed: list[ChangedPrediction]
    broken: list[ChangedPrediction]
    y_true: np.ndarray = field(repr=False)
    proba_a: np.ndarray = field(repr=False)
    proba_b: np.ndarray = field(repr=False)

    @property
    def dataset(self) -> str:
        return " + ".join(self.datasets)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: no arrays, NaN as ``None``."""
        data = {
            k: v
            for k, v in asdict(self).items()
            if k not in ("y_true", "proba_a", "proba_b")  # asdict copies them; cheap enough
        }
        return _finite(data)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value
