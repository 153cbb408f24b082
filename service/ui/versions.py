"""The trainers' page of model versions: per task, each version with its metrics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.registry import Registry
from models.tasks import TASKS

# The summary figures ``training/evaluate.py`` records per evaluated dataset, in page order.
FIGURES = ("n", "macro_f1", "accuracy", "ece")


@dataclass(frozen=True)
class MetricRow:
    dataset: str
    figures: dict[str, str]


@dataclass(frozen=True)
class VersionRow:
    version: str
    kind: str
    created_at: str
    active: bool
    serving: bool
    metrics: list[MetricRow]


@dataclass(frozen=True)
class TaskVersions:
    task: str
    active: str | None
    versions: list[VersionRow]


def _figure(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "–"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    return "–"


def _metric_rows(metrics: dict[str, Any]) -> list[MetricRow]:
    rows = []
    flat = {k: v for k, v in metrics.items() if not isinstance(v, dict)}
    if any(k in flat for k in FIGURES):
        rows.append(MetricRow("", {k: _figure(flat.get(k)) for k in FIGURES}))
    for dataset, values in sorted(metrics.items()):
        if isinstance(values, dict):
            rows.append(MetricRow(dataset, {k: _figure(values.get(k)) for k in FIGURES}))
    return rows


def versions_by_task(registry: Registry, serving: set[str]) -> list[TaskVersions]:
    """Every readable version, newest first within each task (a file read: run it off-loop)."""
    out = []
    manifests = registry.versions()
    for task in TASKS:
        active = registry.active_version(task)
        rows = [
            VersionRow(
                version=m.version,
                kind=m.kind,
                created_at=m.created_at,
                active=m.version == active,
                serving=m.version in serving,
                metrics=_metric_rows(m.metrics),
            )
            for m in reversed(manifests)
            if m.task == task
        ]
        out.append(TaskVersions(task, active, rows))
    return out
