"""``PhobertClassifier``: windows, bucketing, padding and loading, on a tiny checkpoint."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from models.errors import InputError, RegistryError
from models.phobert_tokenizer import FastPhobertTokenizer
from models.tasks import TOXICITY
from tests.tiny_phobert import MARKER, long_text

pytest.importorskip("torch")

from models.phobert import (
    PhobertClassifier,
    check_architecture,
    load,
    windows,
)
from models.phobert_engines import TorchEngine


class SpyEngine:
    """Wraps an engine and records every padded batch it is given."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.name = "spy"
        self.batches: list[tuple[np.ndarray, np.ndarray]] = []

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        self.batches.append((input_ids.copy(), attention_mask.copy()))
        return self.inner.logits(input_ids, attention_mask)  # type: ignore[attr-defined]


class MarkerEngine:
    """Scores HATE exactly when a window holds ``marker_id``, so aggregation is checkable."""

    name = "marker"

    def __init__(self, marker_id: int) -> None:
        self.marker_id = marker_id

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        hit = (input_ids == self.marker_id).any(axis=1)
        out = np.tile(np.array([2.0, 0.5, -1.0], dtype=np.float32), (len(input_ids), 1))
        out[hit] = [-1.0, 0.5, 3.0]
        return out


@pytest.fixture(scope="module")
def classifier(tiny_phobert_dir: Path) -> PhobertClassifier:
    """The tiny checkpoint with a seeded, untrained 3-label head."""
    import torch
    from transformers import AutoModelForSequenceClassification

    torch.manual_seed(0)
    module = AutoModelForSequenceClassification.from_pretrained(
        str(tiny_phobert_dir), num_labels=3
    ).eval()
    tokenizer = FastPhobertTokenizer.build(tiny_phobert_dir)
    return PhobertClassifier(TOXICITY, {}, tokenizer, TorchEngine(module, "cpu"))


def _with_engine(model: PhobertClassifier, engine: object, **config: object) -> PhobertClassifier:
    return PhobertClassifier(model.task, {**model.config, **config}, model.tokenizer, engine)  # type: ignore[arg-type]


TEXTS = [
    "Tôi thích bài viết này lắm 😂",
    "",
    "   ",
    "Hoà bình nhé, khoẻ không?",  # tone-mark placement
    "Ha\u0300 Nô\u0323i",  # NFD
    "ko bít j lun",
    long_text(40, marker_at_end=False),
]


def test_rows_are_distributions_in_label_order(classifier: PhobertClassifier) -> None:
    proba = classifier.predict_proba(TEXTS)
    assert proba.shape == (len(TEXTS), len(TOXICITY.labels))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-9)
    assert (proba >= 0).all()
    assert classifier.predict_proba([]).shape == (0, 3)


def test_scores_do_not_depend_on_batch_order_or_company(classifier: PhobertClassifier) -> None:
    """Sorting, bucketing and pad id 1 + mask leave each text's score unchanged."""
    together = classifier.predict_proba(TEXTS)
    order = np.random.default_rng(0).permutation(len(TEXTS))
    shuffled = classifier.predict_proba([TEXTS[i] for i in order])
    alone = np.vstack([classifier.predict_proba([t]) for t in TEXTS])
    np.testing.assert_allclose(shuffled, together[order], atol=1e-6)
    np.testing.assert_allclose(alone, together, atol=1e-5)


def test_windows_are_length_bucketed_and_padded_with_one(classifier: PhobertClassifier) -> None:
    spy = SpyEngine(classifier.engine)
    model = _with_engine(classifier, spy, infer_batch_size=3)
    texts = ["ngắn", long_text(3, marker_at_end=False), "hai từ", long_text(1, marker_at_end=False)]
    texts += [long_text(6, marker_at_end=False, seed=s) for s in range(3)]
    model.predict_proba(texts)
    lengths = sorted(len(w) for ids in model.encode(texts) for w in windows(ids, 256, 64))
    assert [len(ids) for ids, _ in spy.batches] == [3, 3, 1]
    assert [ids.shape[1] for ids, _ in spy.batches] == [lengths[2], lengths[5], lengths[6]]
    for ids, mask in spy.batches:
        assert ((ids == 1) == (mask == 0)).all()  # every pad is id 1, masked out
        assert (ids[:, 0] == 0).all()
        assert ((ids == 2).sum(axis=1) == 1).all()


