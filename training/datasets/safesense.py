"""SafeSense-VI (2025): ``input_text``, ``label`` (0 clean, 1 offensive, 2 hate), no official split.

We make a fixed, seeded 80/10/10 split so that every run measures the same ``test`` rows.
"""

from __future__ import annotations

import csv
import random

from models.tasks import TOXICITY
from training.datasets.base import DataContext, Example, check_split, require_file

SEED = 20250101


def load(split: str | None, context: DataContext) -> list[Example]:
    split = check_split("safesense", split, ("train", "dev", "test", "all"))
    if context.task is not TOXICITY:
        context.task.check_label("")
    path = require_file(context.data_dir / "safesense" / "safesense_vi.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("input_text", "").strip()]
    examples = [
        Example(
            # "title </s> comment": the comment is what a moderator scores; keep the title as context.
            text=row["input_text"].replace("</s>", "\n"),
            label=TOXICITY.labels[int(row["label"])],
            source="safesense",
        )
        for row in rows
    ]
    if split == "all":
        return examples
    order = list(range(len(examples)))
    random.Random(SEED).shuffle(order)
    n = len(order)
    bounds = {
        "train": (0, int(0.8 * n)),
        "dev": (int(0.8 * n), int(0.9 * n)),
        "test": (int(0.9 * n), n),
    }
    lo, hi = bounds[split]
    return [examples[i] for i in sorted(order[lo:hi])]
