"""Build the embedded default models from the shipped seed corpora.

A fresh clone has an empty registry and no network; ``vimod serve`` calls this so the
service comes up with a working model for every task it serves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from models.registry import Manifest, Registry
from models.tasks import get_task
from training.datasets import DataContext, load_dataset
from training.train import TrainJob, run_training

log = logging.getLogger(__name__)


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
        log.info("building the default %s model from %d seed posts", name, len(examples))
        job = TrainJob(task=task, train=examples, config={"min_df": 1}, show_progress=False)
        built.append(
            run_training("baseline", job, registry, datasets=[f"seed:{name}"], activate=True)
        )
    return built
