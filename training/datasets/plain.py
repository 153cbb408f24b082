"""``plain:SPEC``: the posts of SPEC with every diacritic stripped, as people often type.

Stripping is done character by character (NFD, combining marks dropped, ``đ`` → ``d``), so
NFD input, whose marks are characters of their own, gets shorter: span offsets are mapped
through the per-character positions, never reused as they were. A post's context (the text
it replies to, ``PostMetadata.context``) is stripped with it, as the old ``title\ncomment``
text was. The ``DataContext`` is passed on unchanged, so ``plain:`` of an evaluation-only set
(``notices``) still only loads for evaluation.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from models.errors import InputError
from training.datasets.base import DataContext, Example, load_dataset

_BARE = {"đ": "d", "Đ": "D"}


def _bare(char: str) -> str:
    if char in _BARE:
        return _BARE[char]
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def strip_aligned(text: str) -> tuple[str, list[int]]:
    """``text`` without diacritics, and where each original offset lands in it.

    Returns:
        The stripped text and ``positions`` of length ``len(text) + 1``: original offset
        ``i`` becomes ``positions[i]`` (a dropped combining mark maps to where its base
        letter's stripped form ends).
    """
    parts: list[str] = []
    positions = [0]
    for char in text:
        parts.append(_bare(char))
        positions.append(positions[-1] + len(parts[-1]))
    return "".join(parts), positions


def strip_example(example: Example) -> Example:
    """``example`` with its text (and its context, if any) stripped and its spans moved to
    match (empty ones dropped)."""
    text, positions = strip_aligned(example.text)
    spans = example.spans
    if spans is not None:
        moved = ((positions[s], positions[e]) for s, e in spans)
        spans = tuple((s, e) for s, e in moved if e > s)
    meta = example.metadata
    if meta is not None and meta.context:
        meta = replace(meta, context=strip_aligned(meta.context)[0])
    return replace(example, text=text, spans=spans, source=f"plain:{example.source}", metadata=meta)


def load(arg: str | None, context: DataContext) -> list[Example]:
    if not arg:
        raise InputError("plain: wants a dataset spec, e.g. plain:vihos:test")
    return [strip_example(e) for e in load_dataset(arg, context)]
