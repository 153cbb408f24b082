"""``phobert_spans``: raw-offset bookkeeping, windows and batching, on a tiny checkpoint.

The tagger here is untrained (seeded random head), so these tests check the plumbing with
thresholds chosen from its own scores; learning is tested in
``tests/training/test_phobert_spans_trainer.py``.
"""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from models.configs import PhobertSpansConfig, describe
from models.errors import InputError
from models.span_contract import Span, SpanTagger, syllable_offsets
from models.span_words import cut
from models.text import TextConfig
from tests.tiny_phobert import MARKER, long_text

pytest.importorskip("torch")

from models.phobert_spans import (
    PhobertSpanTagger,
    spans_from_scores,
    window_starts,
)

pytestmark = pytest.mark.slow

TEENCODE = TextConfig(lowercase=True, teencode=True, segment=False)

ODD = [
    "dm m ngu vl",  # teencode
    "thang nay ngu vl, khon kiep that",  # no diacritics
    "😂😂 khốn kiếp 👍🏻 ha ha!!",  # emoji, modifier
    unicodedata.normalize("NFD", f"Học sinh {MARKER} ở Hà Nội"),  # combining marks
    "nguuuu quáaaa   khốnnnn    kiếppp",  # stretched letters, runs of spaces
    "\t  \n",
    "",
    "x@y.com https://vd.vn/a_b ___ ...",
]


@pytest.fixture(scope="module")
def tagger(tiny_phobert_dir: Path) -> PhobertSpanTagger:
    """The tiny checkpoint with a seeded, untrained O/SPAN head, cased and segmented."""
    import torch
    from transformers import AutoModelForTokenClassification

    from models.phobert_tokenizer import FastPhobertTokenizer

    torch.manual_seed(0)
    module = AutoModelForTokenClassification.from_pretrained(
        str(tiny_phobert_dir), num_labels=2
    ).eval()
    return PhobertSpanTagger({}, FastPhobertTokenizer.build(tiny_phobert_dir), module, "cpu")


def test_teencode_words_map_back_to_the_syllable_typed() -> None:
    (c,) = cut(["dm m ngu vl"], TEENCODE)
    assert c.syllables == [(0, 2), (3, 4), (5, 8), (9, 11)]
    assert c.words == ["đụ", "mẹ", "m", "ngu", "vãi", "lồn"]
    assert c.word_syllables == [(0, 1), (0, 1), (1, 2), (2, 3), (3, 4), (3, 4)]
    assert c.syllable_words() == [[0, 1], [2], [3], [4, 5]]


def test_segmented_compounds_cover_their_syllables_and_punctuation_stays_apart() -> None:
    text = unicodedata.normalize("NFD", "Học sinh trường đại học rất vui =))")
    (c,) = cut([text], TextConfig(lowercase=False, teencode=False, segment=True))
    raw = [text[s:e] for s, e in c.syllables]
    assert raw[:2] == [unicodedata.normalize("NFD", "Học"), "sinh"]
    assert c.words[0] == "Học_sinh" and c.word_syllables[0] == (0, 2)  # NFC inside
    assert "đại_học" in c.words
    assert c.words[-3:] == ["=", ")", ")"]
    covered = [s for a, b in c.word_syllables for s in range(a, b)]
    assert covered == list(range(len(c.syllables)))  # each syllable once, in order


def test_spans_from_scores_runs_merges_and_skips_unscored() -> None:
    text = "aa bb, cc dd ee"
    syllables = syllable_offsets(text)  # aa bb , cc dd ee
    scores = np.array([0.9, 0.6, 0.1, 0.7, np.nan, 0.8])
    spans = spans_from_scores(text, syllables, scores, 0.5)
    assert spans == [Span(0, 5, 0.9), Span(7, 9, 0.7), Span(13, 15, 0.8)]
    # Everything scored clears 0, but the unscored ``dd`` still splits the run.
    assert spans_from_scores(text, syllables, scores, 0.0) == [Span(0, 9, 0.9), Span(13, 15, 0.8)]
    joined = spans_from_scores(text, syllables, np.array([0.9, 0.6, 0.1, 0.7, 0.7, 0.8]), 0.5)
    assert joined == [Span(0, 5, 0.9), Span(7, 15, 0.8)]


