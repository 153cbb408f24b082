"""``vimod classify --ray`` on a local two-CPU Ray cluster gives the single-process results.

One Ray session serves the module (starting one takes ~10 s); each ``--ray`` run still starts
its own two actors, which load the models once each.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import ray
from typer.testing import CliRunner

from cli.main import app

SEED = Path(__file__).resolve().parents[2] / "training" / "seed"
runner = CliRunner()


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def env(seed_registry: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    db = tmp_path_factory.mktemp("ray-cli") / "cli.db"
    return {"VIMOD_REGISTRY_DIR": str(seed_registry), "VIMOD_DATABASE_URL": f"sqlite:///{db}"}


@pytest.fixture(scope="module")
def posts() -> list[dict[str, Any]]:
    """200 seed posts, a few in other languages (skipped), some with engagement metadata."""
    with open(SEED / "toxicity.csv", encoding="utf-8", newline="") as fh:
        texts = [r["text"] for r in csv.DictReader(fh)][:196]
    with open(SEED / "languages.csv", encoding="utf-8", newline="") as fh:
        texts += [r["text"] for r in csv.DictReader(fh) if r["lang"] in {"zh", "ru"}][:4]
    rows = [
        {"id": f"p{i}", "text": t, "likes": "" if i % 3 else str(i * 7)}
        for i, t in enumerate(texts)
    ]
    random.Random(7).shuffle(rows)
    return rows


def _write_input(path: Path, rows: list[dict[str, Any]]) -> None:
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    elif path.suffix == ".parquet":
        pq.write_table(pa.Table.from_pylist(rows), path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def _read_output(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames is not None
        return [{"_columns": list(reader.fieldnames), **r} for r in reader]


def _close(a: Any, b: Any) -> bool:
    """Equal, numbers to 1e-9 (CSV cells are compared as numbers where they parse)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str) and isinstance(b, str) and a != b:
        try:
            return math.isclose(float(a), float(b), rel_tol=0, abs_tol=1e-9)
        except ValueError:
            return False
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)
    return type(a) is type(b) and a == b


@pytest.mark.parametrize(
    ("suffix", "extra"),
    [(".csv", ["--explain", "--unsupported", "skip"]), (".jsonl", []), (".parquet", [])],
)
def test_ray_output_equals_single_process(
    ray_session: None,
    env: dict[str, str],
    posts: list[dict[str, Any]],
    tmp_path: Path,
    suffix: str,
    extra: list[str],
) -> None:
    src = tmp_path / f"posts{suffix}"
    _write_input(src, posts)
    single, on_ray = tmp_path / f"single{suffix}", tmp_path / f"ray{suffix}"

    res = runner.invoke(app, ["classify", str(src), "-o", str(single), *extra], env=env)
    assert res.exit_code == 0, res.output
    args = ["classify", str(src), "-o", str(on_ray), *extra, "--ray", "--batch-size", "64"]
    res = runner.invoke(app, args, env=env)
    assert res.exit_code == 0, res.output

    assert "ray: started in 0.0 s" in res.output  # the module's session, not a new one
    expected, got = _read_output(single), _read_output(on_ray)
    assert len(got) == len(posts)
    assert [r["id"] for r in got] == [p["id"] for p in posts]  # input order
    assert all(_close(e, g) for e, g in zip(expected, got, strict=True))
    scored = [r for r in got if r.get("skipped") in (None, "")]
    assert scored and any(r.get("toxicity_spans") for r in scored) == (suffix == ".csv")
    if suffix == ".csv":  # --unsupported skip: the Chinese and Russian posts have no scores
        foreign = {f"p{i}" for i in range(196, 200)}  # appended last, before the shuffle
        assert foreign <= {r["id"] for r in got if r["skipped"] == "language_not_supported"}
