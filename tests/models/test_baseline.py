"""The TF-IDF baseline honours the Classifier contract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.base import Classifier, PostMetadata
from models.baseline import BaselineClassifier, load
from models.tasks import MISINFORMATION, TOXICITY

TEXTS = [
    "bài viết rất hay cảm ơn bạn",
    "hôm nay trời đẹp quá",
    "đồ ngu như bò",
    "thằng óc chó cút đi",
    "bọn bắc kỳ chó chết hết đi",
    "lũ súc vật đáng bị giết",
] * 5
LABELS = ["CLEAN", "CLEAN", "OFFENSIVE", "OFFENSIVE", "HATE", "HATE"] * 5


@pytest.fixture(scope="module")
def fitted() -> BaselineClassifier:
    return BaselineClassifier(TOXICITY, {"min_df": 1}).fit(TEXTS, LABELS)


def test_satisfies_the_protocol(fitted: BaselineClassifier) -> None:
    assert isinstance(fitted, Classifier)
    assert fitted.kind == "baseline"


def test_probabilities_have_fixed_shape_and_sum_to_one(fitted: BaselineClassifier) -> None:
    proba = fitted.predict_proba(["một câu", "đồ ngu", "bài hay"])
    assert proba.shape == (3, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-9)
    assert fitted.predict_proba([]).shape == (0, 3)


def test_learns_the_obvious(fitted: BaselineClassifier) -> None:
    proba = fitted.predict_proba(["cảm ơn bạn bài viết hay", "bắc kỳ chó chết đi"])
    assert TOXICITY.labels[int(proba[0].argmax())] == "CLEAN"
    assert TOXICITY.labels[int(proba[1].argmax())] == "HATE"


def test_spelling_variants_score_alike(fitted: BaselineClassifier) -> None:
    """Teencode, no diacritics and shouting should land near the canonical text."""
    proba = fitted.predict_proba(
        ["thằng óc chó cút đi", "THẰNG ÓC CHÓ CÚT ĐI", "thang oc cho cut di"]
    )
    assert {int(p.argmax()) for p in proba} == {TOXICITY.labels.index("OFFENSIVE")}


def test_fast_path_gives_scikit_learns_probabilities(fitted: BaselineClassifier) -> None:
    """The serving path skips re-validation and joblib; the numbers must not change."""
    texts = ["thằng này ngu vãi", "bài viết hay quá", "ĐM mày", "cảm ơn bạn nhiều nha"]
    assert fitted._features is not None and fitted._model is not None
    x = fitted._features.transform(fitted._prepare(texts))
    assert (fitted._transform(fitted._prepare(texts)) != x).nnz == 0
    expected = fitted._model.predict_proba(x)
    np.testing.assert_allclose(fitted.predict_proba(texts)[:, fitted._model.classes_], expected)


def test_save_load_roundtrip(fitted: BaselineClassifier, tmp_path: Path) -> None:
    fitted.save(tmp_path)
    again = load(tmp_path, TOXICITY, fitted.config, {})
    texts = ["đồ ngu", "hay quá"]
    np.testing.assert_allclose(again.predict_proba(texts), fitted.predict_proba(texts))


def test_class_missing_from_training_gets_zero() -> None:
    model = BaselineClassifier(TOXICITY, {"min_df": 1}).fit(TEXTS[:4], LABELS[:4])
    proba = model.predict_proba(["xin chào"])
    assert proba.shape == (1, 3)
    assert proba[0, TOXICITY.labels.index("HATE")] == 0.0


def test_unfitted_model_refuses() -> None:
    with pytest.raises(RuntimeError):
        BaselineClassifier(TOXICITY).predict_proba(["x"])


def test_unknown_label_is_refused() -> None:
    from models.errors import InputError

    with pytest.raises(InputError):
        BaselineClassifier(TOXICITY, {"min_df": 1}).fit(["a", "b"], ["CLEAN", "SPAM"])


def test_metadata_is_optional_at_predict_time() -> None:
    texts = ["tin nóng share ngay", "bộ y tế thông báo"] * 4
    labels = ["UNRELIABLE", "RELIABLE"] * 4
    meta = [PostMetadata(likes=10, comments=1, shares=50), PostMetadata(likes=500)] * 4
    model = BaselineClassifier(MISINFORMATION, {"min_df": 1, "metadata": True}).fit(
        texts, labels, meta
    )
    with_meta = model.predict_proba(texts[:2], meta[:2])
    text_only = model.predict_proba(texts[:2])
    assert with_meta.shape == text_only.shape == (2, 2)
    np.testing.assert_allclose(text_only.sum(axis=1), 1.0)
