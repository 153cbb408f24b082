"""The per-group part of an evaluation report: a Markdown table and a bar plot of FPR."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # reports are written headless, in CI too
import matplotlib.pyplot as plt

from training.groups import false_positive_rates

PLOT = "groups.png"


def _table(title: str, counts: Mapping[str, Mapping[str, Any]], labels: list[str]) -> list[str]:
    head = [title, *(f"{label} flagged" for label in labels)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, by_label in counts.items():
        cells = [f"`{name}`"]
        for label in labels:
            entry = by_label.get(label)
            cells.append(
                f"{entry['flagged']}/{entry['total']} ({entry['share']:.1%})" if entry else "–"
            )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def group_markdown(
    rates: Mapping[str, Any], task_labels: tuple[str, ...], plot: str | None
) -> list[str]:
    """Tables per group and per subgroup; the benign column is the false-positive rate."""
    seen = {label for by_label in rates["groups"].values() for label in by_label}
    labels = [label for label in task_labels if label in seen]
    lines = [
        "## Flagged per group",
        "",
        f"Share of each group's posts flagged as served (any flag label at its threshold). "
        f"On **{rates['benign']}** posts it is the false-positive rate (goal ≤ "
        f"{rates['goal']:.0%}); on the others, the recall.",
        "",
        *_table("group", rates["groups"], labels),
    ]
    if rates["subgroups"]:
        lines += ["", *_table("subgroup", rates["subgroups"], labels)]
    return [*lines, "", *([f"![{plot}]({plot})", ""] if plot else [])]


def group_png(rates: Mapping[str, Any], title: str, path: Path) -> bool:
    """Bar plot of the false-positive rate per group against the goal; False if no benign posts."""
    fprs = false_positive_rates(rates)
    if not fprs:
        return False
    names = list(fprs)
    values = [fprs[n] * 100 for n in names]
    goal = rates["goal"] * 100
    fig, ax = plt.subplots(figsize=(6.0, 3.8))
    colours = ["#c0392b" if v > goal else "#2e86c1" for v in values]
    bars = ax.bar(names, values, color=colours)
    ax.axhline(goal, linestyle="--", color="grey", label=f"goal ≤ {goal:.0f}%")
    for bar, name in zip(bars, names, strict=True):
        entry = rates["groups"][name][rates["benign"]]
        ax.annotate(
            f"{entry['flagged']}/{entry['total']}",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            textcoords="offset points",
            xytext=(0, 3),
            ha="center",
            fontsize=8,
        )
    ax.set_ylabel(f"{rates['benign']} posts flagged (%)")
    ax.set_ylim(0, max([*values, goal]) * 1.25 + 1)
    ax.set_title(f"False positives per group\n{title}", fontsize=9)
    ax.tick_params(axis="x", labelsize=8)
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True
