"""``augment_plain``: the baseline also learns each post as typed without diacritics."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from models.baseline import BaselineClassifier, load
from models.tasks import TOXICITY
from models.text import strip_diacritics

TEXTS = [
    "bài viết rất hay cảm ơn bạn",
    "hom nay troi dep",  # already without accents: no copy
    "đồ ngu như bò",
    "thằng óc chó cút đi",
    "bọn bắc kỳ chó chết hết đi",
    "lũ súc vật đáng bị giết",
] * 4
LABELS = ["CLEAN", "CLEAN", "OFFENSIVE", "OFFENSIVE", "HATE", "HATE"] * 4


def _word_vocabulary(model: BaselineClassifier) -> dict[str, int]:
    assert model._features is not None
    return dict(model._features.transformer_list[0][1].vocabulary_)


def test_copies_are_stripped_then_normalised_and_skip_accent_free_posts() -> None:
    model = BaselineClassifier(TOXICITY, {"min_df": 1, "augment_plain": True})
    copies = model._plain_copies(TEXTS, None)
    assert 1 not in copies  # "hom nay troi dep" has no accent to strip
    assert len(copies) == len(TEXTS) - 4
    assert copies[3] == (model._prepare([strip_diacritics(TEXTS[3])])[0], "")
    assert all(text.isascii() for text, _ in copies.values())


def test_off_by_default_and_adds_no_rows() -> None:
    model = BaselineClassifier(TOXICITY, {"min_df": 1})
    assert model._plain_copies(TEXTS, None) == {}
    model.fit(TEXTS, LABELS)
    assert "thang" not in _word_vocabulary(model)


def test_stripped_words_join_the_vocabulary_and_survive_a_reload(tmp_path: Path) -> None:
    model = BaselineClassifier(TOXICITY, {"min_df": 1, "augment_plain": True})
    model.fit(TEXTS, LABELS)
    vocabulary = _word_vocabulary(model)
    assert "thằng" in vocabulary and "thang" in vocabulary
    model.save(tmp_path)
    again = load(tmp_path, TOXICITY, model.config, {})
    assert again.params.augment_plain
    posts = ["thang oc cho cut di", "bai viet rat hay cam on ban"]
    np.testing.assert_allclose(again.predict_proba(posts), model.predict_proba(posts))
    assert TOXICITY.labels[int(model.predict_proba(posts)[0].argmax())] == "OFFENSIVE"


def test_stacked_models_accept_the_copies() -> None:
    """The out-of-fold stack fits folds with copies of their own rows only."""
    texts, labels = TEXTS * 10, LABELS * 10  # enough rows to stack
    model = BaselineClassifier(TOXICITY, {"min_df": 1, "augment_plain": True, "knn": 3})
    model.fit(texts, labels)
    assert model._fusion is not None
    assert model.predict_proba(["thang oc cho"]).shape == (1, 3)
