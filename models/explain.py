"""Offending spans as results: the one builder the API (``explain``) and the CLI share.

Each span carries ``text == original[start:end]``: offsets index the post exactly as the
caller sent it (before NFC or any other normalisation), so a client can highlight or cut
the characters without re-deriving them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.span_contract import SpanTagger

# Said in place of spans when no span model is active (documented in the README and API).
NO_SPAN_MODEL = "no active spans model: spans are unavailable"


@dataclass(frozen=True)
class SpanResult:
    start: int
    end: int
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "score": self.score}


def span_results(tagger: SpanTagger, texts: Sequence[str]) -> list[list[SpanResult]]:
    """The tagger's spans of each raw text, with the characters they cover."""
    out = []
    for text, spans in zip(texts, tagger.predict_spans(list(texts)), strict=True):
        out.append([SpanResult(s.start, s.end, text[s.start : s.end], s.score) for s in spans])
    return out
