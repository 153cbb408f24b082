"""The one contract every offending-span model kind satisfies.

A span model answers "which characters made this post harmful". Its offsets always index
the text exactly as the caller sent it: a kind may normalise internally (NFC, teencode,
stretched letters, masked swear words), but it maps its decisions back to the characters
the user typed, so a UI can highlight them and an integrator can cut them out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

# A syllable as typed: letters/digits plus any combining marks (NFD input keeps its tone
# marks inside the token), or one other non-space character (punctuation, an emoji).
_SYLLABLE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Span:
    """Characters ``text[start:end]`` of the original post, judged offending with ``score``."""

    start: int
    end: int
    score: float


@runtime_checkable
class SpanTagger(Protocol):
    """A trained span model.

    Attributes:
        kind: registry key of the implementation.
        config: JSON-serialisable hyper-parameters, recorded in the manifest.
    """

    kind: ClassVar[str]
    config: dict[str, Any]

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        """Return, per raw text, its offending spans sorted by ``start``, non-overlapping.

        Offsets index the raw text as given (``0 <= start < end <= len(text)``).
        """
        ...

    def save(self, directory: Path) -> None:
        """Write everything needed to load the model into ``directory`` (which exists)."""
        ...


def syllable_offsets(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every syllable-like token of ``text`` as typed."""
    return [m.span() for m in _SYLLABLE.finditer(text)]


def merge_adjacent(spans: Sequence[Span], text: str) -> list[Span]:
    """Join spans separated only by whitespace, so a multi-word insult is one span.

    The merged score is the highest of its parts.
    """
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and (span.start <= out[-1].end or not text[out[-1].end : span.start].strip()):
            last = out[-1]
            out[-1] = Span(last.start, max(last.end, span.end), max(last.score, span.score))
        else:
            out.append(span)
    return out
