"""The pre-tokenised ids a lent GPU fine-tunes on: one ``.npz``, numpy only.

A lent GPU machine has no ``../shared/data``, no network and none of vimod's text
dependencies (underthesea), so ``bench/gpu_pretokenize.py`` runs vimod's PhoBERT text
pipeline here and ships only integer arrays; ``bench/gpu_phobert.py`` reads them there.

Layout, per split ``S`` (``train``, ``dev``): ``S_ids`` (uint16, posts × ``max_len``,
``<s> … </s>`` then pad id 1), ``S_lengths`` (int32, real tokens per row), ``S_labels``
(int8). ``meta`` holds a JSON object (max_len, vocab size, tokenizer, labels, source).
No text and no token strings are stored, and no array needs pickle to load.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

PAD_ID, BOS_ID, EOS_ID = 1, 0, 2
MAX_BYTES = 64 * 2**20  # what a device run may carry beside the working tree
SPLITS = ("train", "dev")


@dataclass(frozen=True)
class Split:
    """One split's rows: ids padded to ``max_len``, real lengths, label indices."""

    ids: np.ndarray
    lengths: np.ndarray
    labels: np.ndarray

    def __len__(self) -> int:
        return len(self.labels)


def pack(windows: Sequence[np.ndarray], labels: Sequence[int], max_len: int) -> Split:
    """Pad ``<s> … </s>`` windows (each at most ``max_len`` ids) into one ``Split``."""
    ids = np.full((len(windows), max_len), PAD_ID, dtype=np.uint16)
    lengths = np.zeros(len(windows), dtype=np.int32)
    for row, window in enumerate(windows):
        if len(window) > max_len:
            raise ValueError(f"row {row}: {len(window)} ids > max_len {max_len}")
        ids[row, : len(window)] = window
        lengths[row] = len(window)
    return Split(ids, lengths, np.asarray(labels, dtype=np.int8))


def save(path: Path, splits: Mapping[str, Split], meta: Mapping[str, Any]) -> int:
    """Write ``path`` (compressed) and return its size; refuse one over ``MAX_BYTES``."""
    arrays: dict[str, np.ndarray] = {"meta": np.array(json.dumps(dict(meta), sort_keys=True))}
    for name, split in splits.items():
        arrays |= {f"{name}_ids": split.ids, f"{name}_lengths": split.lengths}
        arrays[f"{name}_labels"] = split.labels
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]
    size = path.stat().st_size
    if size > MAX_BYTES:
        path.unlink()
        raise ValueError(f"{path}: {size:,} bytes > {MAX_BYTES:,}, too big to carry")
    return size


def load(path: Path, max_len: int | None = None) -> tuple[dict[str, Split], dict[str, Any]]:
    """Read ``path``; with ``max_len`` shorter than stored, cut each row to its first window.

    Cutting keeps ``<s>`` and ends the row with ``</s>``, as the trainer's first window does.
    """
    with np.load(path, allow_pickle=False) as data:
        meta: dict[str, Any] = json.loads(str(data["meta"]))
        splits = {
            name: Split(data[f"{name}_ids"], data[f"{name}_lengths"], data[f"{name}_labels"])
            for name in SPLITS
            if f"{name}_ids" in data
        }
    if "train" not in splits:
        raise ValueError(f"{path}: no train split")
    if max_len is not None and max_len < meta["max_len"]:
        splits = {name: _cut(split, max_len) for name, split in splits.items()}
        meta = {**meta, "max_len": max_len, "cut_from": meta["max_len"]}
    return splits, meta


def _cut(split: Split, max_len: int) -> Split:
    ids = split.ids[:, :max_len].copy()
    long = split.lengths > max_len
    ids[long, max_len - 1] = EOS_ID
    return Split(ids, np.minimum(split.lengths, max_len), split.labels)
