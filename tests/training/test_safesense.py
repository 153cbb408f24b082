"""``safesense:``: the comment is the text, the news title its context."""

from __future__ import annotations

import csv
from pathlib import Path

from models.base import PostMetadata
from models.baseline import inline_context
from models.tasks import TOXICITY
from models.text import normalize
from training.datasets import DataContext, load_dataset
from training.datasets.plain import strip_example
from training.datasets.safesense import split_row

# Written for the test (not SafeSense rows), in the file's "title </s> comment" shape.
ROWS = [
    ("cướp giật ở chợ đêm </s> bắt nó đi tù", 0),
    ("giá xăng tăng </s> đồ ngu", 1),
    ("không có tiêu đề", 0),
    ("tin nóng </s>   ", 2),
]


def _context(tmp_path: Path) -> DataContext:
    folder = tmp_path / "safesense"
    folder.mkdir()
    with open(folder / "safesense_vi.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["input_text", "label"])
        writer.writerows(ROWS)
    return DataContext(TOXICITY, tmp_path)


def test_rows_yield_the_comment_as_text_and_the_title_as_context(tmp_path: Path) -> None:
    examples = {e.text: e for e in load_dataset("safesense:all", _context(tmp_path))}
    assert examples["bắt nó đi tù"].context == "cướp giật ở chợ đêm"
    assert examples["đồ ngu"].metadata == PostMetadata(context="giá xăng tăng")
    assert examples["không có tiêu đề"].context is None  # no </s>: all comment
    assert examples["tin nóng"].context is None  # nothing after </s>: all comment


def test_comment_part_has_no_context_and_keeps_its_old_text(tmp_path: Path) -> None:
    examples = load_dataset("safesense:all/comment", _context(tmp_path))
    assert all(e.context is None for e in examples)
    assert [e.text for e in examples] == [
        "bắt nó đi tù", "đồ ngu", "không có tiêu đề", "tin nóng </s>   "
    ]  # fmt: skip


def test_inline_context_normalises_to_the_text_fed_before_contexts() -> None:
    for raw, _ in ROWS:
        text, title = split_row(raw)
        old = raw.replace("</s>", "\n")
        assert normalize(inline_context(text, title)) == normalize(old)


def test_plain_strips_the_context_with_the_text(tmp_path: Path) -> None:
    example = next(
        e for e in load_dataset("safesense:all", _context(tmp_path)) if e.text == "đồ ngu"
    )
    bare = strip_example(example)
    assert (bare.text, bare.context) == ("do ngu", "gia xang tang")
