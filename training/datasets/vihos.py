"""ViHOS (EACL 2023): offending spans of ViHSD comments, official train/dev/test split.

Columns: ``content`` and ``index_spans``, a Python-style list of the character indices of
``content`` inside hateful or offensive spans. Indices become sorted, disjoint
``(start, end)`` ranges: runs of consecutive indices (the annotators mark the spaces
inside a multi-word span, so one insult of two words is one range).
"""

from __future__ import annotations

import ast
import csv
from collections.abc import Iterable

from models.errors import InputError
from models.tasks import SPANS
from training.datasets.base import DataContext, Example, check_split, require_file

SOURCE = "vihos"


def index_ranges(indices: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Sorted character indices as ``(start, end)`` runs: ``[1, 2, 3, 7]`` → ``((1, 4), (7, 8))``."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(indices)):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return tuple(out)


def _indices(raw: str, length: int, where: str) -> list[int]:
    try:
        value = ast.literal_eval(raw.strip() or "[]")
    except (ValueError, SyntaxError):
        raise InputError(f"{where}: index_spans is not a list of integers") from None
    if not isinstance(value, list) or not all(type(i) is int for i in value):
        raise InputError(f"{where}: index_spans is not a list of integers")
    if any(i < 0 or i >= length for i in value):
        raise InputError(f"{where}: index_spans has an index outside the text")
    return value


def load(split: str | None, context: DataContext) -> list[Example]:
    """Load one split as span examples (``label`` OFFENDING when the post has a span)."""
    split = check_split(SOURCE, split, ("train", "dev", "test"))
    if context.task is not SPANS:
        raise InputError(f"vihos is a spans dataset, not {context.task.name!r}")
    path = require_file(context.data_dir / SOURCE / f"{split}.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out: list[Example] = []
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        text = row.get("content") or ""
        if not text.strip():
            continue
        spans = index_ranges(_indices(row.get("index_spans") or "", len(text), f"{path.name}:{n}"))
        out.append(
            Example(text=text, label=SPANS.labels[int(bool(spans))], source=SOURCE, spans=spans)
        )
    return out
