"""Turning probabilities into labelled, flagged predictions."""

from __future__ import annotations

import numpy as np

from models.base import to_predictions
from models.tasks import MISINFORMATION, TOXICITY


def test_label_is_argmax_and_scores_follow_task_order() -> None:
    [pred] = to_predictions(TOXICITY, np.array([[0.2, 0.7, 0.1]]))
    assert pred.label == "OFFENSIVE"
    assert list(pred.scores) == ["CLEAN", "OFFENSIVE", "HATE"]
    assert pred.flagged


def test_thresholds_decide_flagged() -> None:
    proba = np.array([[0.6, 0.1, 0.3]])
    assert not to_predictions(TOXICITY, proba)[0].flagged
    assert to_predictions(TOXICITY, proba, {"HATE": 0.25})[0].flagged
    assert not to_predictions(TOXICITY, np.array([[0.1, 0.2, 0.7]]), {"HATE": 0.9})[0].flagged


def test_benign_label_never_flags() -> None:
    assert not to_predictions(MISINFORMATION, np.array([[0.99, 0.01]]), {"RELIABLE": 0.0})[
        0
    ].flagged


def test_flagged_labels_name_each_label_that_reached_its_threshold() -> None:
    proba = np.array([[0.5, 0.3, 0.2], [0.1, 0.6, 0.3], [0.9, 0.05, 0.05]])
    preds = to_predictions(TOXICITY, proba, {"OFFENSIVE": 0.25, "HATE": 0.2})

    # Per-label thresholds: the arg-max is CLEAN, yet both flag labels tripped.
    assert (preds[0].label, preds[0].flagged, preds[0].flagged_labels) == (
        "CLEAN",
        True,
        ("OFFENSIVE", "HATE"),
    )
    assert preds[1].flagged_labels == ("OFFENSIVE", "HATE")
    assert (preds[2].flagged, preds[2].flagged_labels) == (False, ())


def test_flagged_labels_follow_task_order_and_never_hold_the_benign_label() -> None:
    [pred] = to_predictions(TOXICITY, np.array([[0.2, 0.1, 0.7]]), {"OFFENSIVE": 0.1})
    assert pred.flagged_labels == ("OFFENSIVE", "HATE")
    [benign] = to_predictions(MISINFORMATION, np.array([[0.99, 0.01]]), {"RELIABLE": 0.0})
    assert benign.flagged_labels == ()
