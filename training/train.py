"""``vimod train``: fit a model kind on dataset specs and register the result."""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score

from models.base import Classifier
from models.configs import resolve_config
from models.errors import InputError
from models.kinds import SPAN_KINDS
from models.lazy import resolve
from models.registry import Manifest, Registry
from models.tasks import Task, is_span_task
from training.datasets import Example
from training.evaluate import decide, score_examples
from training.metrics import compute_metrics
from training.model_card import refresh_card
from training.progress import phase

log = logging.getLogger(__name__)

# kind -> "module:function(TrainJob) -> Classifier"; imported lazily (phobert needs torch).
TRAINERS: dict[str, str] = {
    "baseline": "training.trainers.baseline:train",
    "phobert": "training.trainers.phobert:train",
    "span_crf": "training.trainers.span_crf:train",
    "phobert_spans": "training.trainers.phobert_spans:train",
}


@dataclass
class TrainJob:
    """Everything a trainer needs; trainers must not read anything else.

    Attributes:
        task: what is being learned.
        train: training examples (all sources merged).
        dev: held-out examples for early stopping and threshold choice, if any.
        config: overrides of the kind's hyper-parameters, e.g. ``{"C": 2, "text":
            {"segment": True}}``; the trainer validates them over the kind's defaults
            (``models.configs``), so an unknown key or a wrong type raises ``InputError``.
        work_dir: scratch space for checkpoints (resumable trainers use it).
        show_progress: draw progress bars.
    """

    task: Task
    train: list[Example]
    dev: list[Example] | None = None
    config: dict[str, Any] = field(default_factory=dict)
    work_dir: Path | None = None
    show_progress: bool = True


def fingerprint(examples: Sequence[Example]) -> str:
    """Order-independent SHA-256 of (text, label) pairs: same data, same fingerprint."""
    digests = sorted(hashlib.sha256(f"{e.label}\t{e.text}".encode()).digest() for e in examples)
    return "sha256:" + hashlib.sha256(b"".join(digests)).hexdigest()


def choose_thresholds(task: Task, y_true: np.ndarray, proba: np.ndarray) -> dict[str, float]:
    """For a binary task, the positive-label threshold that maximises its F1 on dev data."""
    if len(task.labels) != 2 or len(set(y_true.tolist())) < 2:
        return {}
    best, best_f1 = 0.5, -1.0
    for t in np.linspace(0.05, 0.95, 91):
        f1 = f1_score(y_true, (proba[:, 1] >= t).astype(int), zero_division=0)
        if f1 > best_f1:
            best, best_f1 = float(round(t, 2)), f1
    return {task.labels[1]: best}


def get_trainer(kind: str) -> Callable[[TrainJob], Classifier]:
    target = TRAINERS.get(kind)
    if target is None:
        raise InputError(f"unknown model kind {kind!r}; known: {', '.join(TRAINERS)}")
    try:
        trainer: Callable[[TrainJob], Classifier] = resolve(target)
    except ImportError as exc:
        raise InputError(f"model kind {kind!r} needs extra packages ({exc.name})") from exc
    return trainer


def run_training(
    kind: str,
    job: TrainJob,
    registry: Registry,
    *,
    datasets: Sequence[str] = (),
    activate: bool = False,
) -> Manifest:
    """Train ``kind`` on ``job``, score it on dev, and register it as a new version."""
    resolve_config(kind, job.task.name, job.config)  # a typo fails before anything is fitted
    if is_span_task(job.task.name) != (kind in SPAN_KINDS):
        raise InputError(
            f"model kind {kind!r} does not fit task {job.task.name!r}; span kinds: "
            f"{', '.join(SPAN_KINDS)}"
        )
    if is_span_task(job.task.name):
        from training.span_train import run_span_training  # imports this module

        return run_span_training(kind, job, registry, datasets=datasets, activate=activate)
    trainer = get_trainer(kind)
    start = time.perf_counter()
    # PhoBERT draws its own per-step bars; the others get an elapsed-time bar while fitting.
    quiet = kind in ("phobert", "phobert_spans") or not job.show_progress
    with phase(f"training {kind} on {len(job.train)} examples", show=not quiet):
        model = trainer(job)
    seconds = time.perf_counter() - start
    metrics: dict[str, Any] = {}
    thresholds: dict[str, float] = {}
    if job.dev:
        _, y_dev, p_dev = score_examples(model, job.dev, show=job.show_progress)
        thresholds = choose_thresholds(job.task, y_dev, p_dev)
        dev_metrics = compute_metrics(job.task, y_dev, p_dev, decide(job.task, p_dev, thresholds))
        metrics["dev"] = {
            k: dev_metrics[k] for k in ("n", "macro_f1", "accuracy") if k in dev_metrics
        }
        for key in ("roc_auc", "pr_auc"):
            if key in dev_metrics:
                metrics["dev"][key] = dev_metrics[key]
    counts = Counter(e.label for e in job.train)
    manifest = registry.save(
        model,
        data_fingerprint=fingerprint(job.train),
        metrics=metrics,
        thresholds=thresholds,
        training={
            "datasets": list(datasets),
            "examples": len(job.train),
            "label_counts": dict(counts),
            "dev_examples": len(job.dev or []),
            "seconds": round(seconds, 1),
        },
        activate=activate,
    )
    refresh_card(registry, manifest.version)
    return manifest
