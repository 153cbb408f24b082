"""Reading the seed data files and writing the corpora, shared by both generators."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

SEED_DIR = Path(__file__).parent
POSTS_DIR = SEED_DIR / "posts"

Row = tuple[str, str]  # (text, label)
ConfigT = TypeVar("ConfigT", bound=BaseModel)


def parse_posts(text: str) -> list[str]:
    """Split a posts file into posts.

    A post starts on a line with no indentation; a line indented by two spaces continues
    the post above (joined with one space), so long posts can be wrapped for review.
    Blank lines only separate posts. Each line is stripped.
    """
    posts: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("  ") and posts:
            posts[-1] = f"{posts[-1]} {line.strip()}"
        else:
            posts.append(line.strip())
    return posts


def read_base_posts(folder: Path, files: Mapping[str, Sequence[str]]) -> list[Row]:
    """All hand-written posts as ``(text, label)``, in file order.

    Args:
        folder: where the post files are.
        files: label -> its post files (names relative to ``folder``).

    Raises:
        ValueError: a post occurs twice (in any files, under any labels).
    """
    rows: list[Row] = []
    seen: dict[str, str] = {}
    for label, names in files.items():
        for name in names:
            for post in parse_posts((folder / name).read_text("utf-8")):
                if post in seen:
                    raise ValueError(f"duplicate base post ({seen[post]}/{label}): {post}")
                seen[post] = label
                rows.append((post, label))
    return rows


def load_config(path: Path, model: type[ConfigT]) -> ConfigT:
    """Parse a TOML settings file into ``model``; unknown keys and bad values raise ``ValueError``."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValueError(f"{path.name}: {exc}") from None


def write_csv(rows: Sequence[Row], path: Path) -> None:
    """Write ``rows`` as UTF-8 CSV with header ``text,label`` and ``\\n`` line ends."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("text", "label"))
        writer.writerows(rows)
