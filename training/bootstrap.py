"""Build the embedded default models from the shipped seed corpora.

A fresh clone has an empty registry and no network; ``vimod serve`` calls this so the
service comes up with a working model for every task it serves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from models.registry import Manifest, Registry
from models.tasks import MISINFORMATION, TOXICITY, get_task
from training.datasets import DataContext, Example, load_dataset
from training.train import TrainJob, run_training

log = logging.getLogger(__name__)


def _chat_as_reliable(data_dir: Path, limit: int = 150) -> list[Example]:
    """Everyday clean comments from the toxicity seed, as ``RELIABLE`` posts.

    The reliability seed is news versus hoaxes; without ordinary chat, a comment such as
    "bài hay quá" resembles neither and the default model calls it a hoax. Chat makes no
    factual claim, so it is reliable by this task's definition.
    """
    chat = load_dataset("seed:toxicity", DataContext(TOXICITY, data_dir))
    clean = [e for e in chat if e.label == "CLEAN"][:limit]
    return [Example(text=e.text, label="RELIABLE", source="seed-chat") for e in clean]


def ensure_default_models(
    registry: Registry, tasks: Iterable[str], data_dir: Path
) -> list[Manifest]:
    """Train and activate a seed baseline for each task that has no active version."""
    built = []
    for name in tasks:
        if registry.active_version(name) is not None:
            continue
        task = get_task(name)
        examples = load_dataset(f"seed:{name}", DataContext(task, data_dir))
        if task is MISINFORMATION:
            examples += _chat_as_reliable(data_dir)
        log.info("building the default %s model from %d seed posts", name, len(examples))
        job = TrainJob(task=task, train=examples, config={"min_df": 1}, show_progress=False)
        built.append(
            run_training("baseline", job, registry, datasets=[f"seed:{name}"], activate=True)
        )
    return built
