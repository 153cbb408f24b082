"""PhoBERT behind the ``Classifier`` contract, served by torch or ONNX Runtime.

Raw posts go through ``models.text.normalize`` with word segmentation (PhoBERT was
pre-trained on RDRSegmenter-segmented text; underthesea gives the same ``học_sinh`` form).
Case is kept (``lowercase=False``): PhoBERT's vocab is cased (``Việt_Nam`` and ``việt_nam``
are different entries) and its pre-training text was cased, so folding case would only
split proper nouns into more pieces. ``text.py`` ties teencode expansion to lower-casing,
so the default config (``models.configs.PhobertConfig``) turns teencode off explicitly;
``--set text.lowercase=true`` trains the other way.

``predict_proba`` then:

1. tokenises with the fast tokenizer (ids identical to ``PhobertTokenizer``'s);
2. cuts each text into windows of at most ``max_len - 2`` tokens, consecutive windows
   overlapping by ``stride`` tokens, each wrapped in ``<s> … </s>``: truncation is explicit
   and never relies on ``model_max_length``, and a slur at character 5,000 is still seen;
3. sorts all windows by length and runs them in sub-batches of ``infer_batch_size``, each
   padded (with pad id 1, which RoBERTa's position ids require) only to its own longest;
4. aggregates a text's windows by taking the row of the window with the highest
   non-benign probability (``1 - p[task.labels[0]]``). For a binary task this is exactly
   the per-label max of the harmful label; for several labels it keeps one coherent
   distribution, so rows still sum to 1.

The transformer sees text only. A version trained on posts with metadata (ReINTEL) also
carries a ``MetadataFusion`` (``fusion.joblib``), fitted by the trainer on posts held out
from fine-tuning. The fusion takes the window-aggregated log-probabilities
(``text_features``) and the post's metadata, and routes a text-only request to its text
branch, so text alone still works.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import joblib
import numpy as np

from models.base import PostMetadata
from models.configs import PhobertConfig
from models.errors import InputError, RegistryError
from models.metadata import MetadataFusion
from models.phobert_engines import (
    Engine,
    OnnxEngine,
    TorchEngine,
    find_onnx,
    read_model_config,
)
from models.phobert_tokenizer import BOS_ID, EOS_ID, PAD_ID, FastPhobertTokenizer
from models.tasks import Task
from models.text import normalize_many

log = logging.getLogger(__name__)

ENGINES = ("auto", "torch", "onnx")
FUSION_FILE = "fusion.joblib"


def check_architecture(model_config: Mapping[str, Any], n_labels: int, max_len: int) -> None:
    """Refuse a checkpoint that would silently mis-score: wrong pad id, too few positions.

    RoBERTa numbers positions from ``pad_token_id + 1`` and skips pads, so the pad id must
    be PhoBERT's 1 and a ``max_len`` window needs ``max_len + 2`` position embeddings.
    """
    pad_id = model_config.get("pad_token_id")
    if pad_id != PAD_ID:
        raise RegistryError(f"checkpoint pad_token_id is {pad_id}, PhoBERT's is {PAD_ID}")
    positions = int(model_config.get("max_position_embeddings", 0))
    if positions < max_len + 2:
        raise RegistryError(
            f"max_len {max_len} needs {max_len + 2} position embeddings; "
            f"the checkpoint has {positions}"
        )
    labels = model_config.get("id2label") or {}
    if labels and len(labels) != n_labels:
        raise RegistryError(f"checkpoint has {len(labels)} labels, the task has {n_labels}")


def windows(ids: np.ndarray, max_len: int, stride: int) -> list[np.ndarray]:
    """``<s> … </s>`` windows covering ``ids``; the last one ends at the text's end."""
    span = max_len - 2
    step = span - stride
    starts = list(range(0, max(len(ids) - span, 0) + 1, step))
    if starts[-1] + span < len(ids):
        starts.append(len(ids) - span)
    head, tail = np.array([BOS_ID]), np.array([EOS_ID])
    return [np.concatenate([head, ids[s : s + span], tail]) for s in starts]


