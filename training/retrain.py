"""``vimod retrain``: a recipe's datasets plus moderators' feedback → a new registered version.

The caller (``cli/retrain_cmd.py``) reads feedback from the store and passes plain
``LabelRecord``s; nothing here touches the database. Steps, in order:

1. **quality**: ``training.label_quality.assess`` per subject; the labels of a flagged
   subject stay out unless an admin approved them (up to the approval time).
2. **conflicts, trust, holdout, merge** (``training.feedback_plan``): one vote per subject
   and text, majority of distinct subjects, ties to a trusted subject's or the most recent
   label; trusted texts in the hash-chosen holdout share never reach training, nor do
   feedback texts of the dev or benchmark splits; the rest replace dataset rows.
3. train with ``training.train.run_training`` (the recipe's kind, config and dev split).
4. score the benchmark with ``training.evaluate.evaluate_version`` and the holdout (the
   candidate and the active version), and record every count in the manifest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from models.history import HISTORY, read_history
from models.registry import Manifest, Registry
from models.tasks import get_task
from training.datasets import DataContext, Example, load_dataset
from training.evaluate import decide, evaluate_version, score_examples
from training.feedback_plan import merge, plan_feedback
from training.label_quality import (
    LabelRecord,
    SubjectInfo,
    SubjectQuality,
    assess,
    excluded_records,
    text_key,
)
from training.progress import make_progress, predict_batched
from training.recipe import Recipe
from training.train import TrainJob, run_training

HOLDOUT_KEY = "feedback-holdout"
_SUMMARY = ("n", "macro_f1", "accuracy", "roc_auc", "pr_auc")


@dataclass
class RetrainResult:
    manifest: Manifest
    facts: dict[str, Any]
    quality: dict[str, SubjectQuality]
    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)
    holdout: list[Example] = field(default_factory=list)  # for the promotion gate


def _load_all(
    specs: Sequence[str], context: DataContext, *, show: bool
) -> dict[str, list[Example]]:
    out = {}
    with make_progress(disable=not show) as progress:
        bar = progress.add_task("loading data", total=len(specs))
        for spec in specs:
            out[spec] = load_dataset(spec, context)
            progress.advance(bar)
    return out


def serving_version(history: Sequence[dict[str, Any]], at: datetime) -> str | None:
    """The version a task's activation history says was serving at time ``at``."""
    serving = history[0].get("previous") if history else None
    for entry in history:
        if datetime.fromisoformat(entry["at"]) > at:
            break
        serving = entry["version"]
    return serving if isinstance(serving, str) else None


def model_labels(
    registry: Registry, task: str, records: Sequence[LabelRecord], *, show: bool
) -> tuple[list[str | None], dict[str, int]]:
    """What the model said of each record's text when the label was written.

    The stored ``predicted_label`` when there is one; else the text re-scored by the version
    that the registry's activation history says was serving at ``created_at`` (or, when
    that one is gone, the active version). A version that has since trained on the label
    would agree with it and hide a bad labeller, hence not simply the active version.

    Returns:
        One label (or ``None``: no model) per record, and how many each version re-scored.
    """
    labels: list[str | None] = [r.predicted_label for r in records]
    history = read_history(registry.root / get_task(task).name / HISTORY)
    active = registry.active_version(task)
    known = {m.version for m in registry.versions(task)}
    wanted: dict[str, list[int]] = defaultdict(list)
    for i, rec in enumerate(records):
        if labels[i] is None:
            version = serving_version(history, rec.created_at)
            version = version if version in known else active
            if version is not None:
                wanted[version].append(i)
    for version, rows in wanted.items():
        model, manifest = registry.load(version)
        texts = sorted({records[i].text for i in rows})
        proba = predict_batched(model, texts, description=f"re-scoring with {version}", show=show)
        decided = decide(model.task, proba, manifest.thresholds)
        scored = {t: model.task.labels[int(k)] for t, k in zip(texts, decided, strict=True)}
        for i in rows:
            labels[i] = scored[records[i].text]
    return labels, {v: len(rows) for v, rows in wanted.items()}


def retrain(
    recipe: Recipe,
    records: Sequence[LabelRecord],
    subjects: Sequence[SubjectInfo],
    registry: Registry,
    data_dir: Path,
    *,
    show: bool = True,
) -> RetrainResult:
    """Train and register a candidate from ``recipe`` and the task's feedback ``records``.

    Returns:
        The new version's manifest, the feedback facts, per-subject quality and the
        benchmark and holdout metrics (also written into the manifest).
    """
    task = get_task(recipe.task)
    context = DataContext(task, data_dir)
    records = list(records) if recipe.feedback.include else []
    evaluation = [*([recipe.dev] if recipe.dev else []), *recipe.benchmark]
    data = _load_all([*dict.fromkeys([*recipe.datasets, *evaluation])], context, show=show)
    active = registry.active_version(task.name)
    predicted, rescored = model_labels(registry, task.name, records, show=show)
    quality = assess(records, predicted, subjects, recipe.quality)
    excluded = excluded_records(records, quality, subjects)
    if not recipe.feedback.leave_out_flagged:
        excluded = [False] * len(records)
    eval_keys = {text_key(e.text) for spec in evaluation for e in data[spec]}
    plan = plan_feedback(records, excluded, subjects, recipe.feedback, eval_keys)
    base = [e for spec in recipe.datasets for e in data[spec]]
    train, merged = merge(base, plan)
    facts = {
        **plan.facts,
        **merged,
        "active_version": active,
        "rescored_by": rescored,
        "examples": len(train),
    }
    job = TrainJob(
        task=task,
        train=train,
        dev=data[recipe.dev] if recipe.dev else None,
        config=dict(recipe.config),
        show_progress=show,
    )
    specs = [*recipe.datasets, *(["feedback"] if recipe.feedback.include else [])]
    manifest = run_training(recipe.model, job, registry, datasets=specs)
    result = RetrainResult(manifest, facts, quality)
    for spec in recipe.benchmark:
        metrics, _ = evaluate_version(registry, manifest.version, spec, context, show=show)
        result.metrics[spec] = metrics
    result.holdout = list(plan.holdout)
    if plan.holdout:
        result.metrics[HOLDOUT_KEY] = _score(registry, manifest.version, plan.holdout, show)
        registry.update_metrics(manifest.version, HOLDOUT_KEY, result.metrics[HOLDOUT_KEY])
        if active is not None:
            facts["holdout_active"] = _score(registry, active, plan.holdout, show)
    result.manifest = _record(registry, manifest.version, recipe, facts, quality)
    return result


def _score(registry: Registry, version: str, examples: list[Example], show: bool) -> dict[str, Any]:
    model, manifest = registry.load(version)
    metrics, _, _ = score_examples(model, examples, manifest.thresholds, show=show)
    return {k: metrics[k] for k in _SUMMARY if k in metrics}


def _record(
    registry: Registry,
    version: str,
    recipe: Recipe,
    facts: dict[str, Any],
    quality: dict[str, SubjectQuality],
) -> Manifest:
    """Write the recipe, the feedback facts and the quality table into the manifest."""
    manifest = registry.manifest(version)
    manifest.training["recipe"] = recipe.model_dump(mode="json")
    manifest.training["feedback"] = facts
    manifest.training["label_quality"] = [q.as_dict() for q in quality.values()]
    manifest.write(registry.path(version))
    return manifest
