"""Style statistics of a post's raw text, as stacking features for the misinformation model.

The VLSP 2020 teams fed hand-made text statistics beside their text models: links,
hashtags, shouting, exclamation marks. Two rules keep them honest here:

* **Rates, not counts.** Every column is a share of the post's characters or letters, or
  a count capped at a few, so a long article is not different from a short post merely
  because it is long (padding a post with neutral sentences dilutes rates, it never pushes
  them past what short posts reach). The length itself is one capped log column.
* **Raw text.** The statistics read the post as written (before lower-casing and
  teencode expansion), capped at ``max_chars`` like the text model, and cost one pass of
  a few compiled regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np

STAT_COLUMNS = (
    "log_chars",  # log1p(characters), capped at log1p(5,000): length saturates
    "upper_share",  # upper-case letters / letters
    "digit_share",  # digits / characters
    "exclaim_share",  # '!' / characters, x100
    "question_share",  # '?' / characters, x100
    "quote_share",  # quotation marks / characters, x100
    "emoji_share",  # emoji / characters, x100
    "line_share",  # line breaks / characters, x100
    "urls",  # links (<URL> masks included), capped at 3
    "hashtags",  # #hashtags, capped at 5
)
LENGTH_CAP = 5_000  # characters past which the length column stops growing

_URL = re.compile(r"(?:https?://|www\.)\S+|<url>", re.IGNORECASE)
_HASHTAG = re.compile(r"(?<!\w)#\w+")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")
_QUOTES = re.compile('["\u201c\u201d\u00ab\u00bb]')
_NON_LETTER = re.compile(r"[\W\d_]")  # fewer than the letters: a shorter list to count
_DIGIT = re.compile(r"\d")


@cache
def _upper() -> re.Pattern[str]:
    """Every upper-case letter of the Basic Multilingual Plane, as one character class.

    Counting with a compiled class runs in C; a Python loop over characters cost more than
    the rest of a short comment's misinformation score.
    """
    upper = "".join(c for c in map(chr, range(0x10000)) if c.isupper())
    return re.compile("[" + re.escape(upper) + "]")


def text_stats(texts: Sequence[str], max_chars: int = 0) -> np.ndarray:
    """``(n, len(STAT_COLUMNS))`` statistics of ``texts`` (the first ``max_chars``; 0: all)."""
    out = np.zeros((len(texts), len(STAT_COLUMNS)))
    upper_letters = _upper()
    for i, raw in enumerate(texts):
        text = raw[:max_chars] if max_chars > 0 else raw
        n = max(len(text), 1)
        letters = len(text) - len(_NON_LETTER.findall(text))
        upper = len(upper_letters.findall(text))
        digits = len(_DIGIT.findall(text))
        out[i] = (
            np.log1p(min(len(text), LENGTH_CAP)),
            upper / letters if letters else 0.0,
            digits / n,
            100.0 * text.count("!") / n,
            100.0 * text.count("?") / n,
            100.0 * len(_QUOTES.findall(text)) / n,
            100.0 * len(_EMOJI.findall(text)) / n,
            100.0 * text.count("\n") / n,
            min(len(_URL.findall(text)), 3) if "<" in text or "/" in text or "." in text else 0,
            min(len(_HASHTAG.findall(text)), 5) if "#" in text else 0,
        )
    return out
