"""The promotion gate: a candidate replaces the active version only if no gated metric drops.

The gated metrics of each task are data (``training/gate_metrics.toml``). Both versions
score every evaluation set (each at its own thresholds), and each gated metric's difference
candidate − active gets a paired bootstrap interval from the same machinery as
``vimod models compare`` (``training.compare.statistic`` over
``training.bootstrap_ci.paired_bootstrap``). A metric fails when the candidate is lower by
more than its tolerance, or when it is undefined on the data (e.g. ROC-AUC on a set with
one label): a gate that cannot judge does not pass. With no active version the gate passes.

``gate`` writes ``reports/gate_<against>.{json,md}`` into the candidate's version directory,
records a summary in its manifest (``Registry.record_gate``) and refreshes its model card;
``promote`` then activates it when it passed.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import numpy as np

from models.errors import InputError
from models.registry import Registry
from models.tasks import Task, get_registry_task, is_span_task
from training.bootstrap_ci import Interval, paired_bootstrap
from training.compare import DEFAULT_RESAMPLES, DEFAULT_SEED, statistic
from training.compare_result import _finite
from training.datasets import DataContext, Example, load_dataset
from training.evaluate import decide, label_indices
from training.progress import predict_batched
from training.train import fingerprint as data_fingerprint

DEFAULT_TOLERANCE = 0.005
TABLE = "gate_metrics.toml"
FIRST = "first"  # report name when there is no active version to compare with
SPAN_GATE_TASK = "spans"  # the gate table row of span tasks

Evaluation = tuple[str, Sequence[Example]]  # (name, e.g. "vihsd:test"; its posts)
Scored = tuple[np.ndarray, np.ndarray]  # (probabilities, decided label indices)


@dataclass(frozen=True)
class GateRow:
    """One task's row of the gate table."""

    metrics: tuple[str, ...]
    note: str = ""

    @classmethod
    def from_dict(cls, task: str, data: Any) -> GateRow:
        if not isinstance(data, dict):
            raise InputError(f"{TABLE}: [{task}] must be a table")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise InputError(f"{TABLE}: [{task}] has unknown key(s) {', '.join(sorted(unknown))}")
        metrics = data.get("metrics")
        if not metrics or not all(isinstance(m, str) and m for m in metrics):
            raise InputError(f"{TABLE}: [{task}] metrics must be a non-empty list of names")
        return cls(tuple(metrics), str(data.get("note", "")))


def gate_table() -> dict[str, GateRow]:
    """Task name → its gated metrics, from ``training/gate_metrics.toml``."""
    text = resources.files("training").joinpath(TABLE).read_text("utf-8")
    return {task: GateRow.from_dict(task, row) for task, row in tomllib.loads(text).items()}


def gated_metrics(task: str) -> tuple[str, ...]:
    row = gate_table().get(task)
    if row is None:
        raise InputError(f"{TABLE} has no row for task {task!r}")
    return row.metrics


def benchmark_specs(task: str, recipes: Traversable | None = None) -> list[str]:
    """The ``benchmark`` list of ``<recipes>/<task>.toml``; empty when there is none.

    Only that key is read (the recipe's other keys belong to training). ``recipes``
    defaults to ``training/recipes``.
    """
    base = recipes if recipes is not None else resources.files("training").joinpath("recipes")
    recipe = base.joinpath(f"{task}.toml")
    if not recipe.is_file():
        return []
    try:
        specs = tomllib.loads(recipe.read_text("utf-8")).get("benchmark", [])
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"recipes/{task}.toml: {exc}") from None
    if not isinstance(specs, list) or not all(isinstance(s, str) and s for s in specs):
        raise InputError(f"recipes/{task}.toml: benchmark must be a list of dataset specs")
    return list(specs)


def load_evaluations(specs: Sequence[str], context: DataContext) -> list[Evaluation]:
    """Each spec as its own evaluation set (not pooled: every set must hold on its own)."""
    scoring = replace(context, evaluation=True)  # evaluation-only sets may gate
    return [(spec, load_dataset(spec, scoring)) for spec in specs]


@dataclass(frozen=True)
class GatedMetric:
    """One gated metric on one evaluation set: both values and the paired difference."""

    evaluation: str
    metric: str
    active: Interval
    candidate: Interval
    diff: Interval  # candidate − active, with its paired bootstrap interval
    tolerance: float
    p_value: float | None = None

    @property
    def passed(self) -> bool:
        return not math.isnan(self.diff.value) and self.diff.value >= -self.tolerance


