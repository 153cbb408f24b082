"""Write a ``ComparisonResult``: ``comparison.json``, ``report.md`` and the plots.

The report quotes real posts (the changed predictions), so it is written only outside the
repository: into the registry or a directory the user names.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from training.bootstrap_ci import Interval, PairedEstimate
from training.compare_plots import write_plots
from training.compare_result import ChangedPrediction, ComparisonResult, SliceComparison

_NAMES = {"macro_f1": "macro-F1", "accuracy": "accuracy", "roc_auc": "ROC-AUC", "pr_auc": "PR-AUC"}
_PREFIXES = {"f1": "F1", "precision": "precision", "recall": "recall"}
_TEXT_CHARS = 300  # longer posts are cut in the tables


def metric_name(key: str) -> str:
    """``f1:HATE`` → ``F1 HATE``; ``roc_auc:HATE`` → ``ROC-AUC HATE vs rest``."""
    base, _, label = key.partition(":")
    if not label:
        return _NAMES.get(base, base)
    if base in _NAMES:
        return f"{_NAMES[base]} {label} vs rest"
    return f"{_PREFIXES.get(base, base)} {label}"


def format_value(value: float, *, signed: bool = False) -> str:
    """``0.812``, ``+0.012``; ``n/a`` for NaN (a metric undefined on these posts)."""
    return "n/a" if math.isnan(value) else format(value, "+.3f" if signed else ".3f")


def format_interval(interval: Interval, *, signed: bool = False) -> str:
    """``0.812 [0.790, 0.833]``; differences signed: ``+0.012 [-0.004, +0.028]``."""
    spec = "+.3f" if signed else ".3f"
    text = format_value(interval.value, signed=signed)
    if text == "n/a":
        return text
    if interval.low is not None and interval.high is not None:
        text += f" [{format(interval.low, spec)}, {format(interval.high, spec)}]"
    return text


def format_p(p: float | None) -> str:
    if p is None:
        return "–"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def _metric_rows(metrics: dict[str, PairedEstimate], keys: list[str]) -> list[str]:
    rows = ["| metric | A | B | B − A | p |", "|---|---|---|---|---|"]
    for key in keys:
        m = metrics[key]
        rows.append(
            f"| {metric_name(key)} | {format_interval(m.a)} | {format_interval(m.b)} "
            f"| {format_interval(m.diff, signed=True)} | {format_p(m.p_value)} |"
        )
    return rows


def _slice_rows(slices: list[SliceComparison]) -> list[str]:
    rows = ["| slice | posts | labels | metric | A | B | B − A | p | fixed / broken |"]
    rows.append("|---|---|---|---|---|---|---|---|---|")
    for s in slices:
        counts = ", ".join(f"{k} {v}" for k, v in s.label_counts.items())
        moved = f"{s.mcnemar.only_b} / {s.mcnemar.only_a}" if s.mcnemar else "–"
        head = f"| **{s.name}** ({s.description}) | {s.n} | {counts} "
        if not s.metrics:
            rows.append(head + "| – | – | – | – | – | – |")
        for key, m in s.metrics.items():
            rows.append(
                f"{head}| {metric_name(key)} | {format_interval(m.a)} | {format_interval(m.b)} "
                f"| {format_interval(m.diff, signed=True)} | {format_p(m.p_value)} | {moved} |"
            )
            head, moved = "| | | ", ""
    return rows


def _cell(text: str) -> str:
    flat = " ".join(text.split()).replace("|", "\\|")
    return flat if len(flat) <= _TEXT_CHARS else flat[: _TEXT_CHARS - 1] + "…"


def _example_rows(examples: list[ChangedPrediction]) -> list[str]:
    if not examples:
        return ["(none)"]
    rows = ["| row | gold | A | B | text |", "|---|---|---|---|---|"]
    for e in examples:
        rows.append(
            f"| {e.index} | {e.gold} | {e.a_label} ({e.a_scores[e.a_label]:.2f}) "
            f"| {e.b_label} ({e.b_scores[e.b_label]:.2f}) | {_cell(e.text)} |"
        )
    return rows


def _confusion_rows(result: ComparisonResult) -> list[str]:
    rows = ["| true \\ predicted | " + " | ".join(result.labels) + " |"]
    rows.append("|---" * (len(result.labels) + 1) + "|")
    for i, label in enumerate(result.labels):
        cells = [
            f"{result.confusion['a'][i][j]} → {result.confusion['b'][i][j]}"
            for j in range(len(result.labels))
        ]
        rows.append(f"| **{label}** | " + " | ".join(cells) + " |")
    return rows


def _thresholds(result: ComparisonResult, side: str) -> str:
    chosen = result.thresholds[side]
    return ", ".join(f"{k} ≥ {v:.2f}" for k, v in chosen.items()) or "arg-max"


def markdown(result: ComparisonResult, plots: list[str]) -> str:
    """The human-readable report."""
    r, t = result, result.mcnemar
    others = [k for k in r.metrics if k not in r.headline]
    lines = [
        f"# {r.b} (B) vs {r.a} (A) on {r.dataset}",
        "",
        f"Task `{r.task}`, {r.n} posts. Labels decided at each version's own thresholds: "
        f"A {_thresholds(r, 'a')}; B {_thresholds(r, 'b')}.",
        f"Intervals: {r.level:.0%} percentile bootstrap, {r.resamples} paired resamples "
        f"(seed {r.seed}); p: two-sided paired bootstrap test of B − A = 0 (resamples with "
        f"no difference count on both sides; the smallest possible p is "
        f"{2 / (r.resamples + 1):.3f}).",
        "",
        "## Metrics",
        "",
        *_metric_rows(r.metrics, r.headline + others),
        "",
        "## Label decisions",
        "",
        f"Both right {t.both}, both wrong {t.neither}, only A right {t.only_a}, "
        f"only B right {t.only_b}: exact McNemar p = {format_p(t.p_value)}.",
        "",
        "Confusion counts, A → B:",
        "",
        *_confusion_rows(r),
        "",
        "## Slices",
        "",
        *_slice_rows(r.slices),
        "",
        "## Changed predictions",
        "",
        f"{r.changed} posts changed label: {t.only_b} fixed, {t.only_a} broken, "
        f"{r.changed - t.only_a - t.only_b} changed from one wrong label to another. "
        "Biggest swing of the gold label's probability first; row = position in the dataset.",
        "",
        f"### Fixed (B right, A wrong): {len(r.fixed)} of {t.only_b}",
        "",
        *_example_rows(r.fixed),
        "",
        f"### Broken (A right, B wrong): {len(r.broken)} of {t.only_a}",
        "",
        *_example_rows(r.broken),
        "",
        *(f"![{p}]({p})" for p in plots),
    ]
    return "\n".join(lines) + "\n"


def write_comparison(result: ComparisonResult, directory: Path) -> list[Path]:
    """Write ``comparison.json``, ``report.md`` and the plots; return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    plots = write_plots(result, directory)
    data = json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
    (directory / "comparison.json").write_text(data + "\n", "utf-8")
    report = markdown(result, [p.name for p in plots])
    (directory / "report.md").write_text(report, "utf-8")
    return [directory / "comparison.json", directory / "report.md", *plots]