@pytest.mark.parametrize("n", [0, 1, 254, 255, 500, 1000])
def test_window_starts_cover_every_token(n: int) -> None:
    starts = window_starts(n, 256, 64)
    assert starts[0] == 0
    assert starts[-1] + 254 >= n and (n <= 254 or starts[-1] + 254 == n)  # last one ends at n
    assert all(0 < b - a <= 254 - 64 for a, b in itertools.pairwise(starts))  # >= 64 shared


@pytest.mark.parametrize("config", [{}, {"text": TEENCODE.to_dict()}])
def test_spans_lie_on_raw_syllable_boundaries(tagger: PhobertSpanTagger, config: dict) -> None:  # type: ignore[type-arg]
    """A syllable is inside a span exactly when its own score clears the threshold."""
    model = PhobertSpanTagger(config, tagger.tokenizer, tagger.module, "cpu")
    for text, (c, scores) in zip(ODD, model.syllable_scores(ODD), strict=True):
        assert c.syllables == syllable_offsets(text)
        assert not np.isnan(scores).any(), text  # every syllable reached the network
        threshold = float(np.median(scores)) if len(scores) else 0.5
        spans = spans_from_scores(text, c.syllables, scores, threshold)
        starts = {s for s, _ in c.syllables}
        ends = {e for _, e in c.syllables}
        for span in spans:
            assert 0 <= span.start < span.end <= len(text)
            assert span.start in starts and span.end in ends
        for (s, e), score in zip(c.syllables, scores, strict=True):
            inside = any(sp.start <= s and e <= sp.end for sp in spans)
            assert inside == (score >= threshold), (text, text[s:e])
        if len(scores) > 1:
            assert spans  # the median threshold always marks something


def test_predictions_do_not_depend_on_batch_company(tagger: PhobertSpanTagger) -> None:
    texts = [*ODD, long_text(30, marker_at_end=True)]
    together = [s for _, s in tagger.syllable_scores(texts)]
    alone = [tagger.syllable_scores([t])[0][1] for t in texts]
    for a, b in zip(together, alone, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-5)
    again = [s for _, s in tagger.syllable_scores(texts)]
    for a, b in zip(together, again, strict=True):
        np.testing.assert_array_equal(a, b)  # eval mode, no dropout: deterministic


def test_long_post_is_read_in_overlapping_windows(tagger: PhobertSpanTagger) -> None:
    text = long_text(60, marker_at_end=True)
    (c,) = cut([text], tagger.params.text)
    ((ids, _),) = tagger.encode([c])
    assert len(ids) > 2 * 256
    placed = tagger.windows(ids)
    assert len(placed) >= 3 and all(len(w) <= 256 for _, w in placed)
    (proba,) = tagger.token_proba([ids])
    assert proba.shape == (len(ids),) and ((proba > 0) & (proba < 1)).all()
    # A token in the middle of the second window is read from that window.
    start, window = placed[1]
    middle = start + (len(window) - 2) // 2
    (second,) = tagger.window_proba([window])
    assert proba[middle] == pytest.approx(second[middle - start], abs=1e-6)
    (spans,) = tagger.predict_spans([text])
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


def test_empty_batch_and_empty_texts(tagger: PhobertSpanTagger) -> None:
    contract: SpanTagger = tagger  # statically too (mypy)
    assert isinstance(contract, SpanTagger) and contract.kind == "phobert_spans"
    assert tagger.predict_spans([]) == []
    assert tagger.predict_spans(["", "   "]) == [[], []]


def test_config_refuses_unknown_keys_and_bad_windows() -> None:
    with pytest.raises(InputError, match="treshold"):
        PhobertSpansConfig.resolve(None, {"treshold": 0.3})
    with pytest.raises(InputError, match="stride"):
        PhobertSpansConfig.resolve(None, {"max_len": 64, "stride": 62})
    with pytest.raises(InputError, match="threshold"):
        PhobertSpansConfig.resolve(None, {"threshold": 1.5})
    assert PhobertSpansConfig.resolve(None, {"text": {"segment": False}}).text.lowercase is False


def test_config_keys_are_described_and_stored_configs_load() -> None:
    rows = describe(PhobertSpansConfig)
    assert {key for key, _, _ in rows} >= {"threshold", "text.segment", "max_len", "base"}
    assert all(text and "\n" not in text for _, _, text in rows)
    assert PhobertSpansConfig.model_validate(PhobertSpansConfig().to_dict()) == PhobertSpansConfig()
    stored = PhobertSpansConfig.from_stored({"threshold": 0.3, "retired_key": 1}, "v1")
    assert stored.threshold == 0.3 and stored.max_len == 256
