"""Named subsets of a test set where moderation models tend to differ.

Social posts are often typed without diacritics, in teencode, or very short; news-like
posts can be very long. A comparison reports its metrics on each of these slices too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.text import TextConfig, normalize_many, strip_diacritics, teencode_table

SHORT_CHARS = 30  # fewer characters than this: short
LONG_CHARS = 200  # more characters than this: long
TEENCODE_SHARE = 0.15  # at least this share of words in the teencode dictionary: heavy

_WORDS = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
# the form the teencode dictionary is keyed in: normalised and lower-cased, not yet expanded
_UNEXPANDED = TextConfig(lowercase=True, teencode=False, segment=False)


@dataclass(frozen=True)
class Slice:
    """A named subset of the posts.

    Attributes:
        name: short key (``no_diacritics``, ``teencode``, ``short``, ``long``).
        description: what puts a post in the slice, for reports.
        mask: boolean, one entry per post.
    """

    name: str
    description: str
    mask: np.ndarray


def has_diacritics(text: str) -> bool:
    """Whether ``text`` carries any Vietnamese diacritic (tone mark, hat, horn, breve, đ)."""
    return strip_diacritics(text) != text


def teencode_shares(texts: Sequence[str]) -> np.ndarray:
    """Per post, the share of its words that are keys of the teencode dictionary (0 if none)."""
    table = teencode_table()
    shares = np.zeros(len(texts))
    for i, text in enumerate(normalize_many(texts, _UNEXPANDED)):
        words = _WORDS.findall(text)
        if words:
            shares[i] = sum(w in table for w in words) / len(words)
    return shares


def standard_slices(texts: Sequence[str], *, teencode_share: float = TEENCODE_SHARE) -> list[Slice]:
    """The no-diacritics, teencode-heavy, short and long slices of ``texts``."""
    lengths = np.array([len(t) for t in texts])
    return [
        Slice(
            "no_diacritics",
            "letters but no Vietnamese diacritic",
            np.array([_LETTER.search(t) is not None and not has_diacritics(t) for t in texts]),
        ),
        Slice(
            "teencode",
            f"≥ {teencode_share:.0%} of words in the teencode dictionary",
            teencode_shares(texts) >= teencode_share,
        ),
        Slice("short", f"< {SHORT_CHARS} characters", lengths < SHORT_CHARS),
        Slice("long", f"> {LONG_CHARS} characters", lengths > LONG_CHARS),
    ]
