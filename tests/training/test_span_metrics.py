"""Span scores on hand-made cases: SemEval-2021 char F1 and the ViHOS token macro F1."""

from __future__ import annotations

import math

import pytest
from sklearn.metrics import f1_score

from training.span_metrics import post_char_f1, span_metrics, token_labels


def test_char_f1_empty_cases() -> None:
    assert post_char_f1([], []) == 1.0
    assert post_char_f1([(0, 3)], []) == 0.0
    assert post_char_f1([], [(0, 3)]) == 0.0


def test_char_f1_partial_overlap() -> None:
    # predicted {0..3}, gold {2..5}: overlap {2, 3}; F1 = 2*2 / (4 + 4)
    assert post_char_f1([(0, 4)], [(2, 6)]) == pytest.approx(0.5)
    assert post_char_f1([(0, 2), (4, 6)], [(0, 6)]) == pytest.approx(2 * 4 / (4 + 6))


def test_token_labels_any_character_marks_the_syllable_and_pad_to_64() -> None:
    text = "thằng  này ngu vl"
    labels = token_labels(text, [(12, 13)])  # one character of "ngu"
    assert labels[:4] == [0, 0, 1, 0]
    assert len(labels) == 64 and sum(labels) == 1
    long_text = " ".join(["a"] * 70)
    assert len(token_labels(long_text, [(138, 139)])) == 64  # the 70th token is cut


def test_span_metrics_matches_hand_computation() -> None:
    texts = ["đồ ngu vl", "chào bạn", "mày điên à"]
    gold = [[(3, 9)], [], [(4, 8)]]
    pred = [[(3, 6)], [(0, 4)], [(4, 8)]]
    m = span_metrics(texts, pred, gold)
    post1 = 2 * 3 / (3 + 6)
    assert m["char_f1"] == pytest.approx((post1 + 0.0 + 1.0) / 3)
    # characters: hits 3 + 0 + 4, predicted 3 + 4 + 4, gold 6 + 0 + 4
    assert m["char"]["precision"] == pytest.approx(7 / 11)
    assert m["char"]["recall"] == pytest.approx(7 / 10)
    y_true = [0, 1, 1] + [0] * 61 + [0, 0] + [0] * 62 + [0, 1, 0] + [0] * 61
    y_pred = [0, 1, 0] + [0] * 61 + [1, 0] + [0] * 62 + [0, 1, 0] + [0] * 61
    assert m["vihos_f1"] == pytest.approx(f1_score(y_true, y_pred, average="macro"))
    assert m["token"]["precision"] == pytest.approx(2 / 3)
    assert m["token"]["recall"] == pytest.approx(2 / 3)
    assert m["posts_with_spans"] == {"gold": 2, "predicted": 3}


def test_span_metrics_perfect_and_mismatched_lengths() -> None:
    texts = ["đồ ngu", "ok"]
    m = span_metrics(texts, [[(3, 6)], []], [[(3, 6)], []])
    assert m["char_f1"] == 1.0 and math.isclose(m["vihos_f1"], 1.0)
    with pytest.raises(ValueError):
        span_metrics(texts, [[]], [[], []])
