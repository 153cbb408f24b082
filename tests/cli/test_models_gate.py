"""``vimod models promote / activate / card`` and ``vimod train --activate`` through the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from models.changelog import read_changes
from models.registry import Registry

runner = CliRunner()
FAST = ["--resamples", "100"]


@pytest.fixture
def env(registry_dir: Path, tmp_path: Path) -> dict[str, str]:
    return {
        "VIMOD_REGISTRY_DIR": str(registry_dir),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "VIMOD_DATA_DIR": str(tmp_path),
        "COLUMNS": "200",
    }


@pytest.fixture
def tiny(env: dict[str, str], tmp_path: Path) -> tuple[str, str]:
    """(version, data spec): a version trained on twelve posts, perfect on them only."""
    data = tmp_path / "tiny.csv"
    data.write_text("text,label\n" + "hay quá,CLEAN\nđồ ngu,OFFENSIVE\nbắc kỳ chó,HATE\n" * 4)
    out = runner.invoke(app, ["train", "--data", f"csv:{data}", "--set", "min_df=1"], env=env)
    assert out.exit_code == 0, out.output
    return out.stdout.strip().splitlines()[-1], f"csv:{data}"


def _history(env: dict[str, str]) -> list[dict[str, object]]:
    path = Path(env["VIMOD_REGISTRY_DIR"]) / "toxicity" / "history.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_promote_refuses_a_worse_version_and_prints_every_gated_metric(
    env: dict[str, str], tiny: tuple[str, str]
) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    active = reg.active_version("toxicity")
    version, _ = tiny

    out = runner.invoke(app, ["models", "promote", version, "-d", "seed:toxicity", *FAST], env=env)

    assert out.exit_code == 1
    for text in ("active", "candidate", "difference [95%]", "macro-F1", "F1 HATE", "FAIL"):
        assert text in out.stdout, text
    assert "failing: seed:toxicity macro-F1: active" in out.stdout
    assert f"{version} refused" in out.output and f"gate_{active}.md" in out.output
    assert reg.active_version("toxicity") == active
    assert reg.gate_record(version)["passed"] is False  # type: ignore[index]


def test_promote_activates_a_version_that_holds_and_respects_tolerance(
    env: dict[str, str], tiny: tuple[str, str]
) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    version, own_data = tiny
    refused = runner.invoke(
        app, ["models", "activate", version, "-d", "seed:toxicity", *FAST], env=env
    )
    assert refused.exit_code == 1
    drops = [-f["diff"] for f in reg.gate_record(version)["failing"]]  # type: ignore[index]
    assert max(drops) < 0.98

    loose = f"{max(drops) + 0.01:.3f}"
    args = [
        "models",
        "promote",
        version,
        "-d",
        "seed:toxicity",
        "--tolerance",
        loose,
        "--check-only",
    ]
    out = runner.invoke(app, [*args, *FAST], env=env)
    assert out.exit_code == 0, out.output
    assert f"{version} may be activated" in out.stdout and "FAIL" not in out.stdout
    assert reg.active_version("toxicity") != version

    out = runner.invoke(app, ["models", "promote", version, "-d", own_data, *FAST], env=env)
    assert out.exit_code == 0, out.output
    assert "pass" in out.stdout and f"active version is now {version}" in out.stdout
    assert reg.active_version("toxicity") == version
    last = _history(env)[-1]
    assert last["gated"] is True and str(last["by"]).startswith("cli:")


def test_activate_accepts_a_recorded_gate_and_refuses_without_one(
    env: dict[str, str], tiny: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    version, own_data = tiny
    monkeypatch.setattr("training.gate.benchmark_specs", lambda task: [])  # no recipe data

    out = runner.invoke(app, ["models", "activate", version], env=env)
    assert out.exit_code == 1
    assert "no evaluation data" in out.output and "--force --reason" in out.output

    args = ["models", "promote", version, "--data", own_data, "--check-only", *FAST]
    assert runner.invoke(app, args, env=env).exit_code == 0
    out = runner.invoke(app, ["models", "activate", version, "--reason", "better recall"], env=env)
    assert out.exit_code == 0, out.output
    assert "recorded gate passed" in out.stdout and reg.active_version("toxicity") == version
    change = read_changes(reg.root, task="toxicity", limit=1)[0]
    assert (change["version"], change["reason"]) == (version, "better recall")
    assert str(change["by"]).startswith("cli:")


def test_activate_force_needs_a_reason_and_is_recorded(
    env: dict[str, str], tiny: tuple[str, str]
) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    version, _ = tiny
    before = reg.active_version("toxicity")

    out = runner.invoke(app, ["models", "activate", version, "--force"], env=env)
    assert out.exit_code == 1 and "needs a reason" in out.output
    out = runner.invoke(app, ["models", "activate", version, "--reason", "why"], env=env)
    assert out.exit_code == 1 and "--force" in out.output  # a reason alone does not skip the gate
    assert reg.active_version("toxicity") == before

    args = ["models", "activate", version, "--force", "--reason", "hotfix: seed flags greetings"]
    out = runner.invoke(app, args, env=env)

    assert out.exit_code == 0, out.output
    assert reg.active_version("toxicity") == version
    last = _history(env)[-1]
    assert (last["forced"], last["reason"]) == (True, "hotfix: seed flags greetings")
    assert str(last["by"]).startswith("cli:") and last["previous"] == before
    out = runner.invoke(app, ["models", "rollback", "--task", "toxicity"], env=env)
    assert out.exit_code == 0 and reg.active_version("toxicity") == before
    assert _history(env)[-1]["gated"] is False  # rollback is recorded as ungated


def test_train_activate_goes_through_the_gate(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    before = reg.active_version("toxicity")
    data = tmp_path / "train.csv"
    data.write_text("text,label\n" + "hay quá,CLEAN\nđồ ngu,OFFENSIVE\nbắc kỳ chó,HATE\n" * 4)
    train = ["train", "--data", f"csv:{data}", "--set", "min_df=1", "--activate"]

    monkeypatch.setattr("training.gate.benchmark_specs", lambda task: [])
    out = runner.invoke(app, train, env=env)
    assert out.exit_code == 1
    version = out.stdout.strip().splitlines()[-1]
    assert "no evaluation data" in out.output and "is registered but not active" in out.output
    assert f"vimod models promote {version}" in out.output and "--force --reason" in out.output
    assert reg.active_version("toxicity") == before and reg.manifest(version)

    monkeypatch.setattr("training.gate.benchmark_specs", lambda task: ["vihsd:test"])
    out = runner.invoke(app, train, env=env)  # VIMOD_DATA_DIR holds no vihsd
    assert out.exit_code == 1 and "gate data: data file not found" in out.output

    monkeypatch.setattr("training.gate.benchmark_specs", lambda task: ["seed:toxicity"])
    out = runner.invoke(app, train, env=env)
    assert out.exit_code == 1 and "refused" in out.output and "FAIL" in out.stdout
    assert reg.active_version("toxicity") == before


def test_card_prints_and_rewrites_the_model_card(
    env: dict[str, str], tiny: tuple[str, str]
) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    version, _ = tiny
    (reg.path(version) / "MODEL_CARD.md").unlink()

    out = runner.invoke(app, ["models", "card", version], env=env)
    assert out.exit_code == 0, out.output
    assert out.stdout.startswith(f"# Model card: toxicity {version}")
    assert not (reg.path(version) / "MODEL_CARD.md").exists()

    out = runner.invoke(app, ["models", "card", version, "--write"], env=env)
    assert out.exit_code == 0, out.output
    card = reg.path(version) / "MODEL_CARD.md"
    assert out.stdout.strip() == str(card) and "## Limits" in card.read_text("utf-8")


@pytest.mark.parametrize("value", ["abc", "f1:HATE=x", "f1:SPAM=0.1", "1.5"])
def test_bad_tolerances_are_refused_in_one_line(
    env: dict[str, str], tiny: tuple[str, str], value: str
) -> None:
    version, own_data = tiny
    args = ["models", "promote", version, "-d", own_data, "--tolerance", value, *FAST]

    out = runner.invoke(app, args, env=env)

    assert out.exit_code == 1 and "tolerance" in out.output and "Traceback" not in out.output
