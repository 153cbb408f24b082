"""The baseline's stacked mode (misinformation defaults): text + metadata, text alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.base import Classifier, PostMetadata
from models.baseline import BaselineClassifier, load
from models.configs import BASELINE_TASK_DEFAULTS, BaselineConfig
from models.tasks import MISINFORMATION, TOXICITY

FAST = {"text": {"lowercase": True, "teencode": True, "segment": False}, "min_df": 1}
RELIABLE_WORDS = ["bộ y tế", "thông báo", "chính thức", "theo báo", "ca bệnh", "hà nội"]
RUMOUR_WORDS = ["nghe nói", "share gấp", "chữa khỏi", "tỏi", "nước gừng", "bí mật"]


def _corpus(n: int, seed: int) -> tuple[list[str], list[str], list[PostMetadata]]:
    """Text is a weak signal (shared vocabulary); shares are a strong one."""
    rng = np.random.default_rng(seed)
    texts, labels, meta = [], [], []
    for _ in range(n):
        bad = bool(rng.random() < 0.3)
        own = RUMOUR_WORDS if bad else RELIABLE_WORDS
        words = [*rng.choice([*RUMOUR_WORDS, *RELIABLE_WORDS], 4), str(rng.choice(own))]
        texts.append(" ".join(words))
        labels.append("UNRELIABLE" if bad else "RELIABLE")
        meta.append(
            PostMetadata(
                likes=float(rng.integers(10, 200)),
                comments=float(rng.integers(0, 30)),
                shares=float(rng.integers(300, 900) if bad else rng.integers(0, 40)),
                posted_at=1.58e9 + float(rng.integers(0, 10**7)),
            )
        )
    return texts, labels, meta


@pytest.fixture(scope="module")
def stacked() -> BaselineClassifier:
    texts, labels, meta = _corpus(400, seed=0)
    return BaselineClassifier(MISINFORMATION, FAST).fit(texts, labels, meta)


def _auc(model: BaselineClassifier, meta: bool) -> float:
    from sklearn.metrics import roc_auc_score

    texts, labels, metadata = _corpus(300, seed=1)
    proba = model.predict_proba(texts, metadata if meta else None)
    return float(roc_auc_score([lab == "UNRELIABLE" for lab in labels], proba[:, 1]))


def test_task_defaults_leave_toxicity_alone() -> None:
    # toxicity only reads a post's context in a block of its own (models/configs.py)
    assert BaselineClassifier(TOXICITY).config == {
        **BaselineConfig().to_dict(),
        "context": "separate",
    }
    config = BaselineClassifier(MISINFORMATION).config
    assert config["metadata"] is True and config["knn"] > 0
    assert config["lexicon"] is True and config["text"]["segment"] is False
    assert set(BASELINE_TASK_DEFAULTS["misinformation"]) <= set(BaselineConfig.model_fields)


def test_stacks_and_honours_the_contract(stacked: BaselineClassifier) -> None:
    assert isinstance(stacked, Classifier)
    assert stacked._fusion is not None and stacked._neighbours is not None
    texts, _, meta = _corpus(5, seed=2)
    for proba in (stacked.predict_proba(texts, meta), stacked.predict_proba(texts)):
        assert proba.shape == (5, 2)
        np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert stacked.predict_proba([], []).shape == (0, 2)


def test_serving_segments_with_the_learned_lexicon_not_underthesea(
    stacked: BaselineClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert stacked._lexicon is not None and ("y", "tế") in stacked._lexicon.compounds
    assert "y_tế" in stacked._prepare(["Bộ Y tế thông báo"])[0]

    def no_crf(text: str) -> str:
        raise AssertionError("underthesea ran at serve time")

    monkeypatch.setattr("models.text._segment", no_crf)
    monkeypatch.setattr("models.text._segment_cached", no_crf)
    assert stacked.predict_proba(["bộ y tế thông báo chính thức lúc 9 giờ"]).shape == (1, 2)


def test_metadata_helps_and_text_alone_still_works(stacked: BaselineClassifier) -> None:
    with_meta, text_only = _auc(stacked, meta=True), _auc(stacked, meta=False)
    assert with_meta > 0.97
    assert 0.6 < text_only < with_meta


def test_text_alone_is_the_text_branch_not_an_unpopular_post(stacked: BaselineClassifier) -> None:
    texts = ["nghe nói nước gừng chữa khỏi", "bộ y tế thông báo chính thức"]
    alone = stacked.predict_proba(texts)
    np.testing.assert_allclose(stacked.predict_proba(texts, [None, None]), alone)
    np.testing.assert_allclose(stacked.predict_proba(texts, [PostMetadata()] * 2), alone)
    zero = PostMetadata(likes=0, comments=0, shares=0, posted_at=1.58e9)
    assert not np.allclose(stacked.predict_proba(texts, [zero, zero]), alone)


def test_metadata_length_must_match(stacked: BaselineClassifier) -> None:
    from models.errors import InputError

    with pytest.raises(InputError):
        stacked.predict_proba(["a", "b"], [None])


def test_long_posts_are_scored(stacked: BaselineClassifier) -> None:
    long_post = "nghe nói nước gừng chữa khỏi bệnh " * 1000  # ~34k characters
    proba = stacked.predict_proba([long_post], [None])
    assert proba.shape == (1, 2) and np.isfinite(proba).all()


def test_save_load_roundtrip(stacked: BaselineClassifier, tmp_path: Path) -> None:
    stacked.save(tmp_path)
    again = load(tmp_path, MISINFORMATION, stacked.config, {})
    texts, _, meta = _corpus(20, seed=3)
    np.testing.assert_allclose(again.predict_proba(texts, meta), stacked.predict_proba(texts, meta))
    np.testing.assert_allclose(again.predict_proba(texts), stacked.predict_proba(texts))


def test_small_corpus_falls_back_to_the_plain_model() -> None:
    texts, labels, meta = _corpus(60, seed=4)
    model = BaselineClassifier(MISINFORMATION, FAST).fit(texts, labels, meta)
    assert model._fusion is None
    assert model.predict_proba(texts[:3], meta[:3]).shape == (3, 2)


def test_text_only_corpus_trains_a_text_only_stack() -> None:
    texts, labels, _ = _corpus(300, seed=5)
    model = BaselineClassifier(MISINFORMATION, FAST).fit(texts, labels)
    assert model._fusion is not None and model._fusion.partial_branch is None
    probe, _, meta = _corpus(4, seed=6)
    np.testing.assert_allclose(model.predict_proba(probe, meta), model.predict_proba(probe))


def test_an_older_config_loads_without_new_task_defaults(tmp_path: Path) -> None:
    """A version saved before the stack (no ``knn``/``max_chars`` keys) keeps its behaviour."""
    texts, labels, _ = _corpus(60, seed=7)
    defaults = BaselineConfig().to_dict()
    old = {k: v for k, v in defaults.items() if k not in ("knn", "max_chars", "folds")}
    model = BaselineClassifier(MISINFORMATION, {**old, "min_df": 1}).fit(texts, labels)
    model.save(tmp_path)
    again = load(tmp_path, MISINFORMATION, {**old, "min_df": 1}, {})
    assert again.config["knn"] == 0 and again.config["text"]["segment"] is False
    np.testing.assert_allclose(again.predict_proba(texts[:3]), model.predict_proba(texts[:3]))
