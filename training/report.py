"""Evaluation reports: JSON for machines, Markdown and PNG plots for trainers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # reports are written headless, in CI too
import itertools

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import precision_recall_curve, roc_curve

from models.tasks import Task
from training.group_report import PLOT, group_markdown, group_png


def _confusion_png(task: Task, matrix: list[list[int]], path: Path) -> None:
    cm = np.array(matrix, dtype=float)
    rows = cm.sum(axis=1, keepdims=True)
    share = np.divide(cm, rows, out=np.zeros_like(cm), where=rows > 0)
    fig, ax = plt.subplots(figsize=(4.8, 4.2))
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    n = len(task.labels)
    ax.set_xticks(range(n), task.labels, rotation=30, ha="right")
    ax.set_yticks(range(n), task.labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    for i in range(n):
        for j in range(n):
            colour = "white" if share[i, j] > 0.5 else "black"
            ax.text(
                j,
                i,
                f"{int(cm[i, j])}\n{share[i, j]:.0%}",
                ha="center",
                va="center",
                color=colour,
                fontsize=9,
            )
    ax.set_title("Confusion matrix (row-normalised)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _calibration_png(y_true: np.ndarray, proba: np.ndarray, path: Path, bins: int = 10) -> None:
    conf = proba.max(axis=1)
    correct = (proba.argmax(axis=1) == y_true).astype(float)
    edges = np.linspace(0, 1, bins + 1)
    centers, accs, counts = [], [], []
    for lo, hi in itertools.pairwise(edges):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            centers.append(conf[mask].mean())
            accs.append(correct[mask].mean())
            counts.append(int(mask.sum()))
    fig, ax = plt.subplots(figsize=(4.8, 4.2))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect")
    ax.plot(centers, accs, "o-", label="model")
    for x, y, c in zip(centers, accs, counts, strict=True):
        ax.annotate(
            str(c), (x, y), textcoords="offset points", xytext=(0, 6), fontsize=7, ha="center"
        )
    ax.set_xlabel("confidence (top label)")
    ax.set_ylabel("accuracy")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.05)
    ax.set_title("Calibration (points: posts per bin)")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _curves_png(task: Task, y_true: np.ndarray, proba: np.ndarray, directory: Path) -> list[str]:
    positive = proba[:, 1]
    fpr, tpr, _ = roc_curve(y_true, positive)
    prec, rec, _ = precision_recall_curve(y_true, positive)
    written = []
    for name, xs, ys, xl, yl in (
        ("roc.png", fpr, tpr, "false positive rate", "true positive rate"),
        ("pr.png", rec, prec, f"recall ({task.labels[1]})", f"precision ({task.labels[1]})"),
    ):
        fig, ax = plt.subplots(figsize=(4.8, 4.2))
        ax.plot(xs, ys)
        if name == "roc.png":
            ax.plot([0, 1], [0, 1], "--", color="grey")
        ax.set_xlabel(xl)
        ax.set_ylabel(yl)
        ax.set_title(name[:-4].upper() + " curve")
        fig.tight_layout()
        fig.savefig(directory / name, dpi=110)
        plt.close(fig)
        written.append(name)
    return written


def _decision_line(task: Task, metrics: dict[str, Any]) -> str:
    """Binary tasks: the threshold the labels were decided at and the positive label's F1."""
    positive = task.labels[1]
    threshold = (metrics.get("thresholds") or {}).get(positive)
    rule = f"score ≥ **{threshold:.2f}** (chosen on dev)" if threshold is not None else "arg-max"
    f1 = metrics["per_label"][positive]["f1"]
    return f"**{positive}** when {rule}: F1({positive}) = **{f1:.4f}**"


def _markdown(title: str, task: Task, metrics: dict[str, Any], plots: list[str]) -> str:
    lines = [f"# {title}", "", f"Task: `{task.name}`, posts: {metrics['n']}", ""]
    if len(task.labels) == 2:
        lines += [_decision_line(task, metrics), ""]
    head = ["macro-F1", "accuracy", "ECE"]
    vals = [metrics["macro_f1"], metrics["accuracy"], metrics["ece"]]
    for key, name in (("roc_auc", "ROC-AUC"), ("pr_auc", "PR-AUC")):
        if key in metrics:
            head.append(name)
            vals.append(metrics[key])
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(f"{v:.4f}" for v in vals) + " |", ""]
    lines += ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for label, m in metrics["per_label"].items():
        lines.append(
            f"| {label} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} | {m['support']} |"
        )
    lines += ["", "Confusion matrix (rows true, columns predicted):", ""]
    lines += ["| | " + " | ".join(task.labels) + " |", "|---" * (len(task.labels) + 1) + "|"]
    for label, row in zip(task.labels, metrics["confusion_matrix"], strict=True):
        lines.append(f"| **{label}** | " + " | ".join(str(v) for v in row) + " |")
    lines.append("")
    rates = metrics.get("group_rates")
    if rates:
        lines += group_markdown(rates, task.labels, PLOT if PLOT in plots else None)
    lines += [f"![{p}]({p})" for p in plots if p != PLOT]
    return "\n".join(lines) + "\n"


def write_report(
    directory: Path,
    *,
    title: str,
    task: Task,
    metrics: dict[str, Any],
    y_true: np.ndarray,
    proba: np.ndarray,
) -> list[Path]:
    """Write ``metrics.json``, ``report.md`` and the plots into ``directory``; return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    plots = ["confusion.png", "calibration.png"]
    _confusion_png(task, metrics["confusion_matrix"], directory / "confusion.png")
    _calibration_png(y_true, proba, directory / "calibration.png")
    if "roc_auc" in metrics:
        plots += _curves_png(task, y_true, proba, directory)
    if metrics.get("group_rates") and group_png(metrics["group_rates"], title, directory / PLOT):
        plots.append(PLOT)
    (directory / "metrics.json").write_text(json.dumps(metrics, indent=2), "utf-8")
    (directory / "report.md").write_text(_markdown(title, task, metrics, plots), "utf-8")
    return [directory / name for name in ("metrics.json", "report.md", *plots)]
