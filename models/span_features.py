"""Per-token features of the span CRF, and the span-rate lexicon learned from training spans.

Tokens are ``syllable_offsets`` of the raw post, so each feature set describes characters
the user typed. What a token *means* comes from its normalised forms: NFC and lower case
with stretched letters squeezed (``nguuu`` → ``ngu``), its teencode expansion (``dm`` →
``đụ mẹ``), its accent-stripped form (``đéo`` → ``deo``), and the form of the whole
space-free chunk it sits in, so the pieces of a masked swear word (``d.m``) all see ``đụ
mẹ``. The lexicon gives each form the share of its training occurrences inside a span;
keys that are accent-blind or teencode-normalised let a rate learned on ``đéo`` reach
``deo`` and ``dell``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from models.span_contract import syllable_offsets
from models.text import TextConfig, normalize, strip_diacritics

Features = dict[str, float]
Ranges = Sequence[tuple[int, int]]

_PLAIN = TextConfig(lowercase=True, teencode=False)
_TEEN = TextConfig(lowercase=True, teencode=True)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")
# Lexicon key kinds: word, accent-blind word, teencode-normalised word, and a token in the
# context of its left / right neighbour (word and accent-blind).
KEY_KINDS = ("w", "a", "n", "L", "R", "La", "Ra")
_BUCKETS = (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85)


@dataclass(frozen=True)
class Token:
    """One syllable of a post as typed, and its normalised forms."""

    start: int
    end: int
    raw: str
    word: str  # NFC, lower case, stretched letters squeezed
    bare: str  # ``word`` without diacritics
    teen: str  # ``word`` with teencode expanded (may be several words)
    chunk: str  # teencode form of the space-free chunk holding the token, if it has >1 token


@lru_cache(maxsize=65_536)
def _forms(raw: str) -> tuple[str, str, str]:
    word = normalize(raw, _PLAIN) or raw.lower()
    return word, strip_diacritics(word), normalize(raw, _TEEN) or word


def tokenize(text: str) -> list[Token]:
    """The post's syllables with their forms (offsets index ``text`` as given)."""
    offsets = syllable_offsets(text)
    chunk_of: list[str] = [""] * len(offsets)
    i = 0
    while i < len(offsets):  # group tokens that touch (no space between): "d.m", "vl:))"
        j = i + 1
        while j < len(offsets) and offsets[j][0] == offsets[j - 1][1]:
            j += 1
        if j - i > 1:
            chunk = _forms(text[offsets[i][0] : offsets[j - 1][1]])[2]
            chunk_of[i:j] = [chunk] * (j - i)
        i = j
    out = []
    for (start, end), chunk in zip(offsets, chunk_of, strict=True):
        raw = text[start:end]
        word, bare, teen = _forms(raw)
        out.append(Token(start, end, raw, word, bare, teen, chunk))
    return out


def token_keys(tokens: Sequence[Token], i: int) -> dict[str, str]:
    """The lexicon keys of token ``i``, one per ``KEY_KINDS`` entry."""
    t = tokens[i]
    left = tokens[i - 1] if i > 0 else None
    right = tokens[i + 1] if i + 1 < len(tokens) else None
    return {
        "w": t.word,
        "a": t.bare,
        "n": t.teen,
        "L": f"{left.word if left else '<s>'} {t.word}",
        "R": f"{t.word} {right.word if right else '</s>'}",
        "La": f"{left.bare if left else '<s>'} {t.bare}",
        "Ra": f"{t.bare} {right.bare if right else '</s>'}",
    }


def token_labels(tokens: Sequence[Token], spans: Ranges) -> list[bool]:
    """A token is offending when any of its characters is in a span."""
    return [any(s < t.end and t.start < e for s, e in spans) for t in tokens]


