"""Misinformation end to end on the shipped seed corpus: text-only training, binary report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from models.base import PostMetadata
from models.registry import Registry
from models.tasks import MISINFORMATION
from training.datasets import DataContext, load_dataset
from training.evaluate import evaluate_version
from training.train import TrainJob, run_training


def test_seed_corpus_trains_with_the_bootstrap_config(tmp_path: Path) -> None:
    """The embedded default model: seed text only, ``{"min_df": 1}``, no dev split."""
    seed = load_dataset("seed:misinformation", DataContext(MISINFORMATION, Path(".")))
    assert all(e.metadata is None for e in seed)
    reg = Registry(tmp_path)
    job = TrainJob(MISINFORMATION, seed, config={"min_df": 1}, show_progress=False)
    manifest = run_training("baseline", job, reg, datasets=["seed:misinformation"])
    model, _ = reg.load(manifest.version)
    texts = [seed[0].text, "Nghe nói uống nước gừng là hết virus, share gấp!"]
    alone = model.predict_proba(texts)
    assert alone.shape == (2, 2) and np.isfinite(alone).all()
    # metadata the model never learned from changes nothing; text alone is never an error
    meta = [PostMetadata(likes=3, comments=0, shares=0, posted_at=1.7e9), None]
    np.testing.assert_allclose(model.predict_proba(texts, meta), alone)


def test_report_states_threshold_and_unreliable_f1(tmp_path: Path) -> None:
    rows = load_dataset("seed:misinformation", DataContext(MISINFORMATION, Path(".")))
    train, dev = rows[::2], rows[1::2]
    reg = Registry(tmp_path / "reg")
    job = TrainJob(MISINFORMATION, train, dev, config={"min_df": 1}, show_progress=False)
    manifest = run_training("baseline", job, reg)
    threshold = manifest.thresholds["UNRELIABLE"]
    path = tmp_path / "test.jsonl"
    lines = [{"text": e.text, "label": e.label, "likes": 5} for e in dev]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    metrics, paths = evaluate_version(
        reg, manifest.version, f"jsonl:{path}", DataContext(MISINFORMATION, tmp_path), show=False
    )
    assert metrics["positive_f1"] == metrics["per_label"]["UNRELIABLE"]["f1"]
    report = (paths[0].parent / "report.md").read_text("utf-8")
    assert f"score ≥ **{threshold:.2f}** (chosen on dev)" in report
    assert f"F1(UNRELIABLE) = **{metrics['positive_f1']:.4f}**" in report
    assert "ROC-AUC" in report and "PR-AUC" in report and "macro-F1" in report
    assert {"roc.png", "pr.png"} <= {p.name for p in paths}