def test_sequence_exactly_at_max_length(classifier: PhobertClassifier) -> None:
    """254 tokens + <s> </s> = 256 = max_len: one window using position id 257 (of 258)."""
    body = np.full(254, 50, dtype=np.int64)
    (only,) = windows(body, 256, 64)
    assert len(only) == 256
    assert np.isfinite(classifier.logits([only])).all()
    over = windows(np.full(255, 50, dtype=np.int64), 256, 64)
    assert [len(w) for w in over] == [256, 256]


def test_windows_cover_long_text_with_overlap() -> None:
    ids = np.arange(1000, dtype=np.int64) + 4
    chunks = windows(ids, 256, 64)
    assert all(len(c) == 256 and c[0] == 0 and c[-1] == 2 for c in chunks)
    inner = [c[1:-1] for c in chunks]
    assert inner[0][0] == ids[0] and inner[-1][-1] == ids[-1]
    for a, b in itertools.pairwise(inner):
        assert len(np.intersect1d(a, b)) >= 64  # consecutive windows overlap by >= stride
    assert len(chunks) == 5  # ceil((1000 - 254) / (254 - 64)) + 1


def test_truncation_is_explicit_when_model_max_length_is_unset(
    classifier: PhobertClassifier, tiny_phobert_dir: Path
) -> None:
    """The checkpoint's tokenizer would not truncate at all; our windows never exceed 256."""
    from transformers import AutoTokenizer

    slow = AutoTokenizer.from_pretrained(str(tiny_phobert_dir))
    assert slow.model_max_length > 10**20  # PhoBERT leaves it unset
    text = long_text(120, marker_at_end=False)
    assert len(slow(text, truncation=True)["input_ids"]) > 256  # the silent pitfall
    spy = SpyEngine(classifier.engine)
    _with_engine(classifier, spy).predict_proba([text])
    n_tokens = len(classifier.encode([text])[0])
    assert sum(len(ids) for ids, _ in spy.batches) == len(windows(np.zeros(n_tokens), 256, 64))
    assert max(ids.shape[1] for ids, _ in spy.batches) == 256


def test_slur_at_character_5000_is_seen_and_rows_still_sum_to_one(
    classifier: PhobertClassifier,
) -> None:
    (marker_ids,) = classifier.encode([MARKER])
    model = _with_engine(classifier, MarkerEngine(int(marker_ids[0])))
    text = long_text(150, marker_at_end=True)
    assert text.index(MARKER) > 5000
    proba = model.predict_proba([text, long_text(150, marker_at_end=False), MARKER])
    assert proba.argmax(axis=1).tolist() == [2, 0, 2]
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_allclose(proba[0], proba[2])  # the marker window's row, not a blend


def test_save_then_load_with_torch_engine(classifier: PhobertClassifier, tmp_path: Path) -> None:
    classifier.save(tmp_path)
    for name in ("config.json", "model.safetensors", "vocab.txt", "bpe.codes", "tokenizer.json"):
        assert (tmp_path / name).is_file(), name
    loaded = load(tmp_path, TOXICITY, classifier.config, {"engine": "torch", "device": "cpu"})
    assert loaded.engine.name == "torch"
    np.testing.assert_allclose(
        loaded.predict_proba(TEXTS), classifier.predict_proba(TEXTS), atol=1e-6
    )
    with pytest.raises(RegistryError, match="unknown engine"):
        load(tmp_path, TOXICITY, classifier.config, {"engine": "tensorrt"})
    with pytest.raises(RegistryError, match="no ONNX export"):
        load(tmp_path, TOXICITY, classifier.config, {"engine": "onnx"})
    assert load(tmp_path, TOXICITY, classifier.config, {}).engine.name == "torch"  # auto


def test_checkpoints_that_would_misscore_are_refused() -> None:
    good = {"pad_token_id": 1, "max_position_embeddings": 258, "id2label": {0: "a", 1: "b", 2: "c"}}
    check_architecture(good, 3, 256)
    with pytest.raises(RegistryError, match="pad_token_id"):
        check_architecture({**good, "pad_token_id": 0}, 3, 256)
    with pytest.raises(RegistryError, match="258 position"):
        check_architecture({**good, "max_position_embeddings": 256}, 3, 256)
    with pytest.raises(RegistryError, match="labels"):
        check_architecture(good, 2, 256)


def test_bad_window_config_is_refused(classifier: PhobertClassifier) -> None:
    with pytest.raises(InputError, match="stride"):
        _with_engine(classifier, classifier.engine, stride=254)
