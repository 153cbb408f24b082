"""``MODEL_CARD.md`` of a version: what it was trained on, how it scored, what it is for.

Every measured fact comes from the version itself: its manifest (data, fingerprints,
thresholds, evaluation summaries, the latest gate, and ``libraries`` / ``commit`` when the
manifest records them), its gate report (metrics with paired intervals) and the latest
``vimod models compare`` report that names it (slices). The prose (intended use, limits)
is data: ``training/model_card.toml``. The card is written at training time and refreshed
after ``vimod evaluate`` and the promotion gate; ``vimod models card`` prints or rewrites it.
It quotes no posts.
"""

from __future__ import annotations

import json
import logging
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from models._files import atomic_write
from models.registry import Manifest, Registry
from models.tasks import get_registry_task
from training.compare_report import format_value, metric_name

log = logging.getLogger(__name__)

CARD = "MODEL_CARD.md"
TEMPLATE = "model_card.toml"
_EVAL_KEYS = ("n", "macro_f1", "accuracy", "roc_auc", "pr_auc", "ece")


@dataclass(frozen=True)
class CardProse:
    """One row of the template: what a task's models are for and where they fall short."""

    intended_use: str = ""
    not_for: str = ""
    limits: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, name: str, data: dict[str, Any]) -> CardProse:
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(
                f"{TEMPLATE}: [{name}] has unknown key(s) {', '.join(sorted(unknown))}"
            )
        return cls(
            str(data.get("intended_use", "")),
            str(data.get("not_for", "")),
            tuple(str(x) for x in data.get("limits", [])),
        )


def card_prose(task: str) -> tuple[CardProse, CardProse]:
    """(the task's row, the common row) of ``training/model_card.toml``."""
    text = resources.files("training").joinpath(TEMPLATE).read_text("utf-8")
    rows = tomllib.loads(text)
    return (
        CardProse.from_dict(task, rows.get(task, {})),
        CardProse.from_dict("common", rows.get("common", {})),
    )


def build_card(registry: Registry, version: str) -> str:
    """The card of ``version`` as Markdown."""
    manifest = registry.manifest(version)
    data = registry.manifest_data(version)
    directory = registry.path(version)
    prose, common = card_prose(manifest.task)
    lines = [f"# Model card: {manifest.task} {version}", ""]
    lines += [
        f"- kind: {manifest.kind}; labels: {', '.join(manifest.labels)}",
        f"- created: {manifest.created_at or 'unknown'}; code version {manifest.code_version}",
        *_provenance(data),
        "",
        "## Intended use",
        "",
        prose.intended_use or "(not described)",
        "",
    ]
    if prose.not_for:
        lines += [f"Not for: {prose.not_for}", ""]
    lines += _training(manifest)
    lines += _thresholds(manifest)
    lines += _evaluations(manifest)
    lines += _gate(directory, data.get("gate"))
    lines += _slices(registry, version)
    lines += ["## Limits", "", *(f"- {x}" for x in (*prose.limits, *common.limits)), ""]
    return "\n".join(lines)


def write_card(registry: Registry, version: str) -> Path:
    """Write ``<version>/MODEL_CARD.md`` (atomically, group-readable); return its path."""
    path = registry.path(version) / CARD
    atomic_write(path, build_card(registry, version))
    return path


def refresh_card(registry: Registry, version: str) -> Path | None:
    """``write_card`` for hooks (training, evaluate, gate): a card that cannot be written is
    logged, never a reason to fail the job that produced the facts."""
    try:
        return write_card(registry, version)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("could not write the model card of %s: %s", version, exc)
        return None


def _provenance(data: dict[str, Any]) -> list[str]:
    out = []
    commit = data.get("commit") or data.get("git_commit")
    if commit:
        out.append(f"- git commit: {commit}")
    libraries = data.get("libraries")
    if isinstance(libraries, dict) and libraries:
        out.append("- libraries: " + ", ".join(f"{k} {v}" for k, v in sorted(libraries.items())))
    return out


def _training(manifest: Manifest) -> list[str]:
    t = manifest.training
    lines = ["## Training data", ""]
    datasets = t.get("datasets") or []
    lines.append(f"- sources: {', '.join(datasets) if datasets else 'not recorded'}")
    if "examples" in t:
        counts = ", ".join(f"{k} {v}" for k, v in (t.get("label_counts") or {}).items())
        lines.append(f"- examples: {t['examples']}" + (f" ({counts})" if counts else ""))
    lines.append(f"- fingerprint (sha256 of text and label pairs): {manifest.data_fingerprint}")
    for name, value in (t.get("fingerprints") or {}).items():
        lines.append(f"  - {name}: {value}")
    if t.get("dev_examples"):
        lines.append(f"- dev examples (thresholds, early stopping): {t['dev_examples']}")
    if manifest.config:
        config = ", ".join(f"{k}={json.dumps(v)}" for k, v in sorted(manifest.config.items()))
        lines.append(f"- configuration: {config}")
    return [*lines, ""]


