"""Fit the span CRF and choose its decision threshold on dev data."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models.configs import SpanCrfConfig
from models.errors import InputError
from models.span_crf import SpanCrf, decode, fit
from training.datasets import Example
from training.span_metrics import post_char_f1
from training.train import TrainJob

THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.15, 0.71, 0.025))


def choose_threshold(model: SpanCrf, dev: Sequence[Example]) -> float:
    """The marginal threshold with the best mean character F1 on ``dev`` (ties: the lower)."""
    scored = model.token_scores([e.text for e in dev])
    best, best_f1 = model.threshold, -1.0
    for threshold in THRESHOLDS:
        f1 = float(
            np.mean(
                [
                    post_char_f1(
                        [(s.start, s.end) for s in decode(e.text, tokens, scores, threshold)],
                        e.spans or (),
                    )
                    for e, (tokens, scores) in zip(dev, scored, strict=True)
                ]
            )
        )
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def train(job: TrainJob) -> SpanCrf:
    """Validate ``job.config`` (``InputError`` on a bad key), fit, tune the threshold on dev."""
    config = SpanCrfConfig.resolve(job.task.name, job.config)
    missing = [e for e in job.train if e.spans is None]
    if missing:
        raise InputError(
            f"span_crf trains on span data (e.g. vihos:train); {len(missing)} posts have none"
        )
    model = fit([e.text for e in job.train], [e.spans or () for e in job.train], config)
    dev = [e for e in job.dev or [] if e.spans is not None]
    if dev and config.tune_threshold:
        model = model.with_threshold(choose_threshold(model, dev))
    return model
