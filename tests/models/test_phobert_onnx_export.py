"""ONNX export of a registered PhoBERT version: parity, int8, and nothing left on failure."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models.errors import RegistryError
from models.registry import Manifest, Registry
from models.tasks import TOXICITY
from tests.tiny_phobert import corpus, long_text

pytest.importorskip("torch")
pytest.importorskip("onnxruntime")

from models.onnx_export import export_onnx
from models.phobert import PhobertClassifier
from models.phobert_engines import TorchEngine
from models.phobert_tokenizer import FastPhobertTokenizer

pytestmark = pytest.mark.slow

SAMPLES = [*corpus(30, seed=21), long_text(60, marker_at_end=True), "", "ok"]


@pytest.fixture(scope="module")
def registered(
    tiny_phobert_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Registry, str]:
    """The tiny checkpoint with a seeded, more-than-random head, registered as a version."""
    import torch
    from transformers import AutoModelForSequenceClassification

    torch.manual_seed(1)
    module = AutoModelForSequenceClassification.from_pretrained(str(tiny_phobert_dir), num_labels=3)
    with torch.no_grad():  # spread the scores so parity is measured on non-flat outputs
        module.classifier.out_proj.weight.mul_(40)
    model = PhobertClassifier(
        TOXICITY,
        {},
        FastPhobertTokenizer.build(tiny_phobert_dir),
        TorchEngine(module.eval(), "cpu"),
    )
    reg = Registry(tmp_path_factory.mktemp("onnx-registry"))
    return reg, reg.save(model, data_fingerprint="sha256:test").version


def test_fp32_export_matches_torch(registered: tuple[Registry, str]) -> None:
    reg, version = registered
    report = export_onnx(reg.path(version), int8=False, sample_texts=SAMPLES)
    assert report.max_abs_diff < 1e-4
    assert report.label_agreement == 1.0
    written = json.loads((reg.path(version) / "onnx" / "export.json").read_text())
    assert written["max_abs_diff"] == report.max_abs_diff
    torch_model, _ = reg.load(version, {"engine": "torch"})
    onnx_model, _ = reg.load(version, {"engine": "onnx"})
    assert onnx_model.engine.name == "onnx"  # type: ignore[attr-defined]
    np.testing.assert_allclose(
        onnx_model.predict_proba(SAMPLES), torch_model.predict_proba(SAMPLES), atol=1e-4
    )


def test_int8_export_is_preferred_by_auto(registered: tuple[Registry, str]) -> None:
    reg, version = registered
    report = export_onnx(reg.path(version), int8=True, sample_texts=SAMPLES)
    assert report.path.endswith("model.int8.onnx")
    assert report.max_abs_diff <= report.tolerance
    auto, _ = reg.load(version)
    assert auto.engine.path.name == "model.int8.onnx"  # type: ignore[attr-defined]
    assert reg.load(version, {"engine": "torch"})[0].engine.name == "torch"  # type: ignore[attr-defined]


def test_failed_parity_keeps_nothing_new(registered: tuple[Registry, str]) -> None:
    reg, version = registered
    export_onnx(reg.path(version), int8=False, sample_texts=SAMPLES)  # a good export to keep
    before = sorted(p.name for p in (reg.path(version) / "onnx").iterdir())
    with pytest.raises(RegistryError, match="fails parity"):
        export_onnx(reg.path(version), int8=True, sample_texts=SAMPLES, tolerance=0.0)
    assert sorted(p.name for p in (reg.path(version) / "onnx").iterdir()) == before
    assert not [p for p in reg.path(version).iterdir() if p.name.startswith(".onnx-")]


def test_only_phobert_versions_export(tmp_path: Path) -> None:
    Manifest(
        version="v1",
        task="toxicity",
        kind="baseline",
        labels=list(TOXICITY.labels),
        config={},
        data_fingerprint="",
        created_at="",
    ).write(tmp_path)
    with pytest.raises(RegistryError, match="only phobert"):
        export_onnx(tmp_path, int8=False, sample_texts=["x"])