@dataclass
class SpanLexicon:
    """Counts of each key inside spans and overall; rates are smoothed toward the prior.

    ``rate = (inside + smoothing * prior) / (seen + smoothing)``, so a key seen once in a
    span does not read as certain.
    """

    smoothing: float = 2.0
    prior: float = 0.0
    counts: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    @classmethod
    def fit(
        cls, posts: Iterable[tuple[Sequence[Token], Sequence[bool]]], smoothing: float = 2.0
    ) -> SpanLexicon:
        counts: dict[str, dict[str, list[int]]] = {
            k: defaultdict(lambda: [0, 0]) for k in KEY_KINDS
        }
        inside = total = 0
        for tokens, labels in posts:
            for i, label in enumerate(labels):
                for kind, key in token_keys(tokens, i).items():
                    pair = counts[kind][key]
                    pair[0] += int(label)
                    pair[1] += 1
                inside, total = inside + int(label), total + 1
        prior = inside / total if total else 0.0
        return cls(smoothing, prior, {k: dict(v) for k, v in counts.items()})

    def rate(self, kind: str, key: str) -> tuple[float, int]:
        """The smoothed span rate of ``key`` and how often it was seen."""
        inside, seen = self.counts.get(kind, {}).get(key, (0, 0))
        return (inside + self.smoothing * self.prior) / (seen + self.smoothing), seen

    def to_json(self) -> str:
        return json.dumps(
            {"smoothing": self.smoothing, "prior": self.prior, "counts": self.counts},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> SpanLexicon:
        data = json.loads(text)
        counts = {
            str(kind): {str(k): [int(v[0]), int(v[1])] for k, v in table.items()}
            for kind, table in data["counts"].items()
        }
        return cls(float(data["smoothing"]), float(data["prior"]), counts)


def _shape(raw: str) -> str:
    if _EMOJI.match(raw):
        return "emoji"
    if not raw[0].isalnum():
        return "punct"
    if raw.isdigit():
        return "digit"
    if raw.isupper():
        return "UPPER"
    if raw[0].isupper():
        return "Title"
    return "lower" if raw.isalpha() else "mixed"


def _bucket(value: float) -> int:
    return sum(value >= b for b in _BUCKETS)


@dataclass(frozen=True)
class FeatureSwitches:
    """Which feature groups are on (the span CRF's config carries these)."""

    window: int = 2
    affixes: bool = True
    lexicon: bool = True
    context: bool = True


def post_features(
    tokens: Sequence[Token],
    lexicon: SpanLexicon | None,
    switches: FeatureSwitches,
    post_score: float | None = None,
) -> list[Features]:
    """One feature dict per token: its forms, shape, neighbours, bigrams and lexicon rates.

    ``post_score`` (``models.span_post``): the probability that the post holds any span,
    given to every token with its rate features.
    """
    n = len(tokens)
    rates: list[dict[str, tuple[float, int]]] = []
    if lexicon is not None and switches.lexicon:
        rates = [
            {kind: lexicon.rate(kind, key) for kind, key in token_keys(tokens, i).items()}
            for i in range(n)
        ]
    post_max = max((r["w"][0] for r in rates), default=0.0)
    post_hot = sum(1 for r in rates if max(r["w"][0], r["a"][0]) >= 0.5)
    out: list[Features] = []
    for i, t in enumerate(tokens):
        f: Features = {
            "bias": 1.0,
            f"w={t.word}": 1.0,
            f"a={t.bare}": 1.0,
            f"shape={_shape(t.raw)}": 1.0,
        }
        if t.teen != t.word:
            f[f"n={t.teen}"] = 1.0
        if t.chunk:
            f[f"chunk={t.chunk}"] = 1.0
        if switches.affixes and len(t.bare) > 2:
            f[f"p2={t.bare[:2]}"] = f[f"s2={t.bare[-2:]}"] = 1.0
            f[f"p3={t.bare[:3]}"] = f[f"s3={t.bare[-3:]}"] = 1.0
        for d in range(1, switches.window + 1):
            for sign, j in (("-", i - d), ("+", i + d)):
                if 0 <= j < n:
                    f[f"{sign}{d}w={tokens[j].word}"] = 1.0
                    f[f"{sign}{d}a={tokens[j].bare}"] = 1.0
                else:
                    f[f"{sign}{d}edge"] = 1.0
        if i > 0:
            f[f"bl={tokens[i - 1].word}|{t.word}"] = 1.0
            f[f"bla={tokens[i - 1].bare}|{t.bare}"] = 1.0
        if i + 1 < n:
            f[f"br={t.word}|{tokens[i + 1].word}"] = 1.0
            f[f"bra={t.bare}|{tokens[i + 1].bare}"] = 1.0
        if post_score is not None:
            f["post"] = post_score
            f[f"post@{_bucket(post_score)}"] = 1.0
            if rates:
                f["post*lexw"] = post_score * rates[i]["w"][0]
        if rates:
            for kind, (rate, seen) in rates[i].items():
                f[f"lex{kind}"] = rate
                f[f"lex{kind}@{_bucket(rate)}" if seen else f"lex{kind}@unseen"] = 1.0
            for sign, j in (("-", i - 1), ("+", i + 1)):
                if 0 <= j < n:
                    f[f"{sign}lexw"] = rates[j]["w"][0]
                    f[f"{sign}lexa"] = rates[j]["a"][0]
            if switches.context:
                f["postmax"] = post_max
                f[f"posthot={min(post_hot, 3)}"] = 1.0
        out.append(f)
    return out


def switches_from(config: Any) -> FeatureSwitches:
    """The feature switches of a span CRF config."""
    return FeatureSwitches(config.window, config.affixes, config.lexicon, config.context)
