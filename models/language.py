"""Which language a post is in, and whether the served models were made for it.

The rule is the one ``docs/language.md`` measured: a *Vietnamese guard* in front of Chromium's
CLD2 (``pycld2``, tables compiled in, nothing downloaded). CLD2 alone calls a quarter of
Vietnamese typed without diacritics Tagalog, Acehnese, English…; the guard answers "vi" for a
mostly-Latin post that writes a letter only Vietnamese has (ă đ ơ ư, stacked marks) or whose
words are mostly Vietnamese syllables (``resources/vi_syllables.json``) or teencode. A Latin
post of fewer than ``MIN_WORDS`` words is no evidence either way: ``und`` (undetermined).

Supported: ``vi``, and ``und`` too — a post we cannot place ("haha", an emoji, a name) is
scored as before rather than refused. Used by serving, ``vimod classify`` and the bench.
Nothing is loaded at import time; the syllable pattern and pycld2 load on first use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from models.text import strip_diacritics, teencode_table

SUPPORTED = frozenset({"vi"})
UNDETERMINED = "und"
# A Latin post is Vietnamese when at least this share of its words are Vietnamese syllables.
GUARD_SHARE = 0.5
# Fewer Latin words than this, with no Vietnamese-only letter: undetermined.
MIN_WORDS = 3

_LETTERS = re.compile(r"[^\W\d_]+")
# Letters only Vietnamese writes (ă đ ơ ư, and vowels carrying a tone and another mark).
_VIETNAMESE_ONLY = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


@dataclass(frozen=True)
class LanguageGuess:
    """``code``: ISO 639-1 (``vi``, ``zh``…) or ``und``; ``supported``: the models fit it."""

    code: str
    supported: bool


def guess(code: str | None) -> LanguageGuess:
    code = code or UNDETERMINED
    return LanguageGuess(code, code in SUPPORTED or code == UNDETERMINED)


@cache
def _syllable() -> re.Pattern[str]:
    raw = resources.files("models").joinpath("resources/vi_syllables.json").read_text("utf-8")
    parts = json.loads(raw)

    def alt(key: str) -> str:
        return "|".join(sorted(parts[key], key=len, reverse=True))

    return re.compile(f"(?:{alt('onsets')})?(?:{alt('vowels')})(?:{alt('codas')})?")


@cache
def _teencode() -> frozenset[str]:
    return frozenset(strip_diacritics(k) for k in teencode_table())


def syllable_share(text: str) -> float:
    """Share of the words that are Vietnamese syllables (diacritics or not) or teencode."""
    words = _LETTERS.findall(strip_diacritics(text).lower())
    if not words:
        return 0.0
    syllable, teencode = _syllable(), _teencode()
    return sum(bool(syllable.fullmatch(w)) or w in teencode for w in words) / len(words)


def cld2(text: str) -> str | None:
    """CLD2's best guess (ISO 639-1, region dropped), ``None`` when it abstains or fails."""
    import pycld2  # lazy: a C extension, only needed once a post is scored

    try:
        _, _, details = pycld2.detect(text, bestEffort=True)
    except (pycld2.error, ValueError, UnicodeEncodeError):  # invalid UTF-8 reads "unknown"
        return None
    for _, code, _, _ in details:
        lang = str(code).split("-")[0]
        if lang != "un":
            return lang
    return None


def guarded_code(text: str, detect: Callable[[str], str | None] = cld2) -> str | None:
    """The guard in front of ``detect`` (CLD2 when shipped; the bench tries other libraries):
    ``"vi"``, another code, or ``None`` when undetermined."""
    text = unicodedata.normalize("NFC", text)
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    latin = sum(c < "\u0250" or "\u1e00" <= c <= "\u1eff" for c in letters) / len(letters)
    if latin < 0.5:
        return detect(text)
    if _VIETNAMESE_ONLY.search(text) or syllable_share(text) >= GUARD_SHARE:
        return "vi"
    if len(_LETTERS.findall(text)) < MIN_WORDS:
        return None
    return detect(text)


def detect_language(text: str) -> LanguageGuess:
    """The language of one post; deterministic (same text, same answer)."""
    return guess(guarded_code(text))


def detect_languages(texts: Sequence[str]) -> list[LanguageGuess]:
    """The language of each post (≈10k short posts/s on one core, see README "Languages")."""
    return [detect_language(t) for t in texts]
