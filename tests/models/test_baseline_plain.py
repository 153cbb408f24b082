"""``augment_plain``: the baseline also learns each post as typed without diacritics;
``nb_view``: it averages in NB-LR on the same features."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models import baseline as baseline_module
from models.baseline import BaselineClassifier, load
from models.baseline_io import MODEL_FILE, write_state
from models.nblr import nblr_proba
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


def test_nb_view_averages_in_nblr_and_survives_a_reload(tmp_path: Path) -> None:
    """``nb_view``: the served probabilities are the mean of the regression's and NB-LR's."""
    model = BaselineClassifier(TOXICITY, {"min_df": 1, "nb_view": True})
    model.fit(TEXTS, LABELS)
    assert model._nb is not None and model._model is not None
    posts = ["thằng óc chó", "bài viết hay"]
    x = model._transform(model._prepare(posts))
    lr = model._model.predict_proba(x)
    proba = model.predict_proba(posts)
    assert not np.allclose(proba, lr)
    np.testing.assert_allclose(proba, (lr + nblr_proba(model._nb, x)) / 2)
    model.save(tmp_path)
    again = load(tmp_path, TOXICITY, model.config, {})
    np.testing.assert_allclose(again.predict_proba(posts), proba)


def test_versions_saved_without_nb_view_score_as_before(tmp_path: Path) -> None:
    """A manifest without the key and a state without NB weights: the regression alone."""
    model = BaselineClassifier(TOXICITY, {"min_df": 1, "offset_folds": 2})
    model.fit(TEXTS, LABELS)
    assert model._nb is None
    state = {
        "features": model._features,
        "context_features": model._context_features,
        "model": model._model,
        "neighbours": None,
        "fusion": None,
        "lexicon": None,
        "offsets": model._offsets,
    }  # what ``save`` wrote before ``nb_view``
    write_state(state, tmp_path / MODEL_FILE)
    config = {k: v for k, v in model.config.items() if k != "nb_view"}
    again = load(tmp_path, TOXICITY, config, {})
    assert not again.params.nb_view and again._nb is None
    posts = ["thằng óc chó", "bài viết hay"]
    np.testing.assert_array_equal(again.predict_proba(posts), model.predict_proba(posts))


def test_offsets_are_tuned_on_the_averaged_probabilities(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[np.ndarray] = []

    def spy(y: np.ndarray, proba: np.ndarray) -> np.ndarray:
        seen.append(proba)
        return np.zeros(proba.shape[1])

    monkeypatch.setattr(baseline_module, "tune_offsets", spy)
    for nb_view in (False, True):
        BaselineClassifier(TOXICITY, {"min_df": 1, "offset_folds": 2, "nb_view": nb_view}).fit(
            TEXTS, LABELS
        )
    assert len(seen) == 2 and not np.allclose(seen[0], seen[1])
