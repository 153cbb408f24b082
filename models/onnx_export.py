"""Export a registered PhoBERT version to ONNX (optionally int8) and prove parity.

The export lands in ``<version>/onnx/``; ``models.phobert.load`` serves it when the engine is
``onnx`` or ``auto``. Because ``auto`` picks up whatever is there, an export that fails its
parity check is deleted rather than left for the server to find.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from models.errors import InputError, RegistryError
from models.phobert import PhobertClassifier, load
from models.phobert_engines import ONNX_DIR, ONNX_FP32, ONNX_INT8, OnnxEngine
from models.registry import Manifest
from models.tasks import TASKS

log = logging.getLogger(__name__)

REPORT_FILE = "export.json"
# Max |p_onnx - p_torch| over the samples. fp32 differs only by kernel rounding; dynamic
# int8 moves probabilities by ~1e-2 on a trained model, so more than 0.1 means it is broken.
TOLERANCE = {"fp32": 1e-3, "int8": 0.1}


@dataclass
class ExportReport:
    """What ``export_onnx`` wrote and how closely it matches torch."""

    version: str
    path: str
    int8: bool
    n_samples: int
    max_abs_diff: float
    mean_abs_diff: float
    label_agreement: float
    tolerance: float
    size_mb: float
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def export_onnx(
    version_dir: Path,
    *,
    int8: bool,
    sample_texts: Sequence[str],
    tolerance: float | None = None,
) -> ExportReport:
    """Export ``version_dir`` (a registered ``phobert`` version) and check it against torch.

    Args:
        version_dir: the version's directory in the registry.
        int8: also write ``model.int8.onnx`` (dynamic int8 quantisation of the MatMuls),
            which ``auto`` then prefers.
        sample_texts: raw posts scored by both engines for the parity check.
        tolerance: max allowed abs probability difference (default ``TOLERANCE``).

    Returns:
        The parity report, also written to ``onnx/export.json``.

    Raises:
        RegistryError: not a phobert version, or the export misses the tolerance.
    """
    manifest = Manifest.read(version_dir)
    if manifest.kind != "phobert":
        raise RegistryError(f"{manifest.version} is a {manifest.kind} model; only phobert exports")
    texts = [t for t in sample_texts if t.strip()]
    if not texts:
        raise InputError("export-onnx needs at least one non-empty sample text")
    start = time.perf_counter()
    task = TASKS[manifest.task]
    reference = load(version_dir, task, manifest.config, {"engine": "torch", "device": "cpu"})
    tmp = Path(tempfile.mkdtemp(dir=version_dir, prefix=".onnx-"))
    try:
        _export_fp32(reference, tmp / ONNX_FP32)
        target = tmp / ONNX_FP32
        if int8:
            _quantize(tmp / ONNX_FP32, tmp / ONNX_INT8)
            target = tmp / ONNX_INT8
        exported = PhobertClassifier(task, manifest.config, reference.tokenizer, OnnxEngine(target))
        p_ref = reference.predict_proba(texts)
        p_onnx = exported.predict_proba(texts)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    diff = np.abs(p_ref - p_onnx)
    limit = tolerance if tolerance is not None else TOLERANCE["int8" if int8 else "fp32"]
    report = ExportReport(
        version=manifest.version,
        path=str(version_dir / ONNX_DIR / target.name),
        int8=int8,
        n_samples=len(texts),
        max_abs_diff=float(diff.max()),
        mean_abs_diff=float(diff.mean()),
        label_agreement=float((p_ref.argmax(1) == p_onnx.argmax(1)).mean()),
        tolerance=limit,
        size_mb=round(target.stat().st_size / 2**20, 1),
        seconds=round(time.perf_counter() - start, 1),
    )
    if report.max_abs_diff > limit:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RegistryError(
            f"ONNX export of {manifest.version} fails parity: max |Δp| "
            f"{report.max_abs_diff:.4g} > {limit:g} on {len(texts)} texts; nothing was kept"
        )
    (tmp / REPORT_FILE).write_text(json.dumps(report.to_dict(), indent=2), "utf-8")
    final = version_dir / ONNX_DIR
    if final.exists():
        shutil.rmtree(final)
    tmp.rename(final)
    log.info("exported %s: max |Δp| %.3g", report.path, report.max_abs_diff)
    return report


def _export_fp32(model: PhobertClassifier, path: Path) -> None:
    """Trace the torch module with dynamic batch and sequence axes (opset 17)."""
    import torch

    module = model.engine.model  # type: ignore[attr-defined]

    class _Logits(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = module

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    # Two rows, one padded, so no size-1 axis or mask-free path is baked into the trace.
    ids = torch.tensor([[0, 5, 6, 7, 8, 9, 10, 2], [0, 5, 6, 2, 1, 1, 1, 1]])
    wrapper = _Logits().eval()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # TracerWarnings on shape checks that are constant here
        torch.onnx.export(
            wrapper,
            (ids, (ids != 1).long()),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,  # the torch.export path needs onnxscript; the tracer is enough here
        )
    module.eval()  # export restores the wrapper's (training) mode onto the module


def _quantize(source: Path, target: Path) -> None:
    """Dynamic int8: weights quantised offline, activations per batch at run time."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8)
