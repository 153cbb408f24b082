"""The spans task through the CLI: train, evaluate (also on plain:), gate, rollback, classify --explain."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()
SMALL = ["--set", "max_iterations=25", "--set", "folds=2"]


@pytest.fixture
def env(registry_dir: Path, tmp_path: Path) -> dict[str, str]:
    return {
        "VIMOD_REGISTRY_DIR": str(registry_dir),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "VIMOD_DATA_DIR": str(tmp_path),
    }


def _train(env: dict[str, str], *extra: str) -> str:
    res = runner.invoke(
        app, ["train", "--task", "spans", "--data", "seed:toxicity_spans", *SMALL, *extra], env=env
    )
    assert res.exit_code == 0, res.output
    return res.stdout.strip().splitlines()[-1]


def test_train_evaluate_gate_activate_rollback(env: dict[str, str], registry_dir: Path) -> None:
    before = (registry_dir / "spans" / "ACTIVE").read_text().strip()
    version = _train(env, "--seed", "3")
    manifest = json.loads((registry_dir / "spans" / version / "manifest.json").read_text())
    assert manifest["kind"] == "span_crf" and manifest["config"]["seed"] == 3
    for spec in ("seed:toxicity_spans", "plain:seed:toxicity_spans"):
        res = runner.invoke(app, ["evaluate", version, "--data", spec], env=env)
        assert res.exit_code == 0, res.output
        assert "char F1" in res.stdout and "ViHOS F1" in res.stdout
        report = registry_dir / "spans" / version / "reports" / spec.replace(":", "_")
        metrics = json.loads((report / "metrics.json").read_text())
        assert 0 <= metrics["char_f1"] <= 1 and 0 <= metrics["vihos_f1"] <= 1
        assert version in (report / "report.md").read_text()
        assert (report / "scores.png").stat().st_size > 0
    res = runner.invoke(
        app, ["models", "activate", version, "--data", "seed:toxicity_spans"], env=env
    )
    assert res.exit_code == 0, res.output
    assert "span_f1" in res.output
    assert (registry_dir / "spans" / "ACTIVE").read_text().strip() == version
    res = runner.invoke(app, ["models", "rollback", "--task", "spans"], env=env)
    assert res.exit_code == 0, res.output
    assert (registry_dir / "spans" / "ACTIVE").read_text().strip() == before


def test_train_refuses_typos_and_wrong_kinds(env: dict[str, str]) -> None:
    for extra in (["--set", "knnn=1"], ["--model", "baseline"]):
        res = runner.invoke(
            app, ["train", "--task", "spans", "--data", "seed:toxicity_spans", *extra], env=env
        )
        assert res.exit_code == 1, res.output
    res = runner.invoke(
        app,
        ["train", "--task", "toxicity", "--model", "span_crf", "--data", "seed:toxicity"],
        env=env,
    )
    assert res.exit_code == 1


def test_classify_explain(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "posts.csv"
    posts = ["dm m ngu vl", "hôm nay trời đẹp quá"]
    src.write_text("text\n" + "\n".join(posts) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(
        app, ["classify", str(src), "-o", str(out), "--task", "toxicity", "--explain"], env=env
    )
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    for text, row in zip(posts, rows, strict=True):
        for span in row["categories"]["toxicity"]["spans"]:
            assert span["text"] == text[span["start"] : span["end"]]
    assert rows[0]["categories"]["toxicity"]["spans"]
    out_csv = tmp_path / "out.csv"
    res = runner.invoke(app, ["classify", str(src), "-o", str(out_csv), "--explain"], env=env)
    assert res.exit_code == 0, res.output
    first = next(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert json.loads(first["toxicity_spans"])
