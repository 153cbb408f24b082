"""The spans task's evaluation report: JSON, Markdown and one bar plot naming version and data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # reports are written headless, in CI too
import matplotlib.pyplot as plt


def _plot(title: str, metrics: dict[str, Any], path: Path) -> None:
    names = [
        "char F1\n(SemEval)",
        "ViHOS F1\n(macro, 64 tok)",
        "char P",
        "char R",
        "token P",
        "token R",
    ]
    values = [
        metrics["char_f1"],
        metrics["vihos_f1"],
        metrics["char"]["precision"],
        metrics["char"]["recall"],
        metrics["token"]["precision"],
        metrics["token"]["recall"],
    ]
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    bars = ax.bar(range(len(values)), values, color=["#345"] * 2 + ["#7a9"] * 4)
    for bar, value in zip(bars, values, strict=True):
        ax.text(
            bar.get_x() + bar.get_width() / 2, value + 0.01, f"{value:.3f}", ha="center", fontsize=8
        )
    ax.set_xticks(range(len(values)), names, fontsize=8)
    ax.set_ylim(0, 1.08)
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _markdown(title: str, metrics: dict[str, Any]) -> str:
    c, t = metrics["char"], metrics["token"]
    posts = metrics["posts_with_spans"]
    return "\n".join(
        [
            f"# {title}",
            "",
            f"Task: `spans`, posts: {metrics['n']} ({posts['gold']} with gold spans, "
            f"{posts['predicted']} with predicted spans); threshold {metrics.get('threshold')}",
            "",
            "| char F1 (SemEval-2021, per post) | ViHOS F1 (macro, 64 syllables) |",
            "|---|---|",
            f"| {metrics['char_f1']:.4f} | {metrics['vihos_f1']:.4f} |",
            "",
            "| span class | precision | recall | F1 |",
            "|---|---|---|---|",
            f"| characters (micro) | {c['precision']:.4f} | {c['recall']:.4f} | {c['f1']:.4f} |",
            f"| syllables (ViHOS tokens) | {t['precision']:.4f} | {t['recall']:.4f} | {t['f1']:.4f} |",
            "",
            "![scores](scores.png)",
            "",
        ]
    )


def write_span_report(directory: Path, *, title: str, metrics: dict[str, Any]) -> list[Path]:
    """Write ``metrics.json``, ``report.md`` and ``scores.png`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    _plot(title, metrics, directory / "scores.png")
    (directory / "metrics.json").write_text(json.dumps(metrics, indent=2), "utf-8")
    (directory / "report.md").write_text(_markdown(title, metrics), "utf-8")
    return [directory / name for name in ("metrics.json", "report.md", "scores.png")]
