"""SafeSense-VI (2025): ``input_text``, ``label`` (0 clean, 1 offensive, 2 hate), no official split.

We make a fixed 80/10/10 split by hashing each text, so every run measures the same
``test`` rows and a text that occurs twice never lands in both train and test.

``safesense:test/comment`` keeps the same rows but only the comment (what is after
``</s>``): the label judges the comment, and a model that never saw news titles reads
a violent headline as the commenter's hate (docs/toxicity.md).
"""

from __future__ import annotations

import csv
import hashlib

from models.errors import InputError
from models.tasks import TOXICITY
from training.datasets.base import DataContext, Example, check_split, require_file

_BOUNDS = {"train": (0, 80), "dev": (80, 90), "test": (90, 100)}


def _bucket(text: str) -> int:
    return int(hashlib.sha1(text.strip().lower().encode()).hexdigest()[:8], 16) % 100


def _comment(text: str) -> str:
    """The part after the last ``</s>``; the whole text when there is none."""
    return text.rpartition("</s>")[2].strip() or text


def load(split: str | None, context: DataContext) -> list[Example]:
    split, _, part = (split or "train").partition("/")
    if part not in ("", "comment"):
        raise InputError(f"safesense:{split}/{part}: the only part is 'comment'")
    split = check_split("safesense", split, ("train", "dev", "test", "all"))
    if context.task is not TOXICITY:
        context.task.check_label("")  # raises: SafeSense only has toxicity labels
    path = require_file(context.data_dir / "safesense" / "safesense_vi.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("input_text", "").strip()]
    lo, hi = _BOUNDS.get(split, (0, 100))
    return [
        Example(
            # "title </s> comment": the comment is what is judged; the title is context.
            text=_comment(row["input_text"]) if part else row["input_text"].replace("</s>", "\n"),
            label=TOXICITY.labels[int(row["label"])],
            source="safesense",
        )
        for row in rows
        if lo <= _bucket(row["input_text"]) < hi
    ]
