"""Fine-tune a tiny PhoBERT through ``vimod``: train, evaluate, register, export, resume."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models.errors import InputError
from models.registry import Registry
from models.tasks import TOXICITY
from tests.tiny_phobert import MARKER, long_text, marker_rows
from training.datasets import Example
from training.train import TrainJob

pytest.importorskip("torch")

from training.trainers.phobert import train

pytestmark = pytest.mark.slow


def _cli(args: list[str], env: dict[str, str]) -> str:
    from typer.testing import CliRunner

    from cli.main import app

    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_fine_tune_registers_a_phobert_version(trained_phobert, tiny_phobert_dir: Path) -> None:  # type: ignore[no-untyped-def]
    reg = Registry(trained_phobert.registry)
    manifest = reg.manifest(trained_phobert.version)
    assert manifest.kind == "phobert"
    assert manifest.config["base"] == str(tiny_phobert_dir)
    assert manifest.config["text"] == {"lowercase": False, "teencode": False, "segment": True}
    assert manifest.config["max_len"] == 256 and manifest.config["lr"] == 0.005
    assert manifest.metrics["dev"]["accuracy"] >= 0.85  # macro-F1 also averages absent OFFENSIVE
    directory = reg.path(trained_phobert.version)
    for name in ("config.json", "model.safetensors", "vocab.txt", "bpe.codes", "tokenizer.json"):
        assert (directory / name).is_file(), name
    config = json.loads((directory / "config.json").read_text())
    assert config["id2label"] == {"0": "CLEAN", "1": "OFFENSIVE", "2": "HATE"}
    assert config["pad_token_id"] == 1 and config["max_position_embeddings"] == 258
    state = json.loads((trained_phobert.work_dir / "checkpoint" / "state.json").read_text())
    assert state["finished"] and state["epoch"] == 10 and len(state["history"]) == 10
    assert (trained_phobert.work_dir / "best" / "model.safetensors").is_file()


def test_evaluate_writes_the_baseline_report(trained_phobert) -> None:  # type: ignore[no-untyped-def]
    out = _cli(
        ["evaluate", trained_phobert.version, "--data", f"csv:{trained_phobert.data['test']}"],
        trained_phobert.env,
    )
    assert "macro-F1" in out
    reports = Registry(trained_phobert.registry).path(trained_phobert.version) / "reports"
    written = {p.suffix for p in reports.rglob("*") if p.is_file()}
    assert {".json", ".md"} <= written
    manifest = Registry(trained_phobert.registry).manifest(trained_phobert.version)
    assert manifest.metrics[f"csv:{trained_phobert.data['test']}"]["accuracy"] >= 0.85


def test_marker_past_the_first_window_is_seen(trained_phobert) -> None:  # type: ignore[no-untyped-def]
    model, _ = Registry(trained_phobert.registry).load(trained_phobert.version, {"engine": "torch"})
    hateful = long_text(150, marker_at_end=True)
    (ids,) = model.encode([hateful])  # type: ignore[attr-defined]
    assert hateful.index(MARKER) > 5000 and len(ids) > 3 * 256
    proba = model.predict_proba([hateful, long_text(150, marker_at_end=False), hateful[:1000]])
    assert proba.argmax(axis=1).tolist() == [2, 0, 0]


def test_export_int8_and_serve_it(trained_phobert) -> None:  # type: ignore[no-untyped-def]
    data = f"csv:{trained_phobert.data['test']}"
    out = _cli(
        ["models", "export-onnx", trained_phobert.version, "--int8", "--data", data],
        trained_phobert.env,
    )
    assert "model.int8.onnx" in out and "labels agree" in out
    reg = Registry(trained_phobert.registry)
    onnx_model, _ = reg.load(trained_phobert.version, {"engine": "onnx"})
    torch_model, _ = reg.load(trained_phobert.version, {"engine": "torch"})
    texts = [text for text, _ in marker_rows(40, seed=3)] + [long_text(150, marker_at_end=True)]
    p_onnx, p_torch = onnx_model.predict_proba(texts), torch_model.predict_proba(texts)
    assert np.abs(p_onnx - p_torch).max() < 0.1
    assert (p_onnx.argmax(axis=1) == p_torch.argmax(axis=1)).mean() >= 0.95
    assert p_onnx[-1].argmax() == 2


def _job(base: Path | str, work: Path | None, **config: object) -> TrainJob:
    rows = [Example(t, label, "test") for t, label in marker_rows(48, seed=5)]
    settings = {"base": str(base), "epochs": 1, "batch_size": 8, "lr": 5e-3, **config}
    return TrainJob(TOXICITY, rows, config=settings, work_dir=work, show_progress=False)


def _weights(model) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    return {k: v.detach().numpy().copy() for k, v in model.engine.model.state_dict().items()}


def test_resumed_run_equals_an_uninterrupted_one(tiny_phobert_dir: Path, tmp_path: Path) -> None:
    straight = _weights(train(_job(tiny_phobert_dir, tmp_path / "a")))
    train(_job(tiny_phobert_dir, tmp_path / "b", max_steps=4))  # "interrupted" after 4 steps
    state = json.loads((tmp_path / "b" / "checkpoint" / "state.json").read_text())
    assert (state["global_step"], state["finished"]) == (4, False)
    resumed = _weights(train(_job(tiny_phobert_dir, tmp_path / "b")))
    assert json.loads((tmp_path / "b" / "checkpoint" / "state.json").read_text())["finished"]
    for name, value in straight.items():
        np.testing.assert_array_equal(resumed[name], value, err_msg=name)


def test_work_dir_of_another_job_is_refused(tiny_phobert_dir: Path, tmp_path: Path) -> None:
    train(_job(tiny_phobert_dir, tmp_path, max_steps=1))
    with pytest.raises(InputError, match="different job"):
        train(_job(tiny_phobert_dir, tmp_path, lr=1e-4))


def test_balanced_class_weights_and_bad_config(tiny_phobert_dir: Path) -> None:
    model = train(_job(tiny_phobert_dir, None, class_weights="balanced", max_steps=2))
    assert model.config["class_weights"] == "balanced"
    with pytest.raises(InputError, match="class_weights"):
        train(_job(tiny_phobert_dir, None, class_weights="inverse"))
    with pytest.raises(InputError, match="--base"):
        train(_job("", None))


def test_served_over_http_batch_long_text_concurrency(trained_phobert, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The registered version behind the real app: batches, a 5,000-character post, threads."""
    from concurrent.futures import ThreadPoolExecutor

    from service.config import Settings
    from tests.apiclient import serve

    Registry(trained_phobert.registry).activate(trained_phobert.version)
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'api.db'}",
        registry_dir=trained_phobert.registry,
        tasks=["toxicity"],
        bootstrap=False,
        secrets_dir=tmp_path / "secrets",
    )
    rows = marker_rows(12, seed=7)
    with serve(settings) as client, ThreadPoolExecutor(6) as pool:
        batch = client.post("/v1/classify", json={"texts": [t for t, _ in rows]}).json()
        got = [r["categories"]["toxicity"] for r in batch["results"]]
        assert [g["label"] for g in got] == [label for _, label in rows]
        assert {g["model_version"] for g in got} == {trained_phobert.version}
        post = {"text": long_text(150, marker_at_end=True)}
        long = client.post("/v1/classify", json=post).json()["results"][0]
        assert long["categories"]["toxicity"]["label"] == "HATE" and long["flagged"]
        replies = list(
            pool.map(
                lambda t: client.post("/v1/classify", json={"text": t}), [t for t, _ in rows] * 2
            )
        )
    assert all(r.status_code == 200 for r in replies)
    labels = [r.json()["results"][0]["categories"]["toxicity"]["label"] for r in replies]
    assert labels == [label for _, label in rows] * 2
