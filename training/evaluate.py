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
from training.groups import false_positive_rates, flagged_mask, group_rates
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


def flagged_by_source(examples: Sequence[Example], flagged: np.ndarray) -> dict[str, list[int]]:
    """Per ``Example.source``: ``[flagged, total]``; e.g. how many weather notices were flagged."""
    counts: dict[str, list[int]] = {}
    for example, hit in zip(examples, flagged.tolist(), strict=True):
        entry = counts.setdefault(example.source, [0, 0])
        entry[0] += int(hit)
        entry[1] += 1
    return dict(sorted(counts.items()))


def flag_lines(metrics: Mapping[str, Any]) -> list[str]:
    """For a binary task: the share of each label flagged, then the counts per source.

    The share of the benign label flagged is the false-alarm rate; of the positive label,
    its recall. Empty for a task with more than two labels, or without per-label figures
    (span models).
    """
    per_label = metrics.get("per_label", {})
    if len(per_label) != 2:
        return []
    (benign, b), (positive, p) = per_label.items()
    lines = [
        f"flagged: {1 - b['recall']:.1%} of {b['support']} {benign} (false alarms), "
        f"{p['recall']:.1%} of {p['support']} {positive} (recall)"
    ]
    by_source = metrics.get("flagged_by_source", {})
    if len(by_source) > 1:
        lines += [
            f"  {source}: {hit}/{total} flagged" for source, (hit, total) in by_source.items()
        ]
    return lines


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
    examples = load_dataset(
        spec, DataContext(model.task, context.data_dir, context.database_url, evaluation=True)
    )
    metrics, y_true, proba = score_examples(model, examples, manifest.thresholds, show=show)
    if len(model.task.labels) == 2:
        flagged = decide(model.task, proba, manifest.thresholds) == 1
        metrics["flagged_by_source"] = flagged_by_source(examples, flagged)
    rates = group_rates(model.task, examples, flagged_mask(model.task, proba, manifest.thresholds))
    if rates is not None:
        metrics["group_rates"] = rates
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
    summary = {k: metrics[k] for k in keys if k in metrics}
    if "group_rates" in metrics:  # the false-positive rate per group, in the manifest too
        summary["group_fpr"] = false_positive_rates(metrics["group_rates"])
    return summary
