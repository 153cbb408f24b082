"""ReINTEL (VLSP 2020): reliability of Vietnamese social posts, fixed train/dev/test split.

Columns: ``id``, ``user_name`` (hashed), ``post_message``, ``timestamp_post`` (unix
seconds), ``num_like_post``, ``num_comment_post``, ``num_share_post``, ``label``
(1 UNRELIABLE, 0 RELIABLE). Empty, ``unknown`` or shifted metadata cells become ``None``.

The hashed author is deliberately *not* loaded. About 30 % of test posts come from
authors seen in train, so an author-id feature would score well on this split while
telling nothing about posts from other pages or platforms (the out-of-domain sets we
judge generalisation on), and a client of the API cannot send a stable author id anyway.
Text, engagement counts and posting time are the signals a model can carry elsewhere.
"""

from __future__ import annotations

import csv
import math
import re

from models.base import PostMetadata
from models.errors import InputError
from models.tasks import MISINFORMATION
from training.datasets.base import DataContext, Example, check_split, require_file

SOURCE = "reintel"
_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)
# field -> (column, the unit word the crawl sometimes appended: "54 like", "1 comment")
_COLUMNS = {
    "likes": ("num_like_post", "like"),
    "comments": ("num_comment_post", "comment"),
    "shares": ("num_share_post", "share"),
    "posted_at": ("timestamp_post", ""),
}


def _number(value: str | None, unit: str) -> float | None:
    """A non-negative number, or ``None`` for an empty, ``unknown`` or shifted cell.

    A unit word is accepted only when it names the column's own count, so a shifted
    row (``"1 comment"`` in the likes column) does not leak a wrong value.
    """
    match = _NUMBER.match(value or "")
    if match is None or match.group(2).lower() not in ("", unit, unit + "s"):
        return None
    number = float(match.group(1))
    return number if math.isfinite(number) else None


def _metadata(row: dict[str, str]) -> PostMetadata | None:
    values = {key: _number(row.get(column), unit) for key, (column, unit) in _COLUMNS.items()}
    if all(v is None for v in values.values()):
        return None
    return PostMetadata(**values)


def load(split: str | None, context: DataContext) -> list[Example]:
    """Load one split of ReINTEL as misinformation examples.

    Args:
        split: ``train`` (default), ``dev`` or ``test``.
        context: must be for the misinformation task.

    Returns:
        One ``Example`` per non-empty post, with its engagement metadata when any is known.
    """
    split = check_split(SOURCE, split, ("train", "dev", "test"))
    if context.task is not MISINFORMATION:
        raise InputError(f"reintel is a misinformation dataset, not {context.task.name!r}")
    path = require_file(context.data_dir / SOURCE / f"{split}.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out: list[Example] = []
    for n, row in enumerate(rows, start=1):
        text = row.get("post_message") or ""
        if not text.strip():
            continue
        raw = (row.get("label") or "").strip()
        if raw not in ("0", "1"):
            raise InputError(f"{path.name} row {n}: label must be 0 or 1, not {raw!r}")
        out.append(
            Example(
                text=text,
                label=MISINFORMATION.labels[int(raw)],
                source=SOURCE,
                metadata=_metadata(row),
            )
        )
    return out
