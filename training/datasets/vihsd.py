"""ViHSD (UIT, 2021): ``free_text``, ``label_id`` (0 CLEAN, 1 OFFENSIVE, 2 HATE), official split."""

from __future__ import annotations

import csv

from models.tasks import TOXICITY
from training.datasets.base import DataContext, Example, check_split, require_file


def load(split: str | None, context: DataContext) -> list[Example]:
    split = check_split("vihsd", split, ("train", "dev", "test"))
    if context.task is not TOXICITY:
        context.task.check_label("")  # raises: ViHSD only has toxicity labels
    path = require_file(context.data_dir / "vihsd" / f"{split}.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Example(text=row["free_text"], label=TOXICITY.labels[int(row["label_id"])], source="vihsd")
        for row in rows
        if row.get("free_text", "").strip()
    ]
