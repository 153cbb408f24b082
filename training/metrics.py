"""Metrics for a fixed test set: what a trainer compares across versions."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
    roc_auc_score,
)

from models.tasks import Task


def expected_calibration_error(y_true: np.ndarray, proba: np.ndarray, bins: int = 10) -> float:
    """ECE of the top-label confidence: how far stated confidence is from accuracy."""
    conf = proba.max(axis=1)
    correct = (proba.argmax(axis=1) == y_true).astype(float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    ece = 0.0
    for lo, hi in itertools.pairwise(edges):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - conf[mask].mean())
    return float(ece)


def compute_metrics(
    task: Task, y_true: np.ndarray, proba: np.ndarray, y_pred: np.ndarray | None = None
) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label P/R/F1, confusion matrix, ECE; ROC/PR-AUC when binary.

    For a binary task ``positive_f1`` repeats the positive label's F1 (at ``y_pred``).

    Args:
        task: label names and order.
        y_true: gold label indices.
        proba: predicted probabilities, columns in ``task.labels`` order.
        y_pred: predicted indices (after thresholds); arg-max of ``proba`` when omitted.
    """
    labels = list(range(len(task.labels)))
    pred = proba.argmax(axis=1) if y_pred is None else y_pred
    p, r, f, s = precision_recall_fscore_support(y_true, pred, labels=labels, zero_division=0)
    out: dict[str, Any] = {
        "n": len(y_true),
        "accuracy": float(accuracy_score(y_true, pred)),
        "macro_f1": float(f1_score(y_true, pred, labels=labels, average="macro", zero_division=0)),
        "per_label": {
            name: {
                "precision": float(p[i]),
                "recall": float(r[i]),
                "f1": float(f[i]),
                "support": int(s[i]),
            }
            for i, name in enumerate(task.labels)
        },
        "confusion_matrix": confusion_matrix(y_true, pred, labels=labels).tolist(),
        "ece": expected_calibration_error(y_true, proba),
    }
    if len(labels) == 2:  # binary: the positive label's F1 at the decision threshold
        out["positive_f1"] = float(f[1])
    if len(labels) == 2 and len(set(y_true.tolist())) == 2:
        out["roc_auc"] = float(roc_auc_score(y_true, proba[:, 1]))
        out["pr_auc"] = float(average_precision_score(y_true, proba[:, 1]))
    return out
