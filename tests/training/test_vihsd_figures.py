"""The issue's accuracy figures on the real ViHSD split (runs where ../shared/data exists)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.registry import Registry
from models.tasks import TOXICITY
from training.datasets import DataContext, load_dataset
from training.evaluate import evaluate_version
from training.train import TrainJob, run_training

pytestmark = [pytest.mark.data, pytest.mark.slow]


def test_baseline_reaches_macro_f1_on_vihsd_test(data_dir: Path, tmp_path: Path) -> None:
    ctx = DataContext(TOXICITY, data_dir)
    reg = Registry(tmp_path)
    job = TrainJob(TOXICITY, load_dataset("vihsd:train", ctx), show_progress=False)
    m = run_training("baseline", job, reg, datasets=["vihsd:train"])
    metrics, _ = evaluate_version(reg, m.version, "vihsd:test", ctx, show=False)
    assert metrics["n"] > 6000
    assert metrics["macro_f1"] >= 0.63, metrics["per_label"]
