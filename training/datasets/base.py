"""The ``Example`` row and the spec-string dispatcher over adapters."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from models.base import PostMetadata
from models.errors import InputError
from models.lazy import resolve
from models.tasks import Task


@dataclass(frozen=True)
class Example:
    """One labelled post. ``label`` is a label name of the task it was loaded for.

    ``spans`` (span tasks only): the offending ``(start, end)`` character ranges of
    ``text``, sorted and disjoint; ``label`` then says whether there is any.
    ``group``: who the post talks about, ``GROUP`` or ``GROUP/SUBGROUP`` (``lgbt/gay``),
    where a set records it; ``vimod evaluate`` then reports flag rates per group
    (``training/groups.py``).
    ``weight``: how much the post counts in the loss (``weight:W:SPEC``; the baseline
    only).
    ``context`` (read-only): the text the post replies to, kept in ``metadata`` so that
    every caller of ``predict_proba(texts, metadata)`` passes it on without knowing.
    """

    text: str
    label: str
    source: str
    metadata: PostMetadata | None = None
    spans: tuple[tuple[int, int], ...] | None = None
    group: str | None = None
    weight: float = 1.0

    @property
    def context(self) -> str | None:
        """The text this post replies to (a news title, a parent post), if any."""
        return None if self.metadata is None else self.metadata.context


@dataclass(frozen=True)
class DataContext:
    """Where adapters find their data.

    Attributes:
        task: the task being trained or evaluated (adapters check labels against it).
        data_dir: root of the public datasets (``../shared/data`` by default).
        database_url: the feedback store, for the ``feedback`` adapter.
        evaluation: the rows are only scored, never fitted on; only then do the
            evaluation-only sets (``EVAL_ONLY``) load. Training, dev and cross-validation
            data leave it ``False``, so they can never learn from those sets.
    """

    task: Task
    data_dir: Path
    database_url: str | None = None
    evaluation: bool = False


Adapter = Callable[[str | None, DataContext], list[Example]]

# source -> "module:function"; imported lazily so each adapter only costs when used.
ADAPTERS: dict[str, str] = {
    "vihsd": "training.datasets.vihsd:load",
    "safesense": "training.datasets.safesense:load",
    "reintel": "training.datasets.reintel:load",
    "seed": "training.datasets.seed:load",
    "csv": "training.datasets.generic:load_csv",
    "jsonl": "training.datasets.generic:load_jsonl",
    "feedback": "training.datasets.feedback:load",
    "chat": "training.datasets.chat:load",
    "notices": "training.datasets.notices:load",
    "vihos": "training.datasets.vihos:load",
    "plain": "training.datasets.plain:load",
    "identity": "training.datasets.identity:load",
    "mentions": "training.datasets.mentions:load",
    "repeat": "training.datasets.repeat:load",
    "weight": "training.datasets.weight:load",
}
# Sets written to measure a weakness; training on them would hide it.
EVAL_ONLY = frozenset({"notices", "identity"})


def load_dataset(spec: str, context: DataContext) -> list[Example]:
    """Load the examples named by ``spec`` (see the package docstring)."""
    source, _, arg = spec.partition(":")
    target = ADAPTERS.get(source)
    if target is None:
        raise InputError(f"unknown dataset {source!r}; known: {', '.join(ADAPTERS)}")
    if source in EVAL_ONLY and not context.evaluation:
        raise InputError(
            f"{source} is an evaluation-only set and is never trained on: "
            f"use it with vimod evaluate VERSION --data {source}"
        )
    adapter: Adapter = resolve(target)
    examples = adapter(arg or None, context)
    if not examples:
        raise InputError(f"dataset {spec!r} is empty")
    return examples


def packaged_rows(path: str) -> list[dict[str, str]]:
    """The rows of a CSV file shipped in the ``training`` package (seed and evaluation sets)."""
    text = resources.files("training").joinpath(path).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def require_file(path: Path) -> Path:
    """Return ``path`` or raise an ``InputError`` that names it."""
    if not path.is_file():
        raise InputError(f"data file not found: {path}")
    return path


def check_split(spec_source: str, split: str | None, allowed: tuple[str, ...]) -> str:
    """Validate a split name, defaulting to ``train``."""
    split = split or "train"
    if split not in allowed:
        raise InputError(f"{spec_source} has splits {', '.join(allowed)}, not {split!r}")
    return split
