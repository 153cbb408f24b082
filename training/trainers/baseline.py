"""Fit the TF-IDF + logistic-regression baseline."""

from __future__ import annotations

from models.baseline import BaselineClassifier
from training.train import TrainJob


def train(job: TrainJob) -> BaselineClassifier:
    model = BaselineClassifier(job.task, job.config)
    return model.fit(
        [e.text for e in job.train],
        [e.label for e in job.train],
        [e.metadata for e in job.train],
    )
