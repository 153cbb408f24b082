"""``vimod models compare``: two versions scored on the same posts, with paired intervals.

``compare_versions`` builds the one ``ComparisonResult`` that the CLI prints and writes
(``training/compare_report.py``) and that an API or a promotion gate can use as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from models.errors import InputError
from models.registry import Registry
from models.tasks import Task, get_task
from training.bootstrap_ci import McNemar, Statistic, paired_bootstrap, paired_point
from training.compare_result import (
    MIN_INTERVAL_N,
    ChangedPrediction,
    ComparisonResult,
    SliceComparison,
)
from training.datasets import DataContext, Example, load_dataset
from training.evaluate import decide, label_indices, spec_slug
from training.progress import predict_batched
from training.slices import TEENCODE_SHARE, Slice, standard_slices
from training.weighted_metrics import Ranking, confusion_counts, decision_metrics

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 42


def headline_metrics(task: Task) -> list[str]:
    """The metrics a trainer reads first, in order."""
    if len(task.labels) == 2:
        p = task.labels[1]
        return [
            "roc_auc",
            "pr_auc",
            f"f1:{p}",
            f"precision:{p}",
            f"recall:{p}",
            "macro_f1",
            "accuracy",
        ]
    return [
        "macro_f1",
        "accuracy",
        *(f"f1:{label}" for label in task.labels),
        *(f"roc_auc:{label}" for label in task.flag_labels),
    ]


def slice_metrics(task: Task) -> list[str]:
    if len(task.labels) == 2:
        return ["roc_auc", f"f1:{task.labels[1]}", "macro_f1"]
    return ["macro_f1", "accuracy", *(f"f1:{label}" for label in task.flag_labels)]


def statistic(task: Task, y_true: np.ndarray, proba: np.ndarray, y_pred: np.ndarray) -> Statistic:
    """The metrics of one version's scores as a function of bootstrap weights."""
    k = len(task.labels)
    if k == 2:
        rankings = {"": Ranking.of(proba[:, 1], y_true == 1)}
    else:
        index = {label: i for i, label in enumerate(task.labels)}
        rankings = {
            f":{label}": Ranking.of(proba[:, index[label]], y_true == index[label])
            for label in task.flag_labels
        }

    def _metrics(weights: np.ndarray) -> dict[str, np.ndarray]:
        out = decision_metrics(confusion_counts(weights, y_true, y_pred, k), task.labels)
        for suffix, ranking in rankings.items():
            out[f"roc_auc{suffix}"], out[f"pr_auc{suffix}"] = ranking.areas(weights)
        return out

    return _metrics


def default_out_dir(registry: Registry, a: str, b: str, specs: Sequence[str]) -> Path:
    """``<registry>/compare/<A>__<B>__<dataset>/``."""
    return registry.root / "compare" / f"{a}__{b}__{spec_slug('+'.join(specs))}"


def compare_versions(
    registry: Registry,
    a: str,
    b: str,
    specs: Sequence[str],
    context: DataContext,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    level: float = 0.95,
    max_examples: int = 20,
    teencode_share: float = TEENCODE_SHARE,
    show: bool = True,
) -> ComparisonResult:
    """Score versions ``a`` and ``b`` on the pooled ``specs`` and compare them, paired.

    Each version decides labels at its own thresholds (from its manifest).

    Args:
        registry: where both versions live.
        a: the reference version (e.g. the active one).
        b: the candidate; differences are B − A.
        specs: dataset specs, pooled (as ``vimod evaluate`` reads them).
        context: data directory and store URL; its task is replaced by the versions' task.
        resamples: bootstrap resamples for every interval.
        seed: seed of the resampling.
        level: interval coverage.
        max_examples: at most this many fixed and this many broken posts are kept.
        teencode_share: share of teencode words that makes a post teencode-heavy.
        show: draw progress bars while scoring.

    Raises:
        InputError: the versions belong to different tasks, or no dataset was named.
    """
    if not specs:
        raise InputError("name at least one dataset to compare on")
    man_a, man_b = registry.manifest(a), registry.manifest(b)
    if man_a.task != man_b.task:
        raise InputError(f"{a} is a {man_a.task} model but {b} is a {man_b.task} model")
    task = get_task(man_a.task)
    ctx = DataContext(task, context.data_dir, context.database_url, evaluation=True)
    examples = [e for spec in specs for e in load_dataset(spec, ctx)]
    y = label_indices(task, examples)
    proba_a = _score(registry, a, examples, show)
    proba_b = proba_a if b == a else _score(registry, b, examples, show)
    pred_a = decide(task, proba_a, man_a.thresholds)
    pred_b = decide(task, proba_b, man_b.thresholds)
    scored_a, scored_b = (proba_a, pred_a), (proba_b, pred_b)
    fixed, broken, changed = _changed(task, examples, y, scored_a, scored_b)
    k = len(task.labels)
    return ComparisonResult(
        task=task.name,
        labels=list(task.labels),
        a=a,
        b=b,
        datasets=list(specs),
        n=len(y),
        thresholds={"a": dict(man_a.thresholds), "b": dict(man_b.thresholds)},
        resamples=resamples,
        seed=seed,
        level=level,
        headline=headline_metrics(task),
        metrics=paired_bootstrap(
            len(y),
            statistic(task, y, proba_a, pred_a),
            statistic(task, y, proba_b, pred_b),
            resamples=resamples,
            seed=seed,
            level=level,
        ),
        mcnemar=McNemar.of(pred_a == y, pred_b == y),
        confusion={
            v: confusion_counts(np.ones((1, len(y))), y, p, k)[0].astype(int).tolist()
            for v, p in (("a", pred_a), ("b", pred_b))
        },
        slices=[
            _slice(task, s, y, scored_a, scored_b, resamples=resamples, seed=seed, level=level)
            for s in standard_slices([e.text for e in examples], teencode_share=teencode_share)
        ],
        changed=changed,
        fixed=fixed[:max_examples],
        broken=broken[:max_examples],
        y_true=y,
        proba_a=proba_a,
        proba_b=proba_b,
    )


