"""The baseline trainer passes each example's weight and context to the model."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from models.base import PostMetadata
from models.baseline import BaselineClassifier
from models.tasks import TOXICITY
from training.datasets import Example
from training.train import TrainJob
from training.trainers.baseline import train

POSTS = [("bài viết hay quá", "CLEAN"), ("đồ ngu như bò", "OFFENSIVE"), ("lũ súc vật", "HATE")] * 4


def _examples() -> list[Example]:
    meta = PostMetadata(context="giết người dã man")
    return [
        Example(t, lab, "test", metadata=meta if i % 2 else None)
        for i, (t, lab) in enumerate(POSTS)
    ]


def test_weights_and_contexts_reach_fit() -> None:
    examples = [replace(e, weight=0.2) if e.label == "HATE" else e for e in _examples()]
    model = train(TrainJob(TOXICITY, examples, config={"min_df": 1}))
    assert model._context_features is not None  # toxicity's default: a block of its own
    by_hand = BaselineClassifier(TOXICITY, {"min_df": 1}).fit(
        [e.text for e in examples],
        [e.label for e in examples],
        [e.metadata for e in examples],
        sample_weight=[e.weight for e in examples],
    )
    posts = ["lũ súc vật", "đồ ngu"]
    np.testing.assert_allclose(model.predict_proba(posts), by_hand.predict_proba(posts))
    unweighted = train(TrainJob(TOXICITY, _examples(), config={"min_df": 1}))
    assert not np.allclose(model.predict_proba(posts), unweighted.predict_proba(posts))
