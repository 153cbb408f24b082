"""A post's ``context`` (what it replies to) and the baseline's ``context`` key."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.base import PostMetadata
from models.baseline import BaselineClassifier, inline_context, load
from models.configs import BaselineConfig
from models.tasks import TOXICITY

COMMENTS = ["bài viết hay quá", "đồ ngu như bò", "bọn chúng là lũ súc vật", "cảm ơn bạn"] * 6
LABELS = ["CLEAN", "OFFENSIVE", "HATE", "CLEAN"] * 6
TITLES = ["giết người dã man", "tai nạn giao thông", "giết người cướp của", None] * 6
META = [None if t is None else PostMetadata(context=t) for t in TITLES]


def _fit(
    context: str, *, metadata: list[PostMetadata | None] | None = META, **extra: object
) -> BaselineClassifier:
    model = BaselineClassifier(TOXICITY, {"min_df": 1, "context": context, **extra})
    return model.fit(COMMENTS, LABELS, metadata)


def test_separate_words_get_a_block_of_their_own() -> None:
    model = _fit("separate")
    assert model._context_features is not None and model._features is not None
    context_words = model._context_features.vocabulary_
    assert "giết" in context_words and "ngu" not in context_words
    text_words = model._features.transformer_list[0][1].vocabulary_
    assert "giết" not in text_words  # title words never share a weight with comment words
    with_title = model.predict_proba(["cảm ơn bạn"], [PostMetadata(context="giết người dã man")])
    without = model.predict_proba(["cảm ơn bạn"])
    assert not np.allclose(with_title, without)


def test_trained_without_contexts_there_is_no_block_and_a_context_changes_nothing() -> None:
    model = _fit("separate", metadata=None)
    assert model._context_features is None
    posts = ["đồ ngu", "cảm ơn bạn"]
    given = [PostMetadata(context="giết người dã man"), PostMetadata(context="bọn chúng")]
    np.testing.assert_array_equal(model.predict_proba(posts, given), model.predict_proba(posts))


def test_inline_reads_the_old_title_newline_comment_text() -> None:
    model = _fit("inline")
    old = BaselineClassifier(TOXICITY, {"min_df": 1, "context": "inline"}).fit(
        [inline_context(c, t) for c, t in zip(COMMENTS, TITLES, strict=True)], LABELS
    )
    assert model._context_features is None
    posts, meta = ["đồ ngu"], [PostMetadata(context="tai nạn giao thông")]
    np.testing.assert_allclose(
        model.predict_proba(posts, meta), old.predict_proba(["tai nạn giao thông\nđồ ngu"])
    )
    np.testing.assert_allclose(model.predict_proba(posts, meta), old.predict_proba(posts, meta))


def test_ignore_drops_the_context_in_training_and_scoring() -> None:
    model = _fit("ignore")
    plain = _fit("ignore", metadata=None)
    assert model._context_features is None
    meta = [PostMetadata(context="giết người dã man")]
    np.testing.assert_allclose(
        model.predict_proba(["đồ ngu"], meta), plain.predict_proba(["đồ ngu"])
    )


def test_defaults_separate_for_toxicity_and_inline_for_stored_versions() -> None:
    assert BaselineConfig.resolve("toxicity").context == "separate"
    # A manifest from before the key: what those versions did with a SafeSense title.
    assert BaselineConfig.from_stored({"C": 4.0}, "old-version").context == "inline"
    with pytest.raises(Exception, match="context"):
        BaselineConfig.resolve("toxicity", {"context": "both"})


def test_block_survives_a_reload_and_matches_the_stepwise_path(tmp_path: Path) -> None:
    model = _fit("separate")
    model.save(tmp_path)
    again = load(tmp_path, TOXICITY, model.config, {})
    posts = ["đồ ngu", "cảm ơn bạn", "bọn chúng"]
    meta = [PostMetadata(context="giết người"), None, PostMetadata(context="tai nạn")]
    expected = model.predict_proba(posts, meta)
    np.testing.assert_allclose(again.predict_proba(posts, meta), expected)
    steps = again.predict_proba_steps(posts, meta, step_chars=4)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            np.testing.assert_allclose(done.value, expected)
            break


def test_augment_plain_strips_the_context_too() -> None:
    model = BaselineClassifier(TOXICITY, {"min_df": 1, "augment_plain": True})
    copies = model._plain_copies(["hay quá", "hay qua", "hay qua"], ["giết người", "tai nạn", ""])
    assert copies[0] == ("hay qua", "giet nguoi")
    assert copies[1] == ("hay qua", "tai nan")  # the context alone had accents
    assert 2 not in copies  # nothing to strip
    fitted = _fit("separate", augment_plain=True)
    assert fitted._context_features is not None
    assert "giet" in fitted._context_features.vocabulary_


def test_sample_weights_reach_the_regression() -> None:
    texts, labels = COMMENTS[:8], LABELS[:8]
    plain = BaselineClassifier(TOXICITY, {"min_df": 1}).fit(texts, labels)
    ones = BaselineClassifier(TOXICITY, {"min_df": 1}).fit(texts, labels, sample_weight=[1.0] * 8)
    np.testing.assert_allclose(ones.predict_proba(texts), plain.predict_proba(texts))
    # "đồ ngu như bò" (OFFENSIVE) counts for almost nothing: it scores lower as OFFENSIVE
    light = [0.01 if lab == "OFFENSIVE" else 1.0 for lab in labels]
    weak = BaselineClassifier(TOXICITY, {"min_df": 1, "augment_plain": True, "offset_folds": 2})
    weak.fit(texts * 2, labels * 2, sample_weight=light * 2)
    full = BaselineClassifier(TOXICITY, {"min_df": 1, "augment_plain": True, "offset_folds": 2})
    full.fit(texts * 2, labels * 2)
    col = TOXICITY.labels.index("OFFENSIVE")
    assert (
        weak.predict_proba(["đồ ngu như bò"])[0, col]
        < full.predict_proba(["đồ ngu như bò"])[0, col]
    )
    with pytest.raises(Exception, match="sample weights"):
        plain.fit(texts, labels, sample_weight=[1.0])
