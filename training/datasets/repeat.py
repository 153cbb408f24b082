"""``repeat:N:SPEC``: every post of SPEC N times, so a small corpus weighs N times as much.

The team's ``seed:identity`` posts are a few hundred among tens of thousands of ViHSD and
SafeSense posts; once each, they hardly move the logistic regression. Repeating a post
multiplies its weight in the loss, like a sample weight, for every model kind. Choose N on
data the model is not scored on (docs/bias.md), never on the evaluation set. The context
is passed on unchanged, so repeating an evaluation-only set still refuses to train.
"""

from __future__ import annotations

from models.errors import InputError
from training.datasets.base import DataContext, Example, load_dataset

MAX_TIMES = 100


def load(arg: str | None, context: DataContext) -> list[Example]:
    times, _, spec = (arg or "").partition(":")
    if not times.isdigit() or not 1 <= int(times) <= MAX_TIMES or not spec:
        raise InputError(
            f"repeat: wants N:SPEC with 1 ≤ N ≤ {MAX_TIMES}, e.g. repeat:5:seed:identity"
        )
    return [e for e in load_dataset(spec, context) for _ in range(int(times))]
