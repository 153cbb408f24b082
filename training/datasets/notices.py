"""``notices``: the team's fixed evaluation set of urgent notices and urgent hoaxes.

Genuine notices (weather, roads, health, schedules, schools, power, water, the kind
provincial authorities, commune loudspeakers and utilities post) are ``RELIABLE``; hoaxes
written in the same urgent style (chain messages, fake cures, fake prizes, fake disasters,
fake policies, scam links) are ``UNRELIABLE``. Urgency alone must not make a post a hoax:
this set measures the false-alarm rate on notices against the recall on hoaxes
(docs/misinformation.md). It is evaluation-only: ``load_dataset`` refuses it unless the
``DataContext`` says it loads for evaluation, so no training path can learn from it.
"""

from __future__ import annotations

from models.errors import InputError
from models.tasks import MISINFORMATION
from training.datasets.base import DataContext, Example, packaged_rows

FILE = "eval/notices.csv"  # columns text,label,kind; under the training package


def load(arg: str | None, context: DataContext) -> list[Example]:
    """All rows, each with ``source`` ``notices:<kind>`` (weather, fake-cure, ...)."""
    if context.task is not MISINFORMATION:
        raise InputError("notices is a misinformation evaluation set")
    if arg:
        raise InputError(f"notices has no splits, not {arg!r}: it is one fixed set")
    return [
        Example(
            text=row["text"],
            label=context.task.check_label(row["label"]),
            source=f"notices:{row['kind']}",
        )
        for row in packaged_rows(FILE)
    ]
