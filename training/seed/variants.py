"""Surface variants of a toxicity seed post: how the same comment looks when people type it.

No diacritics, teencode, emoji, caps, stretched letters, masked swear words, the other
tone-mark style, @mentions, casual endings. Every function draws from the ``rng`` it is
given, in a fixed order, so a seed reproduces the corpus byte for byte.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from models.text import strip_diacritics

# strip_diacritics comes from models.text, the function serving uses. The generator's old
# private copy differed only on non-Vietnamese letters (Greek or Cyrillic accents, "≠")
# and on re-composing to NFC afterwards; none of that occurs in the seed posts, and
# tests/training/test_seed.py proves the output unchanged.

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_OLD_STYLE = re.compile(r"[òóỏõọ][ae]\b|(?<![qQ])[ùúủũụ]y\b")
_NEW_STYLE = re.compile(r"o[àáảãạèéẻẽẹ]\b|(?<![qQ])u[ỳýỷỹỵ]\b")
_VOWELS = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_LAST_VOWEL = re.compile(rf"([{_VOWELS}])(?=\W*$)", re.IGNORECASE)
_STRETCHY_WORD = re.compile(r"(?<!\w)(?:qu(á)|gh(ê)|ơ(i)|nh(a)|(à)|kh(á))(?!\w)", re.IGNORECASE)

Table = tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]


def _move_tone(pair: str, to_second: bool) -> str:
    """Move the tone mark of a two-vowel nucleus (oa, oe, uy) to the other vowel."""
    first = unicodedata.normalize("NFD", pair[0])
    second = unicodedata.normalize("NFD", pair[1])
    if to_second:
        tone = "".join(ch for ch in first if ch in _TONES)
        base_first = "".join(ch for ch in first if ch not in _TONES)
        return unicodedata.normalize("NFC", base_first + second + tone)
    tone = "".join(ch for ch in second if ch in _TONES)
    base_second = "".join(ch for ch in second if ch not in _TONES)
    return unicodedata.normalize("NFC", first + tone + base_second)


def swap_tone_style(text: str) -> str:
    """Switch between old ("hòa", "thủy") and new ("hoà", "thuỷ") tone placement.

    Not ``models.text.unify_tone_marks``: serving only folds new into old style, while the
    corpus needs both directions, so that models meet both spellings in training.
    """
    swapped = _OLD_STYLE.sub(lambda m: _move_tone(m.group(0), to_second=True), text)
    if swapped != text:
        return swapped
    return _NEW_STYLE.sub(lambda m: _move_tone(m.group(0), to_second=False), text)


def _compile(table: Mapping[str, Sequence[str]]) -> Table:
    """Phrase -> replacements, as case-insensitive whole-word patterns in table order."""
    return tuple(
        (re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE), tuple(reps))
        for phrase, reps in table.items()
    )


def _substitute(text: str, table: Table, rng: random.Random, prob: float) -> str:
    for pattern, replacements in table:

        def pick(match: re.Match[str], reps: tuple[str, ...] = replacements) -> str:
            return rng.choice(reps) if rng.random() < prob else match.group(0)

        text = pattern.sub(pick, text)
    return text


def repeat_letters(text: str, rng: random.Random) -> str:
    """Stretch the last letter of the post ("quá" -> "quáaaa"), else of a word like "ơi"."""
    found = _LAST_VOWEL.search(text)
    if found is not None:
        start, end = found.span(1)
    else:
        hits = list(_STRETCHY_WORD.finditer(text))
        if not hits:
            return text
        hit = rng.choice(hits)
        group = next(i for i in range(1, 7) if hit.group(i) is not None)
        start, end = hit.span(group)
    vowel = text[start:end]
    plain = strip_diacritics(vowel)
    stretch = vowel + plain * rng.randint(2, 4)
    if rng.random() < 0.5 or plain == vowel:
        stretch = vowel * rng.randint(3, 5)
    return text[:start] + stretch + text[end:]


def shout(text: str, rng: random.Random) -> str:
    text = text.upper()
    if rng.random() < 0.5:
        text = text.rstrip(".!? ") + rng.choice(("!!!", "!!", " !!!!", "!?"))
    return text


def casual_punctuation(text: str, rng: random.Random) -> str:
    """Lower-case and change the ending, the way quick phone comments look."""
    text = text.lower().rstrip(".!? ")
    return text + rng.choice(("...", "..", " !!", "??", " =))", " :))", " hic"))


Transform = Callable[[str, random.Random, str], str]


@dataclass(frozen=True)
class VariantMaker:
    """Makes variants from the tables of ``toxicity.toml``.

    Attributes:
        weights: transform name -> weight, in draw order (names: ``TRANSFORM_NAMES``).
        emoji: label -> emoji pool.
        mentions: @mentions to put in front of a post.
        teencode: compiled phrase -> chat spellings.
        masks: compiled swear word -> masked spellings.
    """

    weights: tuple[tuple[str, float], ...]
    emoji: Mapping[str, tuple[str, ...]]
    mentions: tuple[str, ...]
    teencode: Table
    masks: Table

    @classmethod
    def from_tables(
        cls,
        *,
        weights: Mapping[str, float],
        emoji: Mapping[str, Sequence[str]],
        mentions: Sequence[str],
        teencode: Mapping[str, Sequence[str]],
        masks: Mapping[str, Sequence[str]],
    ) -> VariantMaker:
        unknown = set(weights) - set(TRANSFORM_NAMES)
        if unknown:
            raise ValueError(f"unknown transforms {sorted(unknown)}; known: {TRANSFORM_NAMES}")
        return cls(
            weights=tuple(weights.items()),
            emoji={label: tuple(pool) for label, pool in emoji.items()},
            mentions=tuple(mentions),
            teencode=_compile(teencode),
            masks=_compile(masks),
        )

    def _apply(self, name: str, text: str, rng: random.Random, label: str) -> str:
        if name == "no_diacritics":
            return strip_diacritics(text)
        if name == "teencode":
            text = text.lower() if rng.random() < 0.6 else text
            return _substitute(text, self.teencode, rng, 0.7)
        if name == "emoji":
            emoji = rng.choice(self.emoji[label]) * rng.choice((1, 1, 2, 3))
            return f"{emoji} {text}" if rng.random() < 0.15 else f"{text.rstrip()} {emoji}"
        if name == "mask":
            return _substitute(text, self.masks, rng, 0.85)
        if name == "repeat":
            return repeat_letters(text, rng)
        if name == "caps":
            return shout(text, rng)
        if name == "tone_style":
            return swap_tone_style(text)
        if name == "mention":
            return f"{rng.choice(self.mentions)} {text}"
        if name == "casual":
            return casual_punctuation(text, rng)
        raise ValueError(f"unknown transform {name!r}")

    def make(self, text: str, label: str, rng: random.Random) -> str:
        """Apply one or two transforms (never masks on CLEAN); may return ``text`` unchanged."""
        names = [name for name, _ in self.weights]
        weights = [weight for _, weight in self.weights]
        n_steps = 1 if rng.random() < 0.6 else 2
        out = text
        used: set[str] = set()
        for _ in range(n_steps):
            name = rng.choices(names, weights=weights)[0]
            if name in used or (name == "mask" and label == "CLEAN"):
                continue
            used.add(name)
            out = self._apply(name, out, rng, label)
        # Both tone-mark styles ("hòa"/"hoà") occur in real comments; flip half the eligible ones.
        if "tone_style" not in used and rng.random() < 0.5:
            out = swap_tone_style(out)
        return re.sub(r"\s+", " ", out).strip()


TRANSFORM_NAMES = (
    "no_diacritics",
    "teencode",
    "emoji",
    "mask",
    "repeat",
    "caps",
    "tone_style",
    "mention",
    "casual",
)
