"""Training registers versions; evaluation writes reports a trainer can read."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models.registry import Registry
from models.tasks import MISINFORMATION, TOXICITY
from training.bootstrap import ensure_default_models
from training.datasets import DataContext, Example, load_dataset
from training.evaluate import evaluate_version
from training.metrics import compute_metrics, expected_calibration_error
from training.train import TrainJob, choose_thresholds, fingerprint, run_training


def _split(task=TOXICITY) -> tuple[list[Example], list[Example]]:  # type: ignore[no-untyped-def]
    rows = load_dataset(f"seed:{task.name}", DataContext(task, Path(".")))
    return rows[::2], rows[1::2]


def test_fingerprint_is_order_independent_and_label_sensitive() -> None:
    a = [Example("x", "CLEAN", "t"), Example("y", "HATE", "t")]
    assert fingerprint(a) == fingerprint(a[::-1])
    assert fingerprint(a) != fingerprint([Example("x", "HATE", "t"), Example("y", "HATE", "t")])


def test_train_registers_with_dev_metrics(tmp_path: Path) -> None:
    train, dev = _split()
    reg = Registry(tmp_path)
    m = run_training(
        "baseline", TrainJob(TOXICITY, train, dev, show_progress=False), reg, datasets=["seed"]
    )
    assert m.kind == "baseline" and m.task == "toxicity"
    assert m.training["examples"] == len(train) and m.training["datasets"] == ["seed"]
    assert 0.5 < m.metrics["dev"]["macro_f1"] <= 1.0
    assert m.data_fingerprint == fingerprint(train)
    assert reg.active_version("toxicity") is None


def test_evaluate_writes_report_and_records_metrics(tmp_path: Path) -> None:
    train, dev = _split()
    reg = Registry(tmp_path / "reg")
    m = run_training("baseline", TrainJob(TOXICITY, train, show_progress=False), reg)
    test_file = tmp_path / "test.jsonl"
    test_file.write_text(
        "".join(json.dumps({"text": e.text, "label": e.label}) + "\n" for e in dev)
    )
    metrics, paths = evaluate_version(
        reg, m.version, f"jsonl:{test_file}", DataContext(TOXICITY, tmp_path), show=False
    )
    names = {p.name for p in paths}
    assert {"metrics.json", "report.md", "confusion.png", "calibration.png"} <= names
    assert all(p.stat().st_size > 0 for p in paths)
    assert (paths[2].read_bytes()[:8]) == b"\x89PNG\r\n\x1a\n"
    assert np.array(metrics["confusion_matrix"]).sum() == len(dev)
    assert set(metrics["per_label"]) == set(TOXICITY.labels)
    report = (paths[0].parent / "report.md").read_text()
    assert "macro-F1" in report and "HATE" in report
    assert reg.manifest(m.version).metrics[f"jsonl:{test_file}"]["macro_f1"] == metrics["macro_f1"]


def test_binary_task_gets_dev_threshold_and_curves(tmp_path: Path) -> None:
    train, dev = _split(MISINFORMATION)
    reg = Registry(tmp_path / "reg")
    m = run_training("baseline", TrainJob(MISINFORMATION, train, dev, show_progress=False), reg)
    assert set(m.thresholds) == {"UNRELIABLE"} and 0 < m.thresholds["UNRELIABLE"] < 1
    assert "roc_auc" in m.metrics["dev"]
    f = tmp_path / "t.jsonl"
    f.write_text("".join(json.dumps({"text": e.text, "label": e.label}) + "\n" for e in dev))
    metrics, paths = evaluate_version(
        reg, m.version, f"jsonl:{f}", DataContext(MISINFORMATION, tmp_path), show=False
    )
    assert {"roc.png", "pr.png"} <= {p.name for p in paths}
    assert metrics["thresholds"] == m.thresholds and 0.5 <= metrics["roc_auc"] <= 1.0


def test_choose_thresholds_maximises_f1() -> None:
    y = np.array([0, 0, 0, 1, 1])
    p = np.array([[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.6, 0.4], [0.55, 0.45]])
    [(label, t)] = choose_thresholds(MISINFORMATION, y, p).items()
    assert label == "UNRELIABLE" and 0.3 < t <= 0.4
    assert choose_thresholds(TOXICITY, np.array([0, 1, 2]), np.eye(3)) == {}


def test_metrics_on_perfect_and_wrong_predictions() -> None:
    y = np.array([0, 1, 2, 2])
    perfect = np.eye(3)[y]
    m = compute_metrics(TOXICITY, y, perfect)
    assert m["macro_f1"] == 1.0 and m["accuracy"] == 1.0 and m["ece"] == pytest.approx(0.0)
    wrong = np.eye(3)[[1, 2, 0, 0]]
    assert compute_metrics(TOXICITY, y, wrong)["macro_f1"] == 0.0
    assert expected_calibration_error(y, wrong) == pytest.approx(1.0)


def test_bootstrap_builds_each_missing_task_once(tmp_path: Path) -> None:
    reg = Registry(tmp_path)
    built = ensure_default_models(reg, ["toxicity", "misinformation"], tmp_path)
    # toxicity brings its span model (explain), trained on the team's marked seed posts
    assert {m.task for m in built} == {"toxicity", "misinformation", "spans"}
    spans = reg.load_active_spans()
    assert spans is not None and spans[1].training["datasets"] == ["seed:toxicity_spans"]
    (marked,) = spans[0].predict_spans(["thằng óc chó cút đi"])
    assert marked
    assert all(reg.active_version(m.task) == m.version for m in built)
    assert ensure_default_models(reg, ["toxicity", "misinformation"], tmp_path) == []
    found = reg.load_active("toxicity")
    assert found is not None
    proba = found[0].predict_proba(["thằng óc chó cút đi", "cảm ơn bạn nhiều nha"])
    assert TOXICITY.labels[int(proba[0].argmax())] != "CLEAN"
    assert TOXICITY.labels[int(proba[1].argmax())] == "CLEAN"
    mis = reg.load_active("misinformation")
    assert mis is not None
    chat, hoax = mis[0].predict_proba(
        [
            "Trận đấu tối qua hay quá anh em ơi",
            "KHẨN: chia sẻ ngay bài này để nhận 500k từ ngân hàng",
        ]
    )
    assert MISINFORMATION.labels[int(chat.argmax())] == "RELIABLE"  # chat makes no claim
    assert MISINFORMATION.labels[int(hoax.argmax())] == "UNRELIABLE"
