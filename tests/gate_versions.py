"""Versions for promotion-gate tests: one trained like a default model, one made worse.

The default models (``training/bootstrap.py``) are seed baselines; a candidate trained the
same way scores the same, and one trained on a copy with every other label flipped scores
far lower, so the gate's verdict on the seed corpus is known in advance.
"""

from __future__ import annotations

from pathlib import Path

from models.registry import Registry
from models.tasks import get_task
from training.bootstrap import CHAT
from training.datasets import DataContext, Example, load_dataset
from training.train import TrainJob, run_training

ROTATE = {
    "toxicity": {"CLEAN": "HATE", "OFFENSIVE": "CLEAN", "HATE": "OFFENSIVE"},
    "misinformation": {"RELIABLE": "UNRELIABLE", "UNRELIABLE": "RELIABLE"},
}


def seed_examples(task: str, data_dir: Path) -> list[Example]:
    """The seed corpus of ``task`` (what the gate tests evaluate on)."""
    return load_dataset(f"seed:{task}", DataContext(get_task(task), data_dir))


def train_version(registry: Registry, task: str, data_dir: Path, *, flip: bool = False) -> str:
    """A seed baseline like the default one; ``flip`` rotates every other label first."""
    t = get_task(task)
    specs = [f"seed:{task}", *([CHAT] if task == "misinformation" else [])]
    examples = [e for s in specs for e in load_dataset(s, DataContext(t, data_dir))]
    if flip:
        examples = [
            Example(e.text, ROTATE[task][e.label] if i % 2 else e.label, e.source, e.metadata)
            for i, e in enumerate(examples)
        ]
    job = TrainJob(task=t, train=examples, config={"min_df": 1}, show_progress=False)
    name = "flipped" if flip else "seed"
    return run_training("baseline", job, registry, datasets=[f"{name}:{task}"]).version
