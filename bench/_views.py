"""Shared by the second-text-view screens (``bench/toxicity_cv_views.py``; both it and
``bench/misinfo_cv_views.py`` take the naive-Bayes ratio from ``models.nblr``): the paired
per-fold summary that decides whether a variant beats its baseline by more than the fold
noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def paired(base: Sequence[float], variant: Sequence[float], min_gain: float) -> dict[str, Any]:
    """Mean ± sd of a variant's per-fold scores and of its per-fold gain over ``base``.

    ``kept`` only when every fold gains and the mean gain is at least ``min_gain``: a gain
    inside the fold-to-fold noise is not one.
    """
    b, v = np.asarray(base, dtype=float), np.asarray(variant, dtype=float)
    diff = v - b
    return {
        "mean": float(v.mean()),
        "sd": float(v.std(ddof=1)) if len(v) > 1 else 0.0,
        "gain": float(diff.mean()),
        "gain_sd": float(diff.std(ddof=1)) if len(diff) > 1 else 0.0,
        "gains": [float(d) for d in diff],
        "kept": bool((diff > 0).all() and diff.mean() >= min_gain),
    }