def pad(chunks: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Right-pad windows with pad id 1 to the longest one; the mask is 1 on real tokens."""
    ids = np.full((len(chunks), max(len(c) for c in chunks)), PAD_ID, dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, chunk in enumerate(chunks):
        ids[row, : len(chunk)] = chunk
        mask[row, : len(chunk)] = 1
    return ids, mask


class PhobertClassifier:
    """A fine-tuned PhoBERT sequence classifier.

    Args:
        task: the task; logits columns follow ``task.labels``.
        config: a validated ``PhobertConfig`` (its training settings are kept for the record),
            or a mapping validated into one (unknown keys, wrong types: ``InputError``).
        tokenizer: the fast tokenizer of the checkpoint.
        engine: what runs the network (``TorchEngine`` after training).
    """

    kind: ClassVar[str] = "phobert"

    def __init__(
        self,
        task: Task,
        config: PhobertConfig | Mapping[str, Any],
        tokenizer: FastPhobertTokenizer,
        engine: Engine,
    ) -> None:
        self.task = task
        self.params = (
            config
            if isinstance(config, PhobertConfig)
            else PhobertConfig.resolve(task.name, config)
        )
        self.config: dict[str, Any] = self.params.to_dict()  # as the manifest records it
        self.text_config = self.params.text
        self.max_len = self.params.max_len
        self.stride = self.params.stride
        self.batch_size = self.params.infer_batch_size
        self.tokenizer = tokenizer
        self.engine = engine
        self.fusion: MetadataFusion | None = None  # set by the trainer when posts had metadata

    def encode(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Token ids (no special tokens) of the normalised texts."""
        return self.tokenizer.encode(normalize_many(texts, self.text_config))

    def predict_proba(
        self,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
    ) -> np.ndarray:
        n_labels = len(self.task.labels)
        if metadata is not None and len(metadata) != len(texts):
            raise InputError(f"got {len(metadata)} metadata entries for {len(texts)} texts")
        if not texts:
            return np.zeros((0, n_labels))
        proba = self.text_proba(texts)
        if self.fusion is None:
            return proba
        return self.fusion.predict_proba(text_features(proba), metadata)

    def text_proba(self, texts: Sequence[str]) -> np.ndarray:
        """The transformer's own probabilities, before any metadata fusion."""
        chunks: list[np.ndarray] = []
        offsets = [0]
        for ids in self.encode(texts):
            chunks.extend(windows(ids, self.max_len, self.stride))
            offsets.append(len(chunks))
        proba = _softmax(self.logits(chunks))
        harm = 1.0 - proba[:, 0]
        best = [a + int(np.argmax(harm[a:b])) for a, b in itertools.pairwise(offsets)]
        return proba[best]

    def logits(self, chunks: Sequence[np.ndarray]) -> np.ndarray:
        """Run ``chunks`` (full ``<s> … </s>`` windows) length-sorted, in padded sub-batches."""
        out = np.empty((len(chunks), len(self.task.labels)), dtype=np.float32)
        order = np.argsort([len(c) for c in chunks], kind="stable")
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            batch = self.engine.logits(*pad([chunks[i] for i in rows]))
            if batch.shape != (len(rows), out.shape[1]):
                raise RegistryError(
                    f"engine returned {batch.shape}, expected {out.shape[1]} labels"
                )
            out[rows] = batch
        return out

    def save(self, directory: Path) -> None:
        """Write ``config.json``, ``model.safetensors`` and the tokenizer files."""
        if not isinstance(self.engine, TorchEngine):
            raise RegistryError("only a torch-engine PhoBERT can be saved (ONNX is exported)")
        self.engine.model.save_pretrained(str(directory))
        self.tokenizer.save(directory)
        # Lets transformers' AutoTokenizer/pipeline read the version too, with an explicit
        # model_max_length instead of PhoBERT's unset (10**30) one.
        meta = {"tokenizer_class": "PhobertTokenizer", "model_max_length": self.max_len}
        (directory / "tokenizer_config.json").write_text(json.dumps(meta, indent=2), "utf-8")
        if self.fusion is not None:
            joblib.dump(self.fusion, directory / FUSION_FILE)


def text_features(proba: np.ndarray) -> np.ndarray:
    """What the metadata fusion sees of a text: its clipped log-probabilities."""
    return np.log(np.clip(proba, 1e-7, 1.0))


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = logits.astype(np.float64)
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def load(
    directory: Path, task: Task, config: dict[str, Any], options: dict[str, Any]
) -> PhobertClassifier:
    """Registry loader.

    Args:
        options: ``{"engine": "auto" | "torch" | "onnx"}``; ``auto`` (the default) serves the
            exported ONNX model when the version has one (int8 first), else torch.
            ``"device"`` picks the torch device (default: CUDA when available).
    """
    engine_name = options.get("engine", "auto")
    if engine_name not in ENGINES:
        raise RegistryError(f"unknown engine {engine_name!r}; expected one of {ENGINES}")
    params = PhobertConfig.from_stored(config, directory.name)
    check_architecture(read_model_config(directory), len(task.labels), params.max_len)
    onnx_path = find_onnx(directory)
    if engine_name == "onnx" and onnx_path is None:
        raise RegistryError(
            f"{directory.name} has no ONNX export; run `vimod models export-onnx {directory.name}`"
        )
    engine: Engine
    if onnx_path is not None and engine_name != "torch":
        engine = OnnxEngine(onnx_path)
    else:
        engine = TorchEngine.from_dir(directory, options.get("device"))
    model = PhobertClassifier(task, params, FastPhobertTokenizer.from_dir(directory), engine)
    if (directory / FUSION_FILE).is_file():
        model.fusion = joblib.load(directory / FUSION_FILE)
    model.predict_proba(["kiểm tra"])  # fail at load, not on the first request
    log.info("loaded phobert %s with the %s engine", directory.name, engine.name)
    return model
