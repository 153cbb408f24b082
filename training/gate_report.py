"""Write a ``GateResult`` into the candidate's version: ``reports/gate_<against>.{json,md}``.

Both files are written atomically and group-readable like the rest of a version, since the
service's user may read them (``models._files``). They hold metrics only, no posts.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

from models._files import atomic_write, make_dirs
from training.compare_report import format_interval, format_p, format_value, metric_name

if TYPE_CHECKING:
    from training.gate import GatedMetric, GateResult


def verdict(metric: GatedMetric) -> str:
    return "pass" if metric.passed else "FAIL"


def failing_lines(result: GateResult) -> list[str]:
    """One line per failing metric: both values and the difference with its interval."""
    return [
        f"{m.evaluation} {metric_name(m.metric)}: active {format_value(m.active.value)}, "
        f"candidate {format_value(m.candidate.value)}, difference "
        f"{format_interval(m.diff, signed=True)} (tolerance {m.tolerance:g})"
        + (" — undefined on this data" if math.isnan(m.diff.value) else "")
        for m in result.failing
    ]


def markdown(result: GateResult) -> str:
    outcome = "PASSED" if result.passed else "REFUSED"
    lines = [f"# Promotion gate: {result.candidate} vs {result.against or 'no active version'}"]
    lines += [
        "",
        f"- task: {result.task}",
        f"- at: {result.at}",
        f"- result: **{outcome}**",
    ]
    if result.against is None:
        lines += ["", "No version of this task is active: the first activation passes."]
        return "\n".join(lines) + "\n"
    level = f"{result.level:.0%}"
    sets = ", ".join(f"{e['name']} ({e['n']} posts)" for e in result.evaluations)
    lines += [
        f"- evaluation sets: {sets}",
        f"- paired bootstrap: {result.resamples} resamples, seed {result.seed}, {level} intervals",
        "- a metric fails when candidate − active < −tolerance, or when it is undefined",
        "",
        f"| data | metric | active | candidate | candidate − active [{level}] | p "
        "| tolerance | result |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for m in result.metrics:
        lines.append(
            f"| {m.evaluation} | {metric_name(m.metric)} | {format_interval(m.active)} "
            f"| {format_interval(m.candidate)} | {format_interval(m.diff, signed=True)} "
            f"| {format_p(m.p_value)} | {m.tolerance:g} | {verdict(m)} |"
        )
    if result.failing:
        lines += ["", "## Failing", "", *(f"- {line}" for line in failing_lines(result))]
    return "\n".join(lines) + "\n"


def write_gate_report(version_dir: Path, result: GateResult) -> list[Path]:
    """Write ``<version_dir>/reports/<result.name>.{json,md}``; return both paths."""
    directory = version_dir / "reports"
    make_dirs(directory)
    paths = [directory / f"{result.name}.json", directory / f"{result.name}.md"]
    atomic_write(paths[0], json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    atomic_write(paths[1], markdown(result))
    return paths
