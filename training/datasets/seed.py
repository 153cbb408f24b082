"""The seed corpora the project ships (``training/seed/<task>.csv``), written by the team.

They build the embedded default models on a machine with no other data. The spans task's
corpus is ``seed:toxicity_spans``: the toxicity seed posts with the offending words the
team marked (``text``, ``spans`` as JSON ``[[start, end], ...]``).
"""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

from models.errors import InputError
from models.tasks import SPANS
from training.datasets.base import DataContext, Example

SPAN_CORPUS = "toxicity_spans"
# further corpora of a task beyond ``<task>.csv``: urgent notices vs urgent hoaxes
EXTRA_CORPORA = {"misinformation": ("urgent",)}


def _read(name: str) -> str:
    try:
        return resources.files("training").joinpath(f"seed/{name}.csv").read_text("utf-8")
    except FileNotFoundError:
        raise InputError(f"no seed corpus for task {name!r}") from None


def _span_examples(text: str) -> list[Example]:
    out = []
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        spans = tuple((int(s), int(e)) for s, e in json.loads(row["spans"]))
        if any(not 0 <= s < e <= len(row["text"]) for s, e in spans):
            raise InputError(f"seed/{SPAN_CORPUS}.csv:{n}: a span lies outside its post")
        label = SPANS.labels[int(bool(spans))]
        out.append(Example(text=row["text"], label=label, source="seed", spans=spans))
    return out


def load(split: str | None, context: DataContext) -> list[Example]:
    if context.task is SPANS:
        if (split or SPAN_CORPUS) != SPAN_CORPUS:
            raise InputError(f"the spans seed corpus is seed:{SPAN_CORPUS}")
        return _span_examples(_read(SPAN_CORPUS))
    name = split or context.task.name
    if name != context.task.name and name not in EXTRA_CORPORA.get(context.task.name, ()):
        raise InputError(f"seed:{name} is not a {context.task.name} corpus")
    text = _read(name)
    rows = csv.DictReader(io.StringIO(text))
    return [
        Example(text=row["text"], label=context.task.check_label(row["label"]), source="seed")
        for row in rows
    ]
