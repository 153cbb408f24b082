"""``vimod models compare`` on the seed registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from models.registry import Registry

runner = CliRunner()


@pytest.fixture
def env(registry_dir: Path, tmp_path: Path) -> dict[str, str]:
    return {
        "VIMOD_REGISTRY_DIR": str(registry_dir),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "VIMOD_DATA_DIR": str(tmp_path),
        "COLUMNS": "160",
    }


def test_compare_prints_the_table_and_writes_the_report(env: dict[str, str]) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    version = reg.active_version("misinformation")
    assert version is not None
    args = ["models", "compare", "active", version, "--data", "seed:misinformation"]
    out = runner.invoke(app, [*args, "--resamples", "100", "--examples", "5"], env=env)
    assert out.exit_code == 0, out.output
    assert "ROC-AUC" in out.stdout and "F1 UNRELIABLE" in out.stdout
    assert "+0.000" in out.stdout and "McNemar" in out.stdout and "no_diacritics" in out.stdout
    directory = reg.root / "compare" / f"{version}__{version}__seed_misinformation"
    assert {p.name for p in directory.iterdir()} >= {"report.md", "comparison.json", "roc.png"}
    data = json.loads((directory / "comparison.json").read_text("utf-8"))
    assert data["resamples"] == 100 and data["metrics"]["roc_auc"]["p_value"] == 1.0
    assert "report.md" in out.stderr


def test_compare_writes_into_out(env: dict[str, str], tmp_path: Path) -> None:
    version = Registry(env["VIMOD_REGISTRY_DIR"]).active_version("toxicity")
    assert version is not None
    args = ["models", "compare", version, version, "-d", "seed:toxicity", "--out"]
    out = runner.invoke(app, [*args, str(tmp_path / "cmp"), "--resamples", "100"], env=env)
    assert out.exit_code == 0, out.output
    assert "macro-F1" in out.stdout and "F1 HATE" in out.stdout
    assert (tmp_path / "cmp" / "f1.png").is_file()
    assert (tmp_path / "cmp" / "confusion_diff.png").is_file()


def test_compare_refuses_mixed_tasks_and_two_actives(env: dict[str, str]) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    tox, mis = reg.active_version("toxicity"), reg.active_version("misinformation")
    assert tox is not None and mis is not None
    out = runner.invoke(app, ["models", "compare", tox, mis, "-d", "seed:toxicity"], env=env)
    assert out.exit_code == 1 and "misinformation model" in out.output
    out = runner.invoke(app, ["models", "compare", "active", "active", "-d", "seed"], env=env)
    assert out.exit_code == 1 and "at most one" in out.output