@dataclass
class GateResult:
    """Whether ``candidate`` may replace ``against``, metric by metric."""

    task: str
    candidate: str
    against: str | None
    at: str
    evaluations: list[dict[str, Any]] = field(default_factory=list)  # name, n, fingerprint
    metrics: list[GatedMetric] = field(default_factory=list)
    resamples: int = DEFAULT_RESAMPLES
    seed: int = DEFAULT_SEED
    level: float = 0.95

    @property
    def passed(self) -> bool:
        return all(m.passed for m in self.metrics)

    @property
    def failing(self) -> list[GatedMetric]:
        return [m for m in self.metrics if not m.passed]

    @property
    def name(self) -> str:
        """``gate_<against>``: the report's file stem in the candidate's directory."""
        return f"gate_{self.against or FIRST}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, NaN as ``None``."""
        data = asdict(self)
        data["passed"] = self.passed
        for row, metric in zip(data["metrics"], self.metrics, strict=True):
            row["passed"] = metric.passed
        return _finite(data)

    def summary(self) -> dict[str, Any]:
        """What the manifest keeps: the outcome and each failing metric with both values."""
        return _finite(
            {
                "against": self.against,
                "passed": self.passed,
                "at": self.at,
                "evaluations": self.evaluations,
                "failing": [
                    {
                        "evaluation": m.evaluation,
                        "metric": m.metric,
                        "active": m.active.value,
                        "candidate": m.candidate.value,
                        "diff": m.diff.value,
                        "low": m.diff.low,
                        "high": m.diff.high,
                        "tolerance": m.tolerance,
                    }
                    for m in self.failing
                ],
                "report": f"reports/{self.name}.md",
            }
        )


def gate(
    registry: Registry,
    candidate: str,
    *,
    evaluations: Sequence[Evaluation],
    against: str | None = None,
    tolerance: float | Mapping[str, float] = DEFAULT_TOLERANCE,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    level: float = 0.95,
    show: bool = False,
) -> GateResult:
    """Compare ``candidate`` with ``against`` on every gated metric of every evaluation set.

    Args:
        registry: where both versions live.
        candidate: the version asking to serve.
        evaluations: ``(name, examples)`` pairs, e.g. the recipe's benchmark splits and a
            feedback holdout; each is judged on its own.
        against: the version to beat; default the task's active version (none: pass).
        tolerance: how far a metric may drop; a mapping gives it per metric name (others
            keep ``DEFAULT_TOLERANCE``).
        resamples: bootstrap resamples of each interval.
        seed: seed of the resampling.
        level: interval coverage.
        show: draw progress bars while scoring.

    Returns:
        The result, also written as ``reports/gate_<against>.{json,md}`` into the
        candidate's directory and summarised in its manifest under ``"gate"``.

    Raises:
        InputError: no evaluation set while there is a version to beat, a task mismatch,
            or a gated metric this code does not compute.
    """
    from training.gate_report import write_gate_report
    from training.model_card import refresh_card

    manifest = registry.manifest(candidate)
    task = get_registry_task(manifest.task)
    against = against if against is not None else registry.active_version(task.name)
    result = GateResult(
        task=task.name,
        candidate=candidate,
        against=against,
        at=datetime.now(UTC).isoformat(timespec="seconds"),
        resamples=resamples,
        seed=seed,
        level=level,
    )
    if against is not None:
        if registry.manifest(against).task != task.name:
            raise InputError(f"{against} is not a {task.name} model")
        if not evaluations:
            raise InputError(
                f"the gate needs evaluation data to compare {candidate} with {against}"
            )
        tolerances = _tolerances(tolerance, gated_metrics(task.name))
        if is_span_task(task.name):
            result.metrics += _judge_spans(
                registry,
                (against, candidate),
                evaluations,
                tolerances,
                result,
                resamples=resamples,
                seed=seed,
                level=level,
            )
            evaluations = []  # judged above
        models = {v: registry.load(v) for v in {candidate, against}} if evaluations else {}
        for name, examples in evaluations:
            fingerprint = data_fingerprint(examples)
            result.evaluations.append(
                {"name": name, "n": len(examples), "fingerprint": fingerprint}
            )
            scored = {v: _scored(task, m, examples, show) for v, m in models.items()}
            result.metrics += _judge(
                task,
                name,
                label_indices(task, examples),
                (scored[against], scored[candidate]),
                tolerances,
                resamples=resamples,
                seed=seed,
                level=level,
            )
    write_gate_report(registry.path(candidate), result)
    registry.record_gate(candidate, result.summary())
    refresh_card(registry, candidate)
    return result


