"""PNG plots of a comparison; each names both versions and the dataset it shows."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # reports are written headless, in CI too
import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import precision_recall_curve, roc_curve

from training.compare_result import ComparisonResult

_COLOURS = {"a": "tab:blue", "b": "tab:orange"}


def _title(result: ComparisonResult, what: str) -> str:
    return f"{what}\nA = {result.a}   B = {result.b}\non {result.dataset} ({result.n} posts)"


def _curve_targets(result: ComparisonResult) -> list[tuple[str, int]]:
    """(metric suffix, label column) of each curve panel: the positive label, or one-vs-rest."""
    if len(result.labels) == 2:
        return [("", 1)]
    flagged = [k.split(":", 1)[1] for k in result.metrics if k.startswith("roc_auc:")]
    return [(f":{label}", result.labels.index(label)) for label in flagged]


def curves_png(result: ComparisonResult, directory: Path) -> list[Path]:
    """Overlaid ROC and PR curves of A and B (one panel per one-vs-rest label if multi-class)."""
    targets = _curve_targets(result)
    written = []
    for kind in ("roc", "pr"):
        fig, axes = plt.subplots(1, len(targets), figsize=(5.2 * len(targets), 5.0), squeeze=False)
        for ax, (suffix, column) in zip(axes[0], targets, strict=True):
            label = result.labels[column]
            positive = result.y_true == column
            ax.set_title(label if suffix == "" else f"{label} vs rest", fontsize=9)
            if positive.all() or not positive.any():
                ax.text(0.5, 0.5, f"no curve: one class only ({label})", ha="center")
                continue
            for side, proba in (("a", result.proba_a), ("b", result.proba_b)):
                version = result.a if side == "a" else result.b
                area = getattr(result.metrics[f"{kind}_auc{suffix}"], side).value
                name = f"{side.upper()} {version} ({kind.upper()}-AUC {area:.3f})"
                if kind == "roc":
                    x, y, _ = roc_curve(positive, proba[:, column])
                else:
                    y, x, _ = precision_recall_curve(positive, proba[:, column])
                ax.plot(x, y, color=_COLOURS[side], label=name, drawstyle="steps-post")
            if kind == "roc":
                ax.plot([0, 1], [0, 1], "--", color="grey", linewidth=0.8)
                ax.set_xlabel("false positive rate")
                ax.set_ylabel(f"true positive rate ({label})")
            else:
                ax.axhline(positive.mean(), linestyle="--", color="grey", linewidth=0.8)
                ax.set_xlabel(f"recall ({label})")
                ax.set_ylabel(f"precision ({label})")
            ax.legend(loc="lower right" if kind == "roc" else "lower left", fontsize=7)
        fig.suptitle(_title(result, f"{kind.upper()} curves"), fontsize=8)
        fig.tight_layout()
        path = directory / f"{kind}.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        written.append(path)
    return written


def confusion_diff_png(result: ComparisonResult, path: Path) -> Path:
    """Heat-map of confusion counts B − A (diagonal up and off-diagonal down is better)."""
    diff = np.array(result.confusion["b"]) - np.array(result.confusion["a"])
    limit = max(1, int(np.abs(diff).max()))
    n = len(result.labels)
    fig, ax = plt.subplots(figsize=(5.6, 5.0))
    image = ax.imshow(diff, cmap="PuOr", vmin=-limit, vmax=limit)
    fig.colorbar(image, ax=ax, shrink=0.8, label="posts, B − A")
    ax.set_xticks(range(n), result.labels, rotation=30, ha="right")
    ax.set_yticks(range(n), result.labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    for i in range(n):
        for j in range(n):
            ax.text(j, i, f"{diff[i, j]:+d}", ha="center", va="center", fontsize=10)
    ax.set_title(_title(result, "Confusion counts B − A (diagonal: right)"), fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def f1_bars_png(result: ComparisonResult, path: Path) -> Path:
    """Per-label F1 and macro-F1 of A and B, whiskers at the bootstrap interval."""
    keys = [f"f1:{label}" for label in result.labels] + ["macro_f1"]
    names = [*result.labels, "macro-F1"]
    x = np.arange(len(keys))
    fig, ax = plt.subplots(figsize=(1.4 * len(keys) + 3.0, 4.6))
    for offset, side in ((-0.2, "a"), (0.2, "b")):
        estimates = [getattr(result.metrics[k], side) for k in keys]
        values = np.array([e.value for e in estimates])
        lows = np.array([e.value - e.low if e.low is not None else 0.0 for e in estimates])
        highs = np.array([e.high - e.value if e.high is not None else 0.0 for e in estimates])
        version = result.a if side == "a" else result.b
        ax.bar(
            x + offset,
            values,
            width=0.4,
            color=_COLOURS[side],
            yerr=np.vstack([lows, highs]),
            capsize=4,
            label=f"{side.upper()} {version}",
        )
    ax.set_xticks(x, names)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel(f"F1 ({result.level:.0%} bootstrap interval)")
    ax.legend(fontsize=7, loc="lower right")
    ax.set_title(_title(result, "F1 per label"), fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_plots(result: ComparisonResult, directory: Path) -> list[Path]:
    """All comparison plots into ``directory``; returns their paths."""
    return [
        *curves_png(result, directory),
        confusion_diff_png(result, directory / "confusion_diff.png"),
        f1_bars_png(result, directory / "f1.png"),
    ]
