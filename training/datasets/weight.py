"""``weight:W:SPEC``: every post of SPEC counts W times in the loss (``0 < W ≤ 100``).

``repeat:N:SPEC`` can only weigh a corpus up, by whole copies; ``weight:0.5:safesense:train``
lets one source count for less while its posts still teach the vocabulary. The weight is a
sample weight of the baseline's logistic regression (``BaselineClassifier.fit``); other model
kinds train on the posts unweighted (their trainers say so in the log). Weights multiply,
so ``weight:2:weight:0.5:SPEC`` is SPEC as it was. The ``DataContext`` is passed on
unchanged, so weighting an evaluation-only set still refuses to train.
"""

from __future__ import annotations

import math
from dataclasses import replace

from models.errors import InputError
from training.datasets.base import DataContext, Example, load_dataset

MAX_WEIGHT = 100.0


def load(arg: str | None, context: DataContext) -> list[Example]:
    value, _, spec = (arg or "").partition(":")
    try:
        weight = float(value)
    except ValueError:
        weight = math.nan
    if not spec or not 0 < weight <= MAX_WEIGHT:
        raise InputError(
            f"weight: wants W:SPEC with 0 < W ≤ {MAX_WEIGHT:g}, e.g. weight:0.5:safesense:train"
        )
    return [replace(e, weight=e.weight * weight) for e in load_dataset(spec, context)]
