"""``vimod evaluate``: score a registered version on a named split and write its report."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from models.base import Classifier
from models.registry import Registry
from models.tasks import Task, is_span_task
from training.datasets import DataContext, Example, load_dataset
from training.metrics import compute_metrics
from training.model_card import refresh_card
from training.progress import predict_batched
from training.report import write_report


def label_indices(task: Task, examples: Sequence[Example]) -> np.ndarray:
    index = {label: i for i, label in enumerate(task.labels)}
    return np.array([index[e.label] for e in examples], dtype=int)


def decide(task: Task, proba: np.ndarray, thresholds: Mapping[str, float] | None) -> np.ndarray:
    """Predicted indices: arg-max, except a binary task with a threshold on its positive label."""
    positive = task.labels[-1]
    if len(task.labels) == 2 and thresholds and positive in thresholds:
        return (proba[:, 1] >= thresholds[positive]).astype(int)
    return proba.argmax(axis=1)


def score_examples(
    model: Classifier,
    examples: Sequence[Example],
    thresholds: Mapping[str, float] | None = None,
    *,
    show: bool = True,
) -> tuple[dict[str, Any], np.ndarray, np.ndarray]:
    """Predict ``examples`` and compute metrics; returns (metrics, gold indices, proba)."""
    texts = [e.text for e in examples]
    metadata = [e.metadata for e in examples]
    proba = predict_batched(model, texts, metadata, description="evaluating", show=show)
    y_true = label_indices(model.task, examples)
    metrics = compute_metrics(model.task, y_true, proba, decide(model.task, proba, thresholds))
    if thresholds:
        metrics["thresholds"] = dict(thresholds)
    return metrics, y_true, proba


def spec_slug(spec: str) -> str:
    """A dataset spec as a directory name: ``vihsd:test`` → ``vihsd_test``."""
    return re.sub(r"[^\w.-]+", "_", spec).strip("_") or "data"


def report_dir(registry: Registry, version: str, spec: str) -> Path:
    return registry.path(version) / "reports" / spec_slug(spec)


def evaluate_version(
    registry: Registry,
    version: str,
    spec: str,
    context: DataContext,
    *,
    show: bool = True,
) -> tuple[dict[str, Any], list[Path]]:
    """Evaluate ``version`` on dataset ``spec``; record metrics in its manifest.

    Returns:
        The metrics and the report files written under ``<version>/reports/<spec>/``.
    """
    if is_span_task(registry.manifest(version).task):
        from training.span_train import evaluate_spans

        return evaluate_spans(registry, version, spec, context.data_dir)
    model, manifest = registry.load(version)
    examples = load_dataset(spec, DataContext(model.task, context.data_dir, context.database_url))
    metrics, y_true, proba = score_examples(model, examples, manifest.thresholds, show=show)
    paths = write_report(
        report_dir(registry, version, spec),
        title=f"{version} on {spec}",
        task=model.task,
        metrics=metrics,
        y_true=y_true,
        proba=proba,
    )
    registry.update_metrics(version, spec, _summary(metrics))
    refresh_card(registry, version)
    return metrics, paths


def _summary(metrics: dict[str, Any]) -> dict[str, Any]:
    keys = ("n", "macro_f1", "accuracy", "ece", "roc_auc", "pr_auc", "thresholds")
    return {k: metrics[k] for k in keys if k in metrics}
