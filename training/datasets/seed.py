"""The seed corpora the project ships (``training/seed/<task>.csv``), written by the team.

They build the embedded default models on a machine with no other data.
"""

from __future__ import annotations

import csv
import io
from importlib import resources

from models.errors import InputError
from training.datasets.base import DataContext, Example


def load(split: str | None, context: DataContext) -> list[Example]:
    name = split or context.task.name
    if name != context.task.name:
        raise InputError(f"seed:{name} is not a {context.task.name} corpus")
    try:
        text = resources.files("training").joinpath(f"seed/{name}.csv").read_text("utf-8")
    except FileNotFoundError:
        raise InputError(f"no seed corpus for task {name!r}") from None
    rows = csv.DictReader(io.StringIO(text))
    return [
        Example(text=row["text"], label=context.task.check_label(row["label"]), source="seed")
        for row in rows
    ]
