"""The registry: versions, atomic activation, refusal of broken or incompatible versions."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.baseline import BaselineClassifier
from models.baseline_io import MODEL_FILE
from models.errors import InputError, NotFoundError, RegistryError
from models.registry import Manifest, Registry
from models.tasks import TOXICITY
from tests.broken_model import break_predict


def _model() -> BaselineClassifier:
    texts = ["hay quá", "đồ ngu", "bắc kỳ chó"] * 3
    return BaselineClassifier(TOXICITY, {"min_df": 1}).fit(
        texts, ["CLEAN", "OFFENSIVE", "HATE"] * 3
    )


@pytest.fixture
def reg(tmp_path: Path) -> Registry:
    return Registry(tmp_path / "reg")


def test_save_writes_a_self_describing_version(reg: Registry) -> None:
    m = reg.save(_model(), data_fingerprint="sha256:x", metrics={"dev": {"macro_f1": 0.5}})
    data = json.loads((reg.path(m.version) / "manifest.json").read_text())
    assert data["task"] == "toxicity" and data["kind"] == "baseline"
    assert data["labels"] == ["CLEAN", "OFFENSIVE", "HATE"]
    assert data["data_fingerprint"] == "sha256:x" and data["code_version"]
    assert data["created_at"] and data["metrics"]["dev"]["macro_f1"] == 0.5
    assert reg.active_version("toxicity") is None
    assert not list((reg.root / "toxicity").glob(".tmp-*"))


def test_activate_and_load(reg: Registry) -> None:
    m = reg.save(_model(), data_fingerprint="f", activate=True)
    assert reg.active_version("toxicity") == m.version
    found = reg.load_active("toxicity")
    assert found is not None
    model, manifest = found
    assert manifest.version == m.version
    assert model.predict_proba(["đồ ngu"]).shape == (1, 3)


def test_broken_version_is_refused_and_active_stays(reg: Registry) -> None:
    good = reg.save(_model(), data_fingerprint="f", activate=True)
    bad = reg.save(_model(), data_fingerprint="f")
    (reg.path(bad.version) / MODEL_FILE).write_bytes(b"not a model")
    with pytest.raises(RegistryError, match="cannot load"):
        reg.activate(bad.version)
    assert reg.active_version("toxicity") == good.version


def test_a_version_that_loads_but_cannot_predict_is_refused(reg: Registry) -> None:
    good = reg.save(_model(), data_fingerprint="f", activate=True)
    bad = reg.save(_model(), data_fingerprint="f")
    break_predict(reg.path(bad.version))

    with pytest.raises(RegistryError, match=f"{bad.version}: smoke prediction failed"):
        reg.activate(bad.version)
    with pytest.raises(RegistryError, match=f"{bad.version}: smoke prediction failed"):
        reg.load(bad.version)

    assert reg.active_version("toxicity") == good.version
    assert len((reg.root / "toxicity" / "history.jsonl").read_text().splitlines()) == 1


def test_incompatible_labels_are_refused(reg: Registry) -> None:
    m = reg.save(_model(), data_fingerprint="f")
    path = reg.path(m.version) / "manifest.json"
    data = json.loads(path.read_text())
    data["labels"] = ["OK", "BAD"]
    path.write_text(json.dumps(data))
    with pytest.raises(RegistryError, match="do not match"):
        reg.activate(m.version)


def test_future_schema_and_unknown_kind_are_refused(reg: Registry) -> None:
    m = reg.save(_model(), data_fingerprint="f")
    path = reg.path(m.version) / "manifest.json"
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "schema": 99}))
    with pytest.raises(RegistryError, match="newer"):
        reg.load(m.version)
    path.write_text(json.dumps({**data, "kind": "gpt"}))
    with pytest.raises(RegistryError, match="unknown model kind"):
        reg.load(m.version)


def test_unreadable_manifest(reg: Registry) -> None:
    m = reg.save(_model(), data_fingerprint="f")
    (reg.path(m.version) / "manifest.json").write_text("{not json")
    with pytest.raises(RegistryError, match="unreadable"):
        reg.manifest(m.version)
    assert reg.versions() == []  # listed versions skip the broken one


def test_unknown_version(reg: Registry) -> None:
    with pytest.raises(NotFoundError, match="not found"):
        reg.path("20250101-000000-baseline-abcd")


@pytest.mark.parametrize(
    "version",
    [
        "nope",
        "../etc",
        ".tmp-abc",
        "",
        "20250101-000000-baseline-abcd/..",
        "20250101-000000-baseline-abcd\n",
        "20250101-000000-Baseline-abcd",
        "../toxicity/20250101-000000-baseline-abcd",
    ],
)
def test_malformed_version_ids_are_refused(reg: Registry, version: str) -> None:
    with pytest.raises(NotFoundError, match="invalid model version"):
        reg.path(version)
    with pytest.raises(NotFoundError, match="invalid model version"):
        reg.activate(version)


@pytest.mark.parametrize("task", ["../../x", "../toxicity", "nope", "", "toxicity/..", "/etc"])
def test_task_names_are_validated_everywhere(tmp_path: Path, task: str) -> None:
    reg = Registry(tmp_path / "a" / "b")
    outside = tmp_path / "x"
    outside.mkdir()
    (outside / "ACTIVE").write_text("20250101-000000-baseline-abcd\n")
    (outside / "history.jsonl").write_text('{"version": "20250101-000000-baseline-abcd"}\n')

    for call in (reg.active_version, reg.rollback, reg.versions, reg.load_active):
        with pytest.raises(InputError, match="unknown task"):
            call(task)


def _walk(root: Path) -> Iterator[tuple[Path, int]]:
    yield root, stat.S_IMODE(root.stat().st_mode)
    for path in root.rglob("*"):
        yield path, stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o077, 0o022, 0o000], ids=["umask077", "umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def test_everything_written_is_group_readable_and_closed_to_others(
    reg: Registry, umask: int
) -> None:
    first = reg.save(_model(), data_fingerprint="f", activate=True)
    reg.save(_model(), data_fingerprint="f", activate=True)
    reg.rollback("toxicity")
    reg.update_metrics(first.version, "dev", {"macro_f1": 0.5})

    written = dict(_walk(reg.root))

    assert {p.name for p in written} >= {"toxicity", "ACTIVE", "history.jsonl", "manifest.json"}
    assert any(p.name == MODEL_FILE for p in written)  # written by model.save
    for path, mode in written.items():
        expected = 0o2750 if path.is_dir() else 0o640
        assert mode == expected, f"{path} has mode {oct(mode)}, expected {oct(expected)}"


def test_rollback(reg: Registry) -> None:
    first = reg.save(_model(), data_fingerprint="f", activate=True)
    second = reg.save(_model(), data_fingerprint="f", activate=True)
    assert reg.active_version("toxicity") == second.version
    assert reg.rollback("toxicity").version == first.version
    assert reg.active_version("toxicity") == first.version


def test_rollback_steps_back_through_history(reg: Registry) -> None:
    a, b, c = (reg.save(_model(), data_fingerprint="f", activate=True) for _ in range(3))

    assert reg.rollback("toxicity").version == b.version
    assert reg.rollback("toxicity").version == a.version  # not back to c
    with pytest.raises(RegistryError, match="no earlier version"):
        reg.rollback("toxicity")
    assert reg.active_version("toxicity") == a.version

    d = reg.save(_model(), data_fingerprint="f", activate=True)
    assert reg.rollback("toxicity").version == a.version  # b and c were rolled back past

    entries = [
        json.loads(x)
        for x in (reg.root / "toxicity" / "history.jsonl").read_text().split("\n")
        if x
    ]
    assert [(e["action"], e["version"], e["previous"]) for e in entries] == [
        ("activate", a.version, None),
        ("activate", b.version, a.version),
        ("activate", c.version, b.version),
        ("rollback", b.version, c.version),
        ("rollback", a.version, b.version),
        ("activate", d.version, a.version),
        ("rollback", a.version, d.version),
    ]


def test_rollback_reads_history_written_before_actions(reg: Registry) -> None:
    a, b, c = (reg.save(_model(), data_fingerprint="f") for _ in range(3))
    task_dir = reg.root / "toxicity"
    old = [(a.version, None), (b.version, a.version), (c.version, b.version)]
    lines = [
        json.dumps({"at": "2025-01-01T00:00:00+00:00", "version": v, "previous": p}) for v, p in old
    ]
    (task_dir / "history.jsonl").write_text("\n".join([*lines, "not json"]) + "\n")
    (task_dir / "ACTIVE").write_text(c.version + "\n")

    assert reg.rollback("toxicity").version == b.version
    assert reg.rollback("toxicity").version == a.version


def test_rollback_refuses_a_broken_earlier_version(reg: Registry) -> None:
    first = reg.save(_model(), data_fingerprint="f", activate=True)
    second = reg.save(_model(), data_fingerprint="f", activate=True)
    break_predict(reg.path(first.version))

    with pytest.raises(RegistryError, match=f"{first.version}: smoke prediction failed"):
        reg.rollback("toxicity")
    assert reg.active_version("toxicity") == second.version


def test_rollback_without_history(reg: Registry) -> None:
    with pytest.raises(RegistryError):
        reg.rollback("toxicity")


def test_update_metrics_and_listing(reg: Registry) -> None:
    a = reg.save(_model(), data_fingerprint="f")
    b = reg.save(_model(), data_fingerprint="g")
    reg.update_metrics(a.version, "vihsd:test", {"macro_f1": 0.6})
    assert Manifest.read(reg.path(a.version)).metrics["vihsd:test"]["macro_f1"] == 0.6
    assert [m.version for m in reg.versions("toxicity")] == sorted([a.version, b.version])
