"""The ``vimod`` command line, end to end on the seed registry."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from models.registry import Registry
from tests.broken_model import break_predict

runner = CliRunner()
# these versions are trained on twelve posts: past the promotion gate only by force
FORCE = ["--force", "--reason", "test"]


@pytest.fixture
def env(registry_dir: Path, tmp_path: Path) -> dict[str, str]:
    return {
        "VIMOD_REGISTRY_DIR": str(registry_dir),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "VIMOD_DATA_DIR": str(tmp_path),
    }


def test_train_evaluate_activate_rollback(env: dict[str, str], tmp_path: Path) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    before = reg.active_version("toxicity")
    data = tmp_path / "train.csv"
    data.write_text(
        "text,label\n" + "hay quá,CLEAN\nđồ ngu,OFFENSIVE\nbắc kỳ chó,HATE\n" * 4, "utf-8"
    )
    out = runner.invoke(
        app, ["train", "--data", f"csv:{data}", "--set", "min_df=1", "--set", "C=2"], env=env
    )
    assert out.exit_code == 0, out.output
    version = out.output.strip().splitlines()[-1]
    assert reg.manifest(version).config["C"] == 2
    out = runner.invoke(app, ["evaluate", version, "--data", f"csv:{data}"], env=env)
    assert out.exit_code == 0, out.output
    assert "macro-F1" in out.output
    assert (reg.path(version) / "reports").is_dir()
    assert runner.invoke(app, ["models", "activate", version, *FORCE], env=env).exit_code == 0
    assert reg.active_version("toxicity") == version
    listing = runner.invoke(app, ["models", "list", "--task", "toxicity"], env=env)
    assert version[:12] in listing.output
    out = runner.invoke(app, ["models", "rollback", "--task", "toxicity"], env=env)
    assert out.exit_code == 0, out.output
    assert reg.active_version("toxicity") == before


def test_errors_are_one_line_and_exit_1(env: dict[str, str]) -> None:
    out = runner.invoke(app, ["models", "activate", "no-such-version"], env=env)
    assert out.exit_code == 1
    assert "NotFound" in out.output
    out = runner.invoke(app, ["train", "--data", "nosuch:train"], env=env)
    assert out.exit_code == 1 and "unknown dataset" in out.output


def _train_version(env: dict[str, str], tmp_path: Path) -> str:
    data = tmp_path / "train.csv"
    data.write_text("text,label\n" + "hay quá,CLEAN\nđồ ngu,OFFENSIVE\nbắc kỳ chó,HATE\n" * 4)
    out = runner.invoke(app, ["train", "--data", f"csv:{data}", "--set", "min_df=1"], env=env)
    assert out.exit_code == 0, out.output
    return out.output.strip().splitlines()[-1]


def test_activate_refuses_a_version_that_cannot_predict(
    env: dict[str, str], tmp_path: Path
) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    before = reg.active_version("toxicity")
    version = _train_version(env, tmp_path)
    break_predict(reg.path(version))

    out = runner.invoke(app, ["models", "activate", version, *FORCE], env=env)

    assert out.exit_code == 1
    assert version in out.output and "smoke prediction failed" in out.output
    assert "Traceback" not in out.output
    assert reg.active_version("toxicity") == before


@pytest.mark.parametrize("task", ["../../x", "nope", "toxicity/.."])
@pytest.mark.parametrize("command", [["models", "rollback"], ["models", "list"]])
def test_task_options_refuse_unknown_tasks(
    env: dict[str, str], command: list[str], task: str
) -> None:
    out = runner.invoke(app, [*command, "--task", task], env=env)

    assert out.exit_code == 1
    assert out.output.count("\n") == 1, out.output
    assert "unknown task" in out.output and "Traceback" not in out.output


def test_rollback_twice_steps_back_twice(env: dict[str, str], tmp_path: Path) -> None:
    reg = Registry(env["VIMOD_REGISTRY_DIR"])
    seed = reg.active_version("toxicity")
    first, second = _train_version(env, tmp_path), _train_version(env, tmp_path)
    for version in (first, second):
        assert runner.invoke(app, ["models", "activate", version, *FORCE], env=env).exit_code == 0

    outputs = [
        runner.invoke(app, ["models", "rollback", "--task", "toxicity"], env=env) for _ in "12"
    ]

    assert [o.exit_code for o in outputs] == [0, 0]
    assert first in outputs[0].output and seed is not None and seed in outputs[1].output
    assert reg.active_version("toxicity") == seed


def test_classify_file_csv_and_jsonl(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "posts.csv"
    src.write_text("text,extra\nđồ ngu như bò,1\ncảm ơn bạn nhiều,2\n", "utf-8")
    out_csv = tmp_path / "out.csv"
    res = runner.invoke(app, ["classify", str(src), "-o", str(out_csv)], env=env)
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert [r["extra"] for r in rows] == ["1", "2"]
    assert (
        rows[0]["toxicity_label"] in {"OFFENSIVE", "HATE"} and rows[1]["toxicity_label"] == "CLEAN"
    )
    assert rows[0]["misinformation_label"] in {"RELIABLE", "UNRELIABLE"}
    assert rows[0]["toxicity_flagged_labels"] and rows[1]["toxicity_flagged_labels"] == ""
    out_jsonl = tmp_path / "out.jsonl"
    res = runner.invoke(
        app, ["classify", str(src), "-o", str(out_jsonl), "--task", "toxicity"], env=env
    )
    assert res.exit_code == 0, res.output
    first = json.loads(out_jsonl.read_text("utf-8").splitlines()[0])
    assert set(first["categories"]) == {"toxicity"}
    assert abs(sum(first["categories"]["toxicity"]["scores"].values()) - 1) < 1e-3
    toxic = first["categories"]["toxicity"]
    assert toxic["flagged"] is True and toxic["flagged_labels"]
    assert set(toxic["flagged_labels"]) <= {"OFFENSIVE", "HATE"}


def test_classify_marks_skips_or_rejects_unsupported_languages(
    env: dict[str, str], tmp_path: Path
) -> None:
    src = tmp_path / "posts.csv"
    src.write_text("text\n这个视频太搞笑了哈哈哈\nko bit j lun a oi\n", "utf-8")
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["classify", str(src), "-o", str(out)], env=env)
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["language"], r["language_supported"]) for r in rows] == [
        ("zh", "False"),
        ("vi", "True"),
    ]
    assert all(r["toxicity_label"] for r in rows)  # scored anyway by default

    out_jsonl = tmp_path / "out.jsonl"
    args = ["classify", str(src), "-o", str(out_jsonl), "--unsupported", "skip"]
    res = runner.invoke(app, args, env=env)
    assert res.exit_code == 0, res.output
    skipped, kept = (json.loads(line) for line in out_jsonl.read_text("utf-8").splitlines())
    assert skipped["skipped"] == "language_not_supported"
    assert skipped["flagged"] is None and skipped["categories"] is None
    assert kept["skipped"] is None and set(kept["categories"]) == {"toxicity", "misinformation"}

    args = ["classify", str(src), "-o", str(out), "--unsupported", "reject"]
    res = runner.invoke(app, args, env=env)
    assert res.exit_code == 1 and "LanguageNotSupported" in res.output
    assert "rows[0] (zh)" in res.output


def test_classify_reports_missing_column(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "posts.csv"
    src.write_text("body\nxin chào\n", "utf-8")
    res = runner.invoke(app, ["classify", str(src), "-o", str(tmp_path / "o.csv")], env=env)
    assert res.exit_code == 1 and "column 'text'" in res.output


def test_feedback_export_roundtrips_into_training(env: dict[str, str], tmp_path: Path) -> None:
    from service.db import make_engine, session_factory, upgrade_database
    from service.identity import Principal, Role
    from service.store import record_feedback

    url = env["VIMOD_DATABASE_URL"]
    upgrade_database(url)
    engine = make_engine(url)
    author = Principal(
        key_id="0123456789abcdef",
        tenant_id="default",
        subject_id="s-1",
        subject_name="m",
        role=Role.moderator,
    )
    with session_factory(engine)() as s:
        for text, label in [
            ("đồ ngu", "OFFENSIVE"),
            ("hay quá", "CLEAN"),
            ("bắc kỳ chó", "HATE"),
        ] * 2:
            record_feedback(session=s, author=author, task="toxicity", label=label, text=text)
    engine.dispose()
    out = tmp_path / "fb.jsonl"
    res = runner.invoke(app, ["feedback", "export", "-o", str(out)], env=env)
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert len(lines) == 6 and {x["label"] for x in lines} == {"OFFENSIVE", "CLEAN", "HATE"}
    res = runner.invoke(
        app, ["train", "--data", "seed:toxicity", "--data", f"feedback:{out}"], env=env
    )
    assert res.exit_code == 0, res.output
    version = res.output.strip().splitlines()[-1]
    assert "feedback:" in " ".join(
        Registry(env["VIMOD_REGISTRY_DIR"]).manifest(version).training["datasets"]
    )


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """Settings without a registry: for commands that must fail before touching one."""
    return {
        "VIMOD_REGISTRY_DIR": str(tmp_path / "registry"),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "VIMOD_DATA_DIR": str(tmp_path),
    }


@pytest.mark.parametrize("command", ["train", "crossval"])
@pytest.mark.parametrize(
    ("setting", "fragment"),
    [
        ("knnn=5", "unknown baseline config key knnn (did you mean knn?); known keys: "),
        ("C=abc", "bad baseline config value: C='abc': Input should be a valid number"),
        ("text.segmnt=true", "unknown baseline config key text.segmnt"),
    ],
)
def test_config_typos_and_wrong_types_exit_1_on_one_line(
    bare_env: dict[str, str], command: str, setting: str, fragment: str
) -> None:
    # the dataset does not exist: the config must be refused before the data is read
    args = [command, "--data", "csv:/nonexistent.csv", "--set", setting]
    out = runner.invoke(app, args, env=bare_env)

    assert out.exit_code == 1
    assert out.output.count("\n") == 1, out.output
    assert fragment in out.output and "Traceback" not in out.output
    assert not Path(bare_env["VIMOD_REGISTRY_DIR"]).exists()


def test_nested_setting_trains_and_is_recorded(bare_env: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "train.csv"
    data.write_text("text,label\n" + "hay quá,CLEAN\nđồ ngu,OFFENSIVE\nbắc kỳ chó,HATE\n" * 4)
    args = ["train", "--data", f"csv:{data}", "--set", "min_df=1", "--set", "text.teencode=false"]
    out = runner.invoke(app, args, env=bare_env)

    assert out.exit_code == 0, out.output
    manifest = Registry(bare_env["VIMOD_REGISTRY_DIR"]).manifest(out.output.split()[-1])
    assert manifest.config["text"] == {"lowercase": True, "teencode": False, "segment": False}
    assert "knnn" not in manifest.config and manifest.config["knn"] == 0


def test_train_help_lists_every_config_key(bare_env: dict[str, str]) -> None:
    from models.configs import CONFIGS, known_keys

    out = runner.invoke(app, ["train", "--help"], env={**bare_env, "COLUMNS": "200"})

    assert out.exit_code == 0
    for cls in CONFIGS.values():
        for key in known_keys(cls):
            assert f"  {key}=" in out.output, key
    assert "text.segment=false: join compounds" in out.output


def test_models_list_shows_whole_ids_at_any_width_and_as_json(
    bare_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "train.csv"
    data.write_text("text,label\n" + "hay quá,CLEAN\nđồ ngu,OFFENSIVE\nbắc kỳ chó,HATE\n" * 4)
    args = ["train", "--data", f"csv:{data}", "--set", "min_df=1", "--activate"]
    version = runner.invoke(app, args, env=bare_env).output.split()[-1]
    Registry(bare_env["VIMOD_REGISTRY_DIR"]).update_metrics(
        version, "dev", {"n": 12, "macro_f1": 0.5, "accuracy": 0.6, "per_label": {}}
    )

    for width in ("30", "80", "200"):
        out = runner.invoke(app, ["models", "list"], env={**bare_env, "COLUMNS": width})
        assert out.exit_code == 0, out.output
        assert version in out.output, f"width {width}:\n{out.output}"
        assert "…" not in out.output

    out = runner.invoke(app, ["models", "list", "--json"], env=bare_env)
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == [
        {
            "version": version,
            "task": "toxicity",
            "kind": "baseline",
            "active": True,
            "created_at": Registry(bare_env["VIMOD_REGISTRY_DIR"]).manifest(version).created_at,
            "metrics": {"dev": {"n": 12, "macro_f1": 0.5, "accuracy": 0.6}},
        }
    ]
