"""Fit the TF-IDF + logistic-regression baseline."""

from __future__ import annotations

from models.baseline import BaselineClassifier
from models.configs import BaselineConfig
from training.train import TrainJob


def train(job: TrainJob) -> BaselineClassifier:
    """Validate ``job.config`` over the task's defaults (``InputError`` on a bad key), then fit."""
    model = BaselineClassifier(job.task, BaselineConfig.resolve(job.task.name, job.config))
    weights = [e.weight for e in job.train]
    return model.fit(
        [e.text for e in job.train],
        [e.label for e in job.train],
        [e.metadata for e in job.train],
        sample_weight=None if all(w == 1.0 for w in weights) else weights,
    )
