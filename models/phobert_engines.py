"""Inference engines for PhoBERT: the same padded batch in, logits out.

``PhobertClassifier`` does tokenisation, windows and bucketing once, in numpy; an engine
only runs the network. That keeps torch and ONNX Runtime interchangeable at serve time
(``VIMOD_ENGINE``) and makes their parity a one-line comparison.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from models.errors import RegistryError

ONNX_DIR = "onnx"
ONNX_FP32 = "model.onnx"
ONNX_INT8 = "model.int8.onnx"


class Engine(Protocol):
    """Runs the network on one padded batch."""

    name: str

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        """``(batch, seq)`` int64 ids and mask → ``(batch, n_labels)`` float32 logits."""
        ...


def default_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class TorchEngine:
    """A transformers ``*ForSequenceClassification`` module (also the one being trained)."""

    name = "torch"

    def __init__(self, model: Any, device: str | None = None) -> None:
        self.model = model
        self.device = device or default_device()

    @classmethod
    def from_dir(cls, directory: Path, device: str | None = None) -> TorchEngine:
        from transformers import AutoModelForSequenceClassification

        device = device or default_device()
        model = AutoModelForSequenceClassification.from_pretrained(
            str(directory), local_files_only=True
        )
        return cls(model.to(device).eval(), device)

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        import torch

        with torch.inference_mode():
            out = self.model(
                input_ids=torch.from_numpy(input_ids).to(self.device),
                attention_mask=torch.from_numpy(attention_mask).to(self.device),
            )
        return out.logits.float().cpu().numpy()


class OnnxEngine:
    """An ONNX Runtime session over ``onnx/model[.int8].onnx`` (see ``models.onnx_export``)."""

    name = "onnx"

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Idle intra-op threads would spin-wait for work; on a CPU shared with the web
        # server, tokenisation and other processes that costs more than it saves
        # (measured: ~15% more posts/s without spinning on a loaded 2-core machine).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.path = path
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        feeds = {"input_ids": input_ids, "attention_mask": attention_mask}
        return np.asarray(self.session.run(["logits"], feeds)[0], dtype=np.float32)


def find_onnx(directory: Path) -> Path | None:
    """The exported model a version serves with: int8 if present, else fp32, else ``None``."""
    for name in (ONNX_INT8, ONNX_FP32):
        path = directory / ONNX_DIR / name
        if path.is_file():
            return path
    return None


def read_model_config(directory: Path) -> dict[str, Any]:
    """The checkpoint's ``config.json`` as a dict (no torch needed, so ONNX serving skips it)."""
    try:
        data = json.loads((directory / "config.json").read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RegistryError(f"{directory.name}: unreadable config.json: {exc}") from None
    if not isinstance(data, dict):
        raise RegistryError(f"{directory.name}: config.json is not an object")
    return data
