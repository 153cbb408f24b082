"""The Vietnamese text pipeline shared by training and serving.

Social posts arrive in many spellings of the same words: NFD vs NFC, ``hoà`` vs ``hòa``,
teencode, stretched letters, masked swear words. ``normalize`` maps them to one form so a
model sees one token where a human sees one word. ``TextConfig`` travels inside every
model's manifest, so a model is always served with the pipeline it was trained with.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Annotated, Any, ClassVar

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError

URL_TOKEN = "xxurl"
USER_TOKEN = "xxuser"
EMAIL_TOKEN = "xxemail"
PHONE_TOKEN = "xxphone"

_HORN = "\u031b"  # the hook of ư and ơ
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_URL = re.compile(
    r"(?:https?://|www\.)\S+|<url>|\b[\w-]+\.(?:com|vn|net|org|info|io)(?:/\S*)?\b", re.IGNORECASE
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_MENTION = re.compile(r"(?<![\w@])@[\w.]+")
_PHONE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){8,10}(?!\d)")
_MASKED = re.compile(r"(?<!\S)(\w)(?:[.*_\-](\w)){1,4}(?!\S)")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]+", re.UNICODE)
_COMBINING = re.compile(r"[\u0300-\u036f]")
_VOWELS = re.compile(r"[aeiouyAEIOUY]")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+")
# A letter followed by itself, or a marked vowel followed by a plain vowel: maybe stretched.
_MAYBE_STRETCHED = re.compile(r"(\w)\1|[^\x00-\x7f][aeiouyAEIOUY]")


@dataclass(frozen=True)
class TextConfig:
    """Which pipeline steps a model uses; stored in its manifest.

    A plain frozen dataclass, so that the normalisation cache hashes it cheaply; pydantic
    validates it where it is nested in a kind's config (``models.configs``), refusing
    unknown keys and non-boolean values.

    Attributes:
        lowercase: fold case (and thereby map ALL-CAPS shouting onto normal words).
        teencode: expand the project's teencode dictionary (``ko`` → ``không``).
        segment: join Vietnamese compounds with ``_`` using underthesea (PhoBERT wants it).
    """

    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(extra="forbid")

    lowercase: Annotated[
        bool, Field(strict=True, description="fold case (ALL-CAPS shouting reads as words)")
    ] = True
    teencode: Annotated[
        bool,
        Field(strict=True, description="expand teencode (ko → không); needs text.lowercase"),
    ] = True
    segment: Annotated[
        bool, Field(strict=True, description="join compounds with _ using underthesea")
    ] = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextConfig:
        """Validate ``data``: unknown keys and non-boolean values raise ``ValueError``."""
        try:
            return _TEXT_CONFIG.validate_python(data)
        except ValidationError as exc:
            raise ValueError(f"bad text config {data!r}: {exc.errors()[0]['msg']}") from None


_TEXT_CONFIG = TypeAdapter(TextConfig)


@cache
def teencode_table() -> dict[str, str]:
    """Load ``models/resources/teencode.tsv`` (``abbr<TAB>expansion``) once per process."""
    table: dict[str, str] = {}
    text = resources.files("models").joinpath("resources/teencode.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition("\t")
        if value.strip():
            table[unicodedata.normalize("NFC", key.strip().lower())] = unicodedata.normalize(
                "NFC", value.strip()
            )
    return table


def _move_tone(word: str) -> str:
    """``hoà`` → ``hòa``: in a word ending in an open oa/oe/uy syllable, tone on the o/u."""
    if len(word) < 2:
        return word
    last = unicodedata.normalize("NFD", word[-1])
    tones = [c for c in last[1:] if c in _TONES]
    if not tones or last[0].lower() not in "aey" or len(last) != 2:
        return word
    first = word[-2]
    if first.lower() not in "ou" or (first.lower() == "u" and word[-3:-2].lower() == "q"):
        return word
    return word[:-2] + unicodedata.normalize("NFC", first + tones[0]) + last[0]


def unify_tone_marks(text: str) -> str:
    """Use one tone-mark style: traditional ``hòa``/``khỏe``/``thủy`` for ``hoà``/``khoẻ``/``thuỷ``."""
    return _WORD.sub(lambda m: _move_tone(m.group(0)), text)


def _squeeze(word: str) -> str:
    """``quáaaa`` → ``quá``, ``nguuu`` → ``ngu``; a plain double (``xoong``) is kept.

    ``ư`` followed by ``u`` is a real vowel pair (``cứu``, ``hưu``, ``mưu``), not a
    stretched ``ư``: it keeps one ``u``.
    """
    out: list[str] = []
    i = 0
    while i < len(word):
        ch = word[i]
        base = strip_diacritics(ch).lower()
        j = i + 1
        while j < len(word) and word[j].lower() in (base, ch.lower()):
            j += 1
        copies = j - i - 1
        stretched = copies >= 2 or (copies == 1 and ch.lower() != base)
        if copies and word[j - 1].lower() == "u" and _HORN in unicodedata.normalize("NFD", ch):
            out.append(ch + word[j - 1])
        else:
            out.append(ch if stretched else word[i:j])
        i = j
    return "".join(out)


def _squeeze_unless_acronym(match: re.Match[str]) -> str:
    """Squeeze stretched words, but keep vowel-less capitals such as ``CCCD`` or ``PCCC``."""
    word = match.group(0)
    if not _MAYBE_STRETCHED.search(word):  # most words: nothing to squeeze
        return word
    if word.isupper() and not _VOWELS.search(strip_diacritics(word)):
        return word
    return _squeeze(word)


@cache
def _bare_table() -> dict[int, str]:
    """Code point → its letter without diacritics, for every accented Latin letter."""
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0x00C0, 0x1F00):
        decomposed = unicodedata.normalize("NFD", chr(code))
        base = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        if base != chr(code) and base.isascii() and base:
            table[code] = base
    return table


def strip_diacritics(text: str) -> str:
    """Drop all Vietnamese diacritics (``đ`` → ``d``); used for accent-blind features."""
    if text.isascii():
        return text
    text = text.translate(_bare_table())
    if text.isascii() or not _COMBINING.search(text):
        return text
    # Decomposed (NFD) input: drop the combining marks themselves.
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def mask_entities(text: str) -> str:
    """Replace e-mails, URLs, @mentions and phone numbers with fixed placeholder tokens."""
    text = _EMAIL.sub(f" {EMAIL_TOKEN} ", text)
    text = _URL.sub(f" {URL_TOKEN} ", text)
    text = _MENTION.sub(f" {USER_TOKEN} ", text)
    return _PHONE.sub(f" {PHONE_TOKEN} ", text)


def expand_teencode(text: str) -> str:
    """Replace whole lowercase tokens found in the teencode dictionary."""
    table = teencode_table()
    return _TOKEN.sub(lambda m: table.get(m.group(0), m.group(0)), text)


_SEGMENT_CACHE_MAX_CHARS = 2_000  # long posts rarely repeat; keep the cache's memory bounded


def segment(text: str) -> str:
    """Word-segment with underthesea (``học sinh`` → ``học_sinh``); short texts are cached."""
    if len(text) > _SEGMENT_CACHE_MAX_CHARS:
        return _segment(text)
    return _segment_cached(text)


def _segment(text: str) -> str:
    from underthesea import word_tokenize  # heavy import, only when a model segments

    return str(word_tokenize(text, format="text"))


_segment_cached = lru_cache(maxsize=16_384)(_segment)


def normalize(text: str, config: TextConfig = TextConfig()) -> str:
    """Map one raw post to the canonical form the models see.

    Steps: NFC; one tone-mark placement; entity masking; un-masking of ``d.m``-style
    swear words; stretched letters squeezed; emoji split into their own tokens; optional
    lower-casing, teencode expansion and word segmentation.
    """
    text = unicodedata.normalize("NFC", text)
    text = mask_entities(text)
    text = unify_tone_marks(text)
    text = _MASKED.sub(lambda m: m.group(0).translate(_MASK_CHARS), text)
    if _MAYBE_STRETCHED.search(text):
        text = _WORD.sub(_squeeze_unless_acronym, text)
    text = _EMOJI.sub(lambda m: f" {m.group(0)} ", text)
    if config.lowercase:
        text = text.lower()
        if config.teencode:
            text = expand_teencode(text)
    text = _SPACES.sub(" ", text).strip()
    if config.segment and text:
        text = segment(text)
    return text


_MASK_CHARS = str.maketrans("", "", "._-")  # "*" stands for a hidden letter: keep it


# Small on purpose: it serves the second task of a request (both tasks normalise the same
# texts) and reposted duplicates, not a whole corpus.
_normalize_cached = lru_cache(maxsize=1024)(normalize)


def normalize_many(texts: Iterable[str], config: TextConfig = TextConfig()) -> list[str]:
    """``normalize`` over a batch, reusing results for texts seen very recently."""
    return [_normalize_cached(t, config) for t in texts]
