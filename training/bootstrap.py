"""Build the embedded default models from the shipped seed corpora.

A fresh clone has an empty registry and no network; ``vimod serve`` calls this so the
service comes up with a working model for every task it serves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from models.registry import Manifest, Registry
from models.tasks import MISINFORMATION, SPANS, TOXICITY, get_task
from training.datasets import DataContext, load_dataset
from training.train import TrainJob, run_training

log = logging.getLogger(__name__)

CHAT = "chat:seed:toxicity@150"  # everyday comments as RELIABLE (training/datasets/chat.py)
SPAN_SEED = "seed:toxicity_spans"  # the team's marks in its own seed posts, never dataset rows
# A small CRF: the seed is 2,000 short posts, and the default must build in seconds.
SPAN_SEED_CONFIG = {"max_iterations": 60, "folds": 3}


def ensure_default_models(
    registry: Registry, tasks: Iterable[str], data_dir: Path
) -> list[Manifest]:
    """Train and activate a seed baseline for each task that has no active version.

    When toxicity is served, the spans task gets a seed span model too (``explain``).
    """
    tasks = list(tasks)
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
    if TOXICITY.name in tasks and registry.active_version(SPANS.name) is None:
        built.append(_default_spans(registry, data_dir))
    return built


def _default_spans(registry: Registry, data_dir: Path) -> Manifest:
    """The span model served with toxicity's ``explain``, from the team's marked seed posts."""
    examples = load_dataset(SPAN_SEED, DataContext(SPANS, data_dir))
    log.info("building the default spans model from %d seed posts", len(examples))
    job = TrainJob(task=SPANS, train=examples, config=SPAN_SEED_CONFIG, show_progress=False)
    return run_training("span_crf", job, registry, datasets=[SPAN_SEED], activate=True)