def _thresholds(manifest: Manifest) -> list[str]:
    task = get_registry_task(manifest.task)
    served = {**task.default_thresholds, **manifest.thresholds}
    chosen = ", ".join(f"{k} ≥ {v:.2f}" for k, v in manifest.thresholds.items())
    lines = ["## Thresholds", ""]
    lines.append(f"- chosen on dev data: {chosen}" if chosen else "- none chosen on dev data")
    lines.append("- served (task defaults, then chosen): " + _pairs(served))
    return [*lines, ""]


def _pairs(values: dict[str, float]) -> str:
    return ", ".join(f"{k} ≥ {v:.2f}" for k, v in values.items()) or "arg-max"


def _evaluations(manifest: Manifest) -> list[str]:
    rows = {k: v for k, v in manifest.metrics.items() if isinstance(v, dict)}
    lines = ["## Evaluations", ""]
    if not rows:
        return [*lines, "No evaluation recorded yet (`vimod evaluate VERSION --data SPEC`).", ""]
    lines += [
        "Point estimates as recorded by `vimod evaluate` (intervals: see the gate below).",
        "",
        "| data | posts | macro-F1 | accuracy | ROC-AUC | PR-AUC | ECE |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, m in rows.items():
        cells = [str(m.get("n", "–"))] + [_num(m.get(k)) for k in _EVAL_KEYS[1:]]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _num(value: Any) -> str:
    return format_value(float(value)) if isinstance(value, int | float) else "–"


def _gate(directory: Path, summary: Any) -> list[str]:
    lines = ["## Promotion gate", ""]
    if not isinstance(summary, dict):
        return [*lines, "Not gated yet (`vimod models promote VERSION --data SPEC`).", ""]
    outcome = "passed" if summary.get("passed") else "REFUSED"
    against = summary.get("against") or "no active version (first activation)"
    lines.append(f"Latest gate, {summary.get('at', '')}: **{outcome}** against {against}.")
    sets = summary.get("evaluations") or []
    if sets:
        parts = [
            f"{e.get('name')} ({e.get('n')} posts"
            + (f", {e['fingerprint']}" if e.get("fingerprint") else "")
            + ")"
            for e in sets
        ]
        lines += ["", "Evaluation sets: " + "; ".join(parts) + "."]
    report = _read_json(directory / str(summary.get("report", "")).replace(".md", ".json"))
    metrics = (report or {}).get("metrics") or []
    if metrics:
        level = f"{(report or {}).get('level', 0.95):.0%}"
        lines += [
            "",
            f"| data | metric | this version [{level}] | active [{level}] "
            f"| difference [{level}] | result |",
            "|---|---|---|---|---|---|",
        ]
        for m in metrics:
            lines.append(
                f"| {m['evaluation']} | {metric_name(m['metric'])} | {_ci(m['candidate'])} "
                f"| {_ci(m['active'])} | {_ci(m['diff'], signed=True)} "
                f"| {'pass' if m.get('passed') else 'FAIL'} |"
            )
    return [*lines, ""]


def _ci(interval: dict[str, Any], *, signed: bool = False) -> str:
    spec = "+.3f" if signed else ".3f"
    value, low, high = interval.get("value"), interval.get("low"), interval.get("high")
    if value is None:
        return "n/a"
    text = format(value, spec)
    if low is not None and high is not None:
        text += f" [{format(low, spec)}, {format(high, spec)}]"
    return text


def _slices(registry: Registry, version: str) -> list[str]:
    """Slices of the newest ``vimod models compare`` report in the registry naming ``version``."""
    found = []
    for path in (registry.root / "compare").glob("*/comparison.json"):
        if version in path.parent.name.split("__")[:2]:
            found.append(path)
    data = _read_json(max(found, key=lambda p: p.stat().st_mtime)) if found else None
    if not data or not data.get("slices"):
        return []
    side, other = ("a", data["b"]) if data["a"] == version else ("b", data["a"])
    sign = -1.0 if side == "a" else 1.0
    lines = [
        "## Slices",
        "",
        f"From `vimod models compare` against {other} on {' + '.join(data['datasets'])}.",
        "",
        "| slice | posts | metric | this version | other | this − other |",
        "|---|---|---|---|---|---|",
    ]
    for s in data["slices"]:
        for key, m in (s.get("metrics") or {}).items():
            diff = {k: (None if v is None else sign * v) for k, v in m["diff"].items()}
            if sign < 0:
                diff["low"], diff["high"] = diff.get("high"), diff.get("low")
            lines.append(
                f"| {s['name']} | {s['n']} | {metric_name(key)} | {_ci(m[side])} "
                f"| {_ci(m['b' if side == 'a' else 'a'])} | {_ci(diff, signed=True)} |"
            )
    return [*lines, ""]


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
