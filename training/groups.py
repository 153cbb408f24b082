"""Flag rates per group of people a post talks about (``Example.group``).

A model that flags harmless posts about Mông people, Catholics or gay couples silences the
people it should protect. For each group this counts, per gold label, how many posts the
model flags as served (``flagged``: any flag label at or above its threshold): on the
benign label that share is the false-positive rate, on the others it is the recall.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from models.tasks import Task
from training.datasets import Example

FPR_GOAL = 0.05  # issue 11, goal 7: at most 5 % of each group's harmless posts flagged


def flagged_mask(
    task: Task, proba: np.ndarray, thresholds: Mapping[str, float] | None
) -> np.ndarray:
    """Per row, whether the served prediction is ``flagged`` (``models.base.to_predictions``)."""
    limits = {**task.default_thresholds, **(thresholds or {})}
    mask = np.zeros(len(proba), dtype=bool)
    for label in task.flag_labels:
        mask |= proba[:, task.labels.index(label)] >= limits.get(label, 0.5)
    return mask


def _count(into: dict[str, dict[str, Any]], key: str, label: str, hit: bool) -> None:
    entry = into.setdefault(key, {}).setdefault(label, {"flagged": 0, "total": 0})
    entry["flagged"] += int(hit)
    entry["total"] += 1


def _with_shares(
    counts: dict[str, dict[str, Any]], labels: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """Each count with its share, groups sorted by name and labels in task order."""
    out = {}
    for name, by_label in sorted(counts.items()):
        out[name] = {label: by_label[label] for label in labels if label in by_label}
        for entry in out[name].values():
            entry["share"] = entry["flagged"] / entry["total"]
    return out


def group_rates(
    task: Task, examples: Sequence[Example], flagged: np.ndarray
) -> dict[str, Any] | None:
    """Flag counts and shares per group and per subgroup, by gold label.

    Returns:
        ``None`` when no example has a group; else ``{"benign": label, "goal": 0.05,
        "groups": {group: {label: {flagged, total, share}}}, "subgroups": {...}}`` where a
        group is the part of ``Example.group`` before ``/``.
    """
    groups: dict[str, dict[str, Any]] = {}
    subgroups: dict[str, dict[str, Any]] = {}
    for example, hit in zip(examples, flagged.tolist(), strict=True):
        if example.group is None:
            continue
        _count(groups, example.group.partition("/")[0], example.label, hit)
        if "/" in example.group:
            _count(subgroups, example.group, example.label, hit)
    if not groups:
        return None
    return {
        "benign": task.labels[0],
        "goal": FPR_GOAL,
        "groups": _with_shares(groups, task.labels),
        "subgroups": _with_shares(subgroups, task.labels),
    }


def false_positive_rates(rates: Mapping[str, Any]) -> dict[str, float]:
    """Group -> share of its benign posts flagged (groups without benign posts left out)."""
    benign = rates["benign"]
    return {
        group: by_label[benign]["share"]
        for group, by_label in rates["groups"].items()
        if benign in by_label
    }


def group_lines(metrics: Mapping[str, Any]) -> list[str]:
    """One line per group for the terminal: its false-positive rate, then recall per label."""
    rates = metrics.get("group_rates")
    if not rates:
        return []
    benign, goal = rates["benign"], rates["goal"]
    lines = []
    for group, by_label in rates["groups"].items():
        parts = []
        for label, entry in by_label.items():
            what = "flagged (FPR)" if label == benign else "recall"
            parts.append(f"{label} {entry['flagged']}/{entry['total']} {what} {entry['share']:.1%}")
        over = " > goal" if benign in by_label and by_label[benign]["share"] > goal else ""
        lines.append(f"  group {group}: " + ", ".join(parts) + over)
    return lines
