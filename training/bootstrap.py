"""Build the embedded default models from the shipped seed corpora.

A fresh clone has an empty registry and no network; ``vimod serve`` calls this so the
service comes up with a working model for every task it serves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from models.registry import Manifest, Registry
from models.tasks import MISINFORMATION, get_task
from training.datasets import DataContext, load_dataset
from training.train import TrainJob, run_training

log = logging.getLogger(__name__)

CHAT = "chat:seed:toxicity@150"  # everyday comments as RELIABLE (training/datasets/chat.py)


def ensure_default_models(
    registry: Registry, tasks: Iterable[str], data_dir: Path
) -> list[Manifest]:
    """Train and activate a seed baseline for each task that has no active version."""
    built = []
    for name in tasks:
        if registry.active_version(name) is not None:
            continue
        task = get_task(name)
        # the news/hoax seed alone calls everyday chat a hoax
        specs = [f"seed:{name}", *([CHAT] if task is MISINFORMATION else [])]
        examples = [e for spec in specs for e in load_dataset(spec, DataContext(task, data_dir))]
        log.info("building the default %s model from %d seed posts", name, len(examples))
        job = TrainJob(task=task, train=examples, config={"min_df": 1}, show_progress=False)
        built.append(run_training("baseline", job, registry, datasets=specs, activate=True))
    return built
