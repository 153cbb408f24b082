"""The two span scores in use, and precision/recall of the span class.

* ``char_f1``: SemEval-2021 Toxic Spans. Per post, F1 between the sets of predicted and
  gold character offsets (1.0 when both are empty, 0.0 when exactly one is), averaged.
* ``vihos_f1``: the ViHOS repository's own score. Each post's whitespace-separated
  syllables get a binary label (positive if any of its characters is in a span), each post
  is padded or truncated to 64 labels with 0, everything is flattened and scored with
  scikit-learn's macro F1. Padding adds true negatives, so it reads higher than char F1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support

Ranges = Sequence[tuple[int, int]]

VIHOS_MAX_TOKENS = 64
_WHITESPACE_TOKEN = re.compile(r"\S+")


def char_set(spans: Ranges) -> set[int]:
    """Every character offset covered by ``spans``."""
    return {i for start, end in spans for i in range(start, end)}


def post_char_f1(pred: Ranges, gold: Ranges) -> float:
    """SemEval-2021 Toxic Spans F1 of one post."""
    p, g = char_set(pred), char_set(gold)
    if not p and not g:
        return 1.0
    if not p or not g:
        return 0.0
    return 2 * len(p & g) / (len(p) + len(g))


def token_labels(text: str, spans: Ranges, width: int = VIHOS_MAX_TOKENS) -> list[int]:
    """ViHOS labels of ``text``'s whitespace tokens, padded or cut to ``width``."""
    chars = char_set(spans)
    labels = [
        int(any(i in chars for i in range(m.start(), m.end())))
        for m in _WHITESPACE_TOKEN.finditer(text)
    ]
    return (labels + [0] * width)[:width]


def span_metrics(
    texts: Sequence[str], preds: Sequence[Ranges], golds: Sequence[Ranges]
) -> dict[str, Any]:
    """Both scores plus precision/recall/F1 of the span class, character- and token-level.

    Args:
        texts: the posts the offsets index.
        preds: predicted ``(start, end)`` ranges per post.
        golds: gold ranges per post.
    """
    if not (len(texts) == len(preds) == len(golds)):
        raise ValueError("texts, predictions and gold spans differ in length")
    per_post = [post_char_f1(p, g) for p, g in zip(preds, golds, strict=True)]
    hits = predicted = gold = 0
    for p, g in zip(preds, golds, strict=True):
        ps, gs = char_set(p), char_set(g)
        hits, predicted, gold = hits + len(ps & gs), predicted + len(ps), gold + len(gs)
    y_true = np.array([t for x, g in zip(texts, golds, strict=True) for t in token_labels(x, g)])
    y_pred = np.array([t for x, p in zip(texts, preds, strict=True) for t in token_labels(x, p)])
    tok_p, tok_r, tok_f, _ = precision_recall_fscore_support(
        y_true, y_pred, average="binary", zero_division=0
    )
    char_p = hits / predicted if predicted else 0.0
    char_r = hits / gold if gold else 0.0
    return {
        "n": len(texts),
        "char_f1": float(np.mean(per_post)) if per_post else 0.0,
        "vihos_f1": float(f1_score(y_true, y_pred, average="macro", zero_division=0)),
        "char": {
            "precision": char_p,
            "recall": char_r,
            "f1": 2 * char_p * char_r / (char_p + char_r) if char_p + char_r else 0.0,
        },
        "token": {"precision": float(tok_p), "recall": float(tok_r), "f1": float(tok_f)},
        "posts_with_spans": {
            "gold": sum(1 for g in golds if g),
            "predicted": sum(1 for p in preds if p),
        },
    }
