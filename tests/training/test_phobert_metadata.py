"""PhoBERT on the misinformation task: metadata fused on posts held out of fine-tuning."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from models.base import PostMetadata
from models.errors import InputError
from models.registry import Registry
from models.tasks import MISINFORMATION
from tests.tiny_phobert import marker_rows
from training.datasets import Example
from training.train import TrainJob, run_training

pytest.importorskip("torch")

pytestmark = pytest.mark.slow


def _posts(n: int, seed: int) -> list[Example]:
    """Text says little (random labels); shares say a lot, as ReINTEL's metadata can."""
    rng = random.Random(seed)
    out = []
    for text, _ in marker_rows(n, seed):
        bad = rng.random() < 0.3
        meta = PostMetadata(
            likes=float(rng.randint(5, 300)),
            shares=float(rng.randint(200, 900) if bad else rng.randint(0, 60)),
            posted_at=1.58e9 + rng.randint(0, 10**7),
        )
        out.append(Example(text, "UNRELIABLE" if bad else "RELIABLE", "synthetic", meta))
    return out


def _auc(model, posts: list[Example], with_meta: bool) -> float:  # type: ignore[no-untyped-def]
    from sklearn.metrics import roc_auc_score

    meta = [e.metadata for e in posts] if with_meta else None
    proba = model.predict_proba([e.text for e in posts], meta)
    return float(roc_auc_score([e.label == "UNRELIABLE" for e in posts], proba[:, 1]))


def test_fusion_is_fitted_saved_and_serves_text_alone(
    tiny_phobert_dir: Path, tmp_path: Path
) -> None:
    config = {
        "base": str(tiny_phobert_dir),
        "epochs": 1,
        "batch_size": 16,
        "metadata_holdout": 0.4,
    }
    job = TrainJob(MISINFORMATION, _posts(300, seed=1), config=config, show_progress=False)
    reg = Registry(tmp_path / "reg")
    manifest = run_training("phobert", job, reg, datasets=["synthetic"])
    assert (reg.path(manifest.version) / "fusion.joblib").is_file()
    model, _ = reg.load(manifest.version)
    assert model.fusion is not None
    probe = _posts(120, seed=2)
    assert _auc(model, probe, with_meta=True) > 0.95 > _auc(model, probe, with_meta=False)
    texts = [e.text for e in probe[:4]]
    alone = model.predict_proba(texts)
    np.testing.assert_allclose(model.predict_proba(texts, [None] * 4), alone)
    np.testing.assert_allclose(model.predict_proba(texts, [PostMetadata()] * 4), alone)
    with pytest.raises(InputError):
        model.predict_proba(texts, [None])


def test_no_metadata_or_too_few_posts_means_no_fusion(tiny_phobert_dir: Path) -> None:
    from training.trainers.phobert import train

    base = {"base": str(tiny_phobert_dir), "epochs": 1, "batch_size": 16, "max_steps": 2}
    text_only = [Example(e.text, e.label, e.source) for e in _posts(200, seed=3)]
    assert (
        train(TrainJob(MISINFORMATION, text_only, config=base, show_progress=False)).fusion is None
    )
    few = _posts(200, seed=4)  # 15 % of 200 = 30 posts: too few to fit the fusion
    assert train(TrainJob(MISINFORMATION, few, config=base, show_progress=False)).fusion is None
    with pytest.raises(InputError, match="metadata_holdout"):
        train(TrainJob(MISINFORMATION, few, config={**base, "metadata_holdout": 1.0}))
