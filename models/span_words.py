"""Cut a raw post into the words a transformer tagger sees, remembering their syllables.

A span model must answer in offsets of the text as typed, while the network wants the
canonical form (NFC, one tone placement, squeezed letters, maybe lower case, teencode and
word segmentation). ``cut`` therefore normalises *syllable by syllable*: each syllable of
``syllable_offsets`` keeps its raw ``(start, end)``, and every normalised word records
which syllables it came from. Teencode may turn one syllable into several words
(``dm`` → ``đụ mẹ``); segmentation may join several syllables into one word
(``học sinh`` → ``học_sinh``). Either way the map back to raw characters is exact.

Segmentation uses ``models.text.segment`` (underthesea, as the classifier does) only to
decide which neighbouring pieces form a compound; the pieces themselves stay ours.
underthesea may re-place tone marks or split a token, so its output is aligned by
character counts (spaces and ``_`` ignored); if even the counts disagree the text is left
unsegmented rather than guessed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from models.span_contract import syllable_offsets
from models.text import TextConfig, normalize_many, segment

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cut:
    """One post as the tagger sees it.

    Attributes:
        syllables: raw ``(start, end)`` of every syllable, in order.
        words: the normalised (optionally segmented) words fed to the tokenizer.
        word_syllables: per word, the half-open range ``(a, b)`` of syllable indices it covers.
    """

    syllables: list[tuple[int, int]]
    words: list[str]
    word_syllables: list[tuple[int, int]]

    def syllable_words(self) -> list[list[int]]:
        """Per syllable, the indices of the words that cover it (empty: it has no word)."""
        out: list[list[int]] = [[] for _ in self.syllables]
        for w, (a, b) in enumerate(self.word_syllables):
            for s in range(a, b):
                out[s].append(w)
        return out


def cut(texts: Sequence[str], config: TextConfig) -> list[Cut]:
    """``Cut`` each raw text with the pipeline ``config`` describes."""
    per_syllable = replace(config, segment=False)
    offsets = [syllable_offsets(t) for t in texts]
    raw = [t[s:e] for t, spans in zip(texts, offsets, strict=True) for s, e in spans]
    forms = iter(normalize_many(raw, per_syllable))
    out = []
    for spans in offsets:
        pieces: list[str] = []
        owner: list[int] = []
        for index in range(len(spans)):
            for piece in next(forms).split():
                pieces.append(piece)
                owner.append(index)
        groups = _compounds(pieces) if config.segment else [(i, i + 1) for i in range(len(pieces))]
        words = ["_".join(pieces[a:b]) for a, b in groups]
        ranges = [(owner[a], owner[b - 1] + 1) for a, b in groups]
        out.append(Cut(spans, words, ranges))
    return out


def _compounds(pieces: list[str]) -> list[tuple[int, int]]:
    """Half-open piece ranges that underthesea joins into one word, in order."""
    if not pieces:
        return []
    single = [(i, i + 1) for i in range(len(pieces))]
    lengths = [len(p.replace("_", "")) for p in pieces]
    tokens = segment(" ".join(pieces)).split()
    sizes = [len(tok.replace("_", "")) for tok in tokens]
    if sum(sizes) != sum(lengths):
        log.debug("segmentation changed the text's length; leaving it unsegmented")
        return single
    # piece_at[c] = index of the piece holding compact character c
    piece_at = [i for i, n in enumerate(lengths) for _ in range(n)]
    groups: list[tuple[int, int]] = []
    pos = 0
    for size in sizes:
        if size == 0:
            continue
        first, last = piece_at[pos], piece_at[pos + size - 1]
        pos += size
        if groups and first < groups[-1][1]:  # a token split one of our pieces: keep it whole
            first = groups.pop()[0]
        groups.append((first, last + 1))
    return [part for a, b in groups for part in _word_runs(pieces, a, b)]


def _word_runs(pieces: list[str], a: int, b: int) -> list[tuple[int, int]]:
    """Split ``pieces[a:b]`` so only letter/digit pieces share a word.

    underthesea sometimes glues punctuation or emoji to a word (``vui_=``); RDRSegmenter,
    which PhoBERT was pre-trained with, does not.
    """
    runs: list[tuple[int, int]] = []
    for i in range(a, b):
        wordlike = pieces[i][:1].isalnum()
        if wordlike and runs and runs[-1][1] == i and pieces[runs[-1][0]][:1].isalnum():
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs
