"""``vimod crossval``: k-fold cross-validation of a model kind on pooled data.

A 730-post test split with 123 positives cannot separate variants closer than about
±0.015 ROC-AUC. Cross-validation over train+dev scores every post once, from a model
that never saw it. Design choices should be made on it, and the test split kept for the
final figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

from models.configs import resolve_config
from models.tasks import Task
from training.datasets import Example
from training.datasets.plain import strip_example
from training.evaluate import label_indices
from training.groups import flagged_mask, group_rates
from training.metrics import compute_metrics
from training.progress import make_progress
from training.train import TrainJob, get_trainer


@dataclass
class CrossValidation:
    """Pooled out-of-fold metrics.

    Attributes:
        metrics: every post scored as given (with its metadata, if any).
        text_only: the same posts scored without metadata; ``None`` when no post had any.
        folds: number of folds.
        seed: shuffling seed of the folds.
        plain: the same posts with every diacritic stripped (``plain:`` datasets), scored
            by the same fold models; ``None`` unless asked for.
        group_rates: out-of-fold flag rates per group (``training.groups``) when some
            posts name a group (``seed:identity``); ``None`` otherwise. Meaningless for a
            ``repeat:`` corpus, whose copies of a post fall in other folds.
        ungrouped: metrics on the posts without a group, so a run that adds grouped posts
            compares like for like with one without them; ``None`` when none has a group.
    """

    metrics: dict[str, Any]
    text_only: dict[str, Any] | None
    folds: int
    seed: int
    per_fold: list[dict[str, Any]] = field(default_factory=list)
    plain: dict[str, Any] | None = None
    group_rates: dict[str, Any] | None = None
    ungrouped: dict[str, Any] | None = None


def cross_validate(
    kind: str,
    task: Task,
    examples: Sequence[Example],
    *,
    config: dict[str, Any] | None = None,
    folds: int = 5,
    seed: int = 42,
    show_progress: bool = True,
    extra: Sequence[Example] = (),
    plain: bool = False,
) -> CrossValidation:
    """Train ``kind`` on each ``folds - 1`` folds (stratified), score the held-out fold.

    Metrics use the arg-max decision (no threshold is tuned), so compare ROC-AUC, PR-AUC
    and ECE across variants rather than F1. ``config`` holds overrides of the kind's
    defaults; an unknown key or a wrong type raises ``InputError`` before any fold runs.
    ``extra`` examples join every fold's training and are never scored: does a corpus
    written for another goal (everyday chat, urgent notices) cost the pooled data's score?
    With ``plain``, each held-out fold is also scored with its diacritics stripped, which
    measures what a post typed without accents costs without touching a test split.
    """
    resolve_config(kind, task.name, config)
    trainer = get_trainer(kind)
    y = label_indices(task, examples)
    n_labels = len(task.labels)
    with_meta = any(e.metadata is not None for e in examples)
    proba = np.zeros((len(examples), n_labels))
    text_only = np.zeros((len(examples), n_labels))
    stripped = np.zeros((len(examples), n_labels))
    per_fold: list[dict[str, Any]] = []
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with make_progress(disable=not show_progress) as progress:
        bar = progress.add_task("cross-validating", total=folds)
        for train_idx, held_idx in splitter.split(np.zeros(len(y)), y):
            job = TrainJob(
                task,
                [*(examples[i] for i in train_idx), *extra],
                config=dict(config or {}),
                show_progress=False,
            )
            model = trainer(job)
            held = [examples[i] for i in held_idx]
            texts = [e.text for e in held]
            proba[held_idx] = model.predict_proba(texts, [e.metadata for e in held])
            if with_meta:
                text_only[held_idx] = model.predict_proba(texts, None)
            if plain:
                bare = [strip_example(e) for e in held]
                stripped[held_idx] = model.predict_proba(
                    [e.text for e in bare], [e.metadata for e in bare]
                )
            fold = compute_metrics(task, y[held_idx], proba[held_idx])
            per_fold.append({k: fold[k] for k in ("n", "macro_f1", "roc_auc") if k in fold})
            progress.advance(bar)
    rates = group_rates(task, examples, flagged_mask(task, proba, None))
    ungrouped = np.array([e.group is None for e in examples])
    return CrossValidation(
        metrics=compute_metrics(task, y, proba),
        text_only=compute_metrics(task, y, text_only) if with_meta else None,
        folds=folds,
        seed=seed,
        per_fold=per_fold,
        plain=compute_metrics(task, y, stripped) if plain else None,
        group_rates=rates,
        ungrouped=(
            compute_metrics(task, y[ungrouped], proba[ungrouped])
            if rates and ungrouped.any()
            else None
        ),
    )