def _score(registry: Registry, version: str, examples: Sequence[Example], show: bool) -> np.ndarray:
    model, _ = registry.load(version)
    texts = [e.text for e in examples]
    metadata = [e.metadata for e in examples]
    return predict_batched(model, texts, metadata, description=f"scoring {version}", show=show)


Scored = tuple[np.ndarray, np.ndarray]  # (probabilities, decided label indices)


def _slice(
    task: Task,
    part: Slice,
    y: np.ndarray,
    scored_a: Scored,
    scored_b: Scored,
    *,
    resamples: int,
    seed: int,
    level: float,
) -> SliceComparison:
    """Slice metrics: intervals when the slice is large enough, points when not."""
    mask = part.mask
    n = int(mask.sum())
    counts = {label: int(np.sum(y[mask] == i)) for i, label in enumerate(task.labels)}
    if n == 0:
        return SliceComparison(part.name, part.description, 0, counts, {}, None)
    ys = y[mask]
    stat_a = statistic(task, ys, scored_a[0][mask], scored_a[1][mask])
    stat_b = statistic(task, ys, scored_b[0][mask], scored_b[1][mask])
    if n >= MIN_INTERVAL_N:
        metrics = paired_bootstrap(n, stat_a, stat_b, resamples=resamples, seed=seed, level=level)
    else:
        metrics = paired_point(n, stat_a, stat_b)
    keep = {k: metrics[k] for k in slice_metrics(task)}
    test = McNemar.of(scored_a[1][mask] == ys, scored_b[1][mask] == ys)
    return SliceComparison(part.name, part.description, n, counts, keep, test)


def _changed(
    task: Task, examples: Sequence[Example], y: np.ndarray, scored_a: Scored, scored_b: Scored
) -> tuple[list[ChangedPrediction], list[ChangedPrediction], int]:
    """Posts B fixed (B right, A wrong) and broke (A right, B wrong), biggest swing first.

    The swing is how far the gold label's probability moved between A and B.
    Returns (fixed, broken, number of posts whose decided label changed at all).
    """
    (proba_a, pred_a), (proba_b, pred_b) = scored_a, scored_b
    differ = pred_a != pred_b
    rows = np.arange(len(y))
    swing = np.abs(proba_b[rows, y] - proba_a[rows, y])
    labels = task.labels

    def _rows(mask: np.ndarray) -> list[ChangedPrediction]:
        found = np.flatnonzero(mask)
        picked = [int(i) for i in found[np.argsort(-swing[found], kind="stable")]]
        return [
            ChangedPrediction(
                index=i,
                text=examples[i].text,
                gold=labels[y[i]],
                a_label=labels[pred_a[i]],
                b_label=labels[pred_b[i]],
                a_scores={
                    lab: round(float(p), 4) for lab, p in zip(labels, proba_a[i], strict=True)
                },
                b_scores={
                    lab: round(float(p), 4) for lab, p in zip(labels, proba_b[i], strict=True)
                },
            )
            for i in picked
        ]

    return _rows(differ & (pred_b == y)), _rows(differ & (pred_a == y)), int(differ.sum())
