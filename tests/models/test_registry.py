"""The registry: versions, atomic activation, refusal of broken or incompatible versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.baseline import BaselineClassifier
from models.errors import NotFoundError, RegistryError
from models.registry import Manifest, Registry
from models.tasks import TOXICITY


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
    (reg.path(bad.version) / "baseline.joblib").write_bytes(b"not a model")
    with pytest.raises(RegistryError, match="cannot load"):
        reg.activate(bad.version)
    assert reg.active_version("toxicity") == good.version


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
    with pytest.raises(NotFoundError):
        reg.path("nope")
    with pytest.raises(NotFoundError):
        reg.path("../etc")


def test_rollback(reg: Registry) -> None:
    first = reg.save(_model(), data_fingerprint="f", activate=True)
    second = reg.save(_model(), data_fingerprint="f", activate=True)
    assert reg.active_version("toxicity") == second.version
    assert reg.rollback("toxicity").version == first.version
    assert reg.active_version("toxicity") == first.version


def test_rollback_without_history(reg: Registry) -> None:
    with pytest.raises(RegistryError):
        reg.rollback("toxicity")


def test_update_metrics_and_listing(reg: Registry) -> None:
    a = reg.save(_model(), data_fingerprint="f")
    b = reg.save(_model(), data_fingerprint="g")
    reg.update_metrics(a.version, "vihsd:test", {"macro_f1": 0.6})
    assert Manifest.read(reg.path(a.version)).metrics["vihsd:test"]["macro_f1"] == 0.6
    assert [m.version for m in reg.versions("toxicity")] == sorted([a.version, b.version])
