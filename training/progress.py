"""Progress bars for long jobs (rich), shared by training, evaluation and ``vimod classify``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from models.base import Classifier, PostMetadata


def make_progress(*, disable: bool = False) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        disable=disable,
        transient=False,
    )


def predict_batched(
    model: Classifier,
    texts: Sequence[str],
    metadata: Sequence[PostMetadata | None] | None = None,
    *,
    batch_size: int = 256,
    description: str = "scoring",
    show: bool = True,
) -> np.ndarray:
    """``model.predict_proba`` over ``texts`` in batches, with a progress bar."""
    chunks: list[np.ndarray] = []
    with make_progress(disable=not show) as progress:
        bar = progress.add_task(description, total=len(texts))
        for start in range(0, len(texts), batch_size):
            stop = start + batch_size
            meta = None if metadata is None else metadata[start:stop]
            chunks.append(model.predict_proba(texts[start:stop], meta))
            progress.advance(bar, len(texts[start:stop]))
    if not chunks:
        return np.zeros((0, len(model.task.labels)))
    return np.vstack(chunks)


@contextmanager
def phase(description: str, *, show: bool) -> Iterator[None]:
    """An elapsed-time bar for a step that reports no progress of its own (fitting)."""
    with make_progress(disable=not show) as progress:
        bar = progress.add_task(description, total=None)
        yield
        progress.update(bar, total=1, completed=1)
