"""Moderator feedback, read from a ``vimod feedback export`` JSONL file.

Training reads the export rather than the database so that ``training`` never depends on
``service`` and a run is reproducible from a file. Only rows of the task being trained are
used; when moderators relabel the same text, the latest label wins.
"""

from __future__ import annotations

from pathlib import Path

from training.datasets.base import DataContext, Example, require_file
from training.datasets.generic import read_jsonl, rows_to_examples


def load(path: str | None, context: DataContext) -> list[Example]:
    file = require_file(Path(path or "feedback.jsonl"))
    rows = [r for r in read_jsonl(file) if r.get("task", context.task.name) == context.task.name]
    rows.sort(key=lambda r: str(r.get("created_at", "")))
    latest = {str(r.get("text", "")).strip(): r for r in rows}
    return rows_to_examples(latest.values(), context.task, "feedback")
