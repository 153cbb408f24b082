"""SafeSense-VI (2025): ``input_text``, ``label`` (0 clean, 1 offensive, 2 hate), no official split.

We make a fixed 80/10/10 split by hashing each text, so every run measures the same
``test`` rows and a row that occurs twice never lands in both train and test (the same
comment under two titles can).

Each row is ``news title </s> comment`` and the label judges the comment, so an example's
``text`` is the comment and the title is its ``context`` (``PostMetadata.context``): the
baseline learns title words in a block of their own, and a model that never saw titles
ignores them instead of reading a violent headline as the commenter's hate
(docs/toxicity.md). ``safesense:test/comment`` keeps the same rows with no context.
"""

from __future__ import annotations

import csv
import hashlib

from models.base import PostMetadata
from models.errors import InputError
from models.tasks import TOXICITY
from training.datasets.base import DataContext, Example, check_split, require_file

_BOUNDS = {"train": (0, 80), "dev": (80, 90), "test": (90, 100)}


def _bucket(text: str) -> int:
    return int(hashlib.sha1(text.strip().lower().encode()).hexdigest()[:8], 16) % 100


def split_row(text: str) -> tuple[str, str | None]:
    """``(comment, title)``: the part after the last ``</s>`` and the part before it.

    A row without ``</s>`` or with nothing after it is all comment, with no title, as
    ``/comment`` always read it. ``title + "\\n" + comment`` normalises to the text the
    adapter fed before contexts existed (``context="inline"`` relies on it).
    """
    title, sep, comment = text.rpartition("</s>")
    if not sep or not comment.strip():
        return text.replace("</s>", "\n").strip(), None
    return comment.strip(), title.replace("</s>", "\n").strip() or None


def _example(raw: str, label: str, with_context: bool) -> Example:
    if not with_context:  # ``/comment``: exactly the text it always gave
        return Example(
            text=raw.rpartition("</s>")[2].strip() or raw, label=label, source="safesense"
        )
    text, title = split_row(raw)
    meta = PostMetadata(context=title) if title else None
    return Example(text=text, label=label, source="safesense", metadata=meta)


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
        _example(row["input_text"], TOXICITY.labels[int(row["label"])], with_context=not part)
        for row in rows
        if lo <= _bucket(row["input_text"]) < hi
    ]
