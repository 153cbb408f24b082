"""``vimod classify`` file formats (Parquet beside CSV/JSONL) and their one-line errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()


@pytest.fixture
def env(registry_dir: Path, tmp_path: Path) -> dict[str, str]:
    return {
        "VIMOD_REGISTRY_DIR": str(registry_dir),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
    }


def test_parquet_round_trip_keeps_types(env: dict[str, str], tmp_path: Path) -> None:
    src, out = tmp_path / "posts.parquet", tmp_path / "out.parquet"
    rows = [
        {"text": "这个视频太搞笑了哈哈哈", "n": 1},
        {"text": "đồ ngu như bò", "n": 2},
        {"text": "cảm ơn bạn nhiều", "n": 3},
    ]
    pq.write_table(pa.Table.from_pylist(rows), src)

    args = ["classify", str(src), "-o", str(out), "--unsupported", "skip"]
    res = runner.invoke(app, args, env=env)

    assert res.exit_code == 0, res.output
    table = pq.read_table(out)
    got = table.to_pylist()
    assert [r["n"] for r in got] == [1, 2, 3] and table.schema.field("n").type == pa.int64()
    # the skipped first row has no scores, yet its columns exist (null) for the later rows
    assert got[0]["skipped"] == "language_not_supported" and got[0]["toxicity_label"] is None
    assert got[1]["skipped"] is None and got[1]["toxicity_flagged"] is True
    assert got[2]["toxicity_label"] == "CLEAN" and got[2]["toxicity_flagged_labels"] == []
    assert set(got[1]["toxicity_flagged_labels"]) <= {"OFFENSIVE", "HATE"}
    assert got[1]["toxicity_flagged_labels"]
    scores = [got[1][f"toxicity_{label}"] for label in ("CLEAN", "OFFENSIVE", "HATE")]
    assert all(isinstance(s, float) for s in scores) and abs(sum(scores) - 1) < 1e-3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("posts.txt", "xin chào\n", "unknown extension '.txt'"),
        ("posts.csv", "", "has no rows"),
        ("posts.csv", "text,extra\n", "has no rows"),
        ("posts.jsonl", "", "has no rows"),
        ("posts.csv", "body\nxin chào\n", "column 'text'"),
        ("posts.parquet", b"PAR1 not really", "not a readable Parquet file"),
    ],
)
def test_bad_inputs_fail_in_one_line(
    env: dict[str, str], tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    src = tmp_path / name
    if isinstance(content, bytes):
        src.write_bytes(content)
    else:
        src.write_text(content, "utf-8")

    res = runner.invoke(app, ["classify", str(src), "-o", str(tmp_path / "o.csv")], env=env)

    assert res.exit_code == 1 and message in res.output, res.output
    assert res.output.count("\n") == 1 and "Traceback" not in res.output


def test_parquet_without_the_text_column_is_refused(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "posts.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "xin chào"}]), src)

    res = runner.invoke(app, ["classify", str(src), "-o", str(tmp_path / "o.jsonl")], env=env)

    assert res.exit_code == 1 and "row 1: no text in column 'text'" in res.output


def test_unknown_output_extension_is_refused_before_scoring(
    env: dict[str, str], tmp_path: Path
) -> None:
    src = tmp_path / "posts.csv"
    src.write_text("text\nxin chào\n", "utf-8")

    res = runner.invoke(app, ["classify", str(src), "-o", str(tmp_path / "o.xlsx")], env=env)

    assert res.exit_code == 1 and "output o.xlsx: unknown extension '.xlsx'" in res.output


def test_ray_without_ray_installed_says_how_to_get_it(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if absent
    src = tmp_path / "posts.csv"
    src.write_text("text\nxin chào\n", "utf-8")

    res = runner.invoke(
        app, ["classify", str(src), "-o", str(tmp_path / "o.csv"), "--ray"], env=env
    )

    assert res.exit_code == 1 and "pip install 'vimod[ray]'" in res.output, res.output
    assert not (tmp_path / "o.csv").exists()


def test_num_cpus_is_for_a_local_cluster_only(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "posts.csv"
    src.write_text("text\nxin chào\n", "utf-8")
    args = ["classify", str(src), "-o", str(tmp_path / "o.csv")]

    res = runner.invoke(app, [*args, "--ray-address", "auto", "--num-cpus", "2"], env=env)

    assert res.exit_code == 1 and "--num-cpus sizes a local cluster" in res.output