def promote(
    registry: Registry,
    candidate: str,
    *,
    evaluations: Sequence[Evaluation],
    by: str | None = None,
    reason: str | None = None,
    **options: Any,
) -> GateResult:
    """Run the gate and activate ``candidate`` when it passes; ``options`` go to ``gate``.

    ``reason`` is the note the changelog keeps with the activation.

    The activation re-checks the recorded gate against the then active version, so a
    version activated by someone else meanwhile makes it refuse rather than skip the gate.
    """
    result = gate(registry, candidate, evaluations=evaluations, **options)
    if result.passed:
        registry.activate(candidate, require_gate=True, by=by, reason=reason)
    return result


def _tolerances(tolerance: float | Mapping[str, float], gated: Sequence[str]) -> dict[str, float]:
    """Metric → tolerance (``"*"``: every other metric); a name not gated is refused."""
    values = {"*": tolerance} if isinstance(tolerance, int | float) else dict(tolerance)
    unknown = set(values) - {"*", *gated}
    if unknown:
        raise InputError(
            f"tolerance for {', '.join(sorted(unknown))}: not gated; gated: {', '.join(gated)}"
        )
    for key, value in values.items():
        if not isinstance(value, int | float) or not 0 <= value < 1:
            raise InputError(f"tolerance of {key!r} must be in [0, 1), got {value!r}")
    return {k: float(v) for k, v in values.items()}


def _scored(task: Task, loaded: tuple[Any, Any], examples: Sequence[Example], show: bool) -> Scored:
    """(probabilities, label decisions at the version's own thresholds)."""
    model, manifest = loaded
    texts = [e.text for e in examples]
    metadata = [e.metadata for e in examples]
    description = f"scoring {manifest.version}"
    proba = predict_batched(model, texts, metadata, description=description, show=show)
    return proba, decide(task, proba, manifest.thresholds)


def _judge(
    task: Task,
    name: str,
    y: np.ndarray,
    pair: tuple[Scored, Scored],
    tolerances: dict[str, float],
    *,
    resamples: int,
    seed: int,
    level: float,
) -> list[GatedMetric]:
    """The gated metrics of (active, candidate) on one set, paired over the same resamples."""
    stat_a, stat_b = (statistic(task, y, *scored) for scored in pair)
    estimates = paired_bootstrap(
        len(y), stat_a, stat_b, resamples=resamples, seed=seed, level=level
    )
    out = []
    for key in gated_metrics(task.name):
        if key not in estimates:
            raise InputError(f"gated metric {key!r} is not computed for task {task.name!r}")
        m = estimates[key]
        tol = tolerances.get(key, tolerances.get("*", DEFAULT_TOLERANCE))
        out.append(GatedMetric(name, key, m.a, m.b, m.diff, tol, m.p_value))
    return out


def _judge_spans(
    registry: Registry,
    pair: tuple[str, str],
    evaluations: Sequence[Evaluation],
    tolerances: dict[str, float],
    result: GateResult,
    *,
    resamples: int,
    seed: int,
    level: float,
) -> list[GatedMetric]:
    """Span versions: ``span_f1`` is the mean per-post character F1 (SemEval-2021), paired.

    Each post's F1 is computed once per version; a bootstrap weighting of the posts then
    only re-averages them, so the intervals cost little.
    """
    from training.span_metrics import post_char_f1
    from training.span_train import span_fingerprint

    taggers = {v: registry.load_spans(v)[0] for v in set(pair)}
    out: list[GatedMetric] = []
    for name, examples in evaluations:
        result.evaluations.append(
            {"name": name, "n": len(examples), "fingerprint": span_fingerprint(examples)}
        )
        texts = [e.text for e in examples]
        per_post = {}
        for version, tagger in taggers.items():
            predicted = tagger.predict_spans(texts)
            per_post[version] = np.array(
                [
                    post_char_f1([(s.start, s.end) for s in spans], e.spans or ())
                    for spans, e in zip(predicted, examples, strict=True)
                ]
            )

        def _stat(scores: np.ndarray) -> Any:
            return lambda w: {"span_f1": (w @ scores) / w.sum(axis=1)}

        estimates = paired_bootstrap(
            len(examples),
            _stat(per_post[pair[0]]),
            _stat(per_post[pair[1]]),
            resamples=resamples,
            seed=seed,
            level=level,
        )
        for key in gated_metrics(SPAN_GATE_TASK):
            if key not in estimates:
                raise InputError(f"gated metric {key!r} is not computed for span tasks")
            m = estimates[key]
            tol = tolerances.get(key, tolerances.get("*", DEFAULT_TOLERANCE))
            out.append(GatedMetric(name, key, m.a, m.b, m.diff, tol, m.p_value))
    return out
