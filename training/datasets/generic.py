"""Any CSV or JSONL file with a ``text`` column and a ``label`` column.

``label`` is a label name of the task (``HATE``) or its index (``2``). Optional columns
``likes``, ``comments``, ``shares``, ``posted_at`` become post metadata, and ``context``
(the text the post replies to) its context.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from models.base import PostMetadata
from models.errors import InputError
from models.tasks import Task
from training.datasets.base import DataContext, Example, require_file

_META = ("likes", "comments", "shares", "posted_at")


def _label(task: Task, value: Any, where: str) -> str:
    text = str(value).strip()
    if text.isdigit() and int(text) < len(task.labels):
        return task.labels[int(text)]
    try:
        return task.check_label(text.upper())
    except InputError as exc:
        raise InputError(f"{where}: {exc.message}") from None


def _number(value: Any) -> float | None:
    try:
        return None if value in (None, "") else float(value)
    except (TypeError, ValueError):
        return None


def metadata_from_row(row: Mapping[str, Any]) -> PostMetadata | None:
    """``likes``/``comments``/``shares``/``posted_at`` (and ``context``) columns as
    metadata; None when all are empty."""
    meta: dict[str, Any] = {k: _number(row.get(k)) for k in _META}
    context = row.get("context")
    meta["context"] = str(context).strip() or None if context is not None else None
    return PostMetadata(**meta) if any(v is not None for v in meta.values()) else None


def rows_to_examples(rows: Iterable[Mapping[str, Any]], task: Task, source: str) -> list[Example]:
    """Convert mapping rows to examples, naming the offending row on bad input."""
    out: list[Example] = []
    for n, row in enumerate(rows, start=1):
        if "text" not in row or "label" not in row:
            raise InputError(f"{source} row {n}: needs 'text' and 'label' fields")
        text = str(row["text"] or "")
        if not text.strip():
            continue
        out.append(
            Example(
                text=text,
                label=_label(task, row["label"], f"{source} row {n}"),
                source=source,
                metadata=metadata_from_row(row),
            )
        )
    return out


def load_csv(path: str | None, context: DataContext) -> list[Example]:
    file = require_file(Path(path or ""))
    with open(file, encoding="utf-8", newline="") as fh:
        return rows_to_examples(csv.DictReader(fh), context.task, file.name)


def read_jsonl(file: Path) -> list[dict[str, Any]]:
    """Read a JSON-lines file, naming the line of a parse error."""
    rows = []
    with open(file, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{file.name} line {n}: invalid JSON ({exc.msg})") from None
    return rows


def load_jsonl(path: str | None, context: DataContext) -> list[Example]:
    file = require_file(Path(path or ""))
    return rows_to_examples(read_jsonl(file), context.task, file.name)
