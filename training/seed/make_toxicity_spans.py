"""Mark the offending words of the team's own seed posts (writes ``toxicity_spans.csv``).

Reads ``toxicity.csv`` (team-written posts, no dataset rows) and ``span_lexicon.txt`` (the
team's list of offending words and phrases). In each OFFENSIVE or HATE post, every
occurrence of a lexicon phrase becomes a span: tokens are matched by their normalised
forms (``models.span_features.tokenize``: lower case, stretched letters squeezed), or by
their bare form when the post was typed without diacritics; the longest phrase wins.
CLEAN posts get no span. Offsets index the post exactly as stored.

Usage: ``python training/seed/make_toxicity_spans.py`` (run from the repository root)
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from models.span_contract import Span, merge_adjacent
from models.span_features import Token, tokenize

HERE = Path(__file__).parent
OUTPUT = HERE / "toxicity_spans.csv"


def lexicon_phrases(path: Path = HERE / "span_lexicon.txt") -> list[list[Token]]:
    """The lexicon's phrases as token lists, longest first."""
    lines = [line.strip() for line in path.read_text("utf-8").splitlines()]
    phrases = [tokenize(line) for line in lines if line and not line.startswith("#")]
    return sorted(phrases, key=len, reverse=True)


# A one-word phrase matches a post typed without diacritics only if its bare form is this
# long: shorter ones are everyday words once bare ("chó" → "cho", "đĩ" → "di").
MIN_BARE_SINGLE = 5


def _same(token: Token, want: Token, single: bool) -> bool:
    if token.word == want.word:
        return True
    if single and len(want.bare) < MIN_BARE_SINGLE:
        return False
    typed_bare = token.word == token.bare  # the user typed no diacritics
    return typed_bare and token.bare == want.bare


def mark(text: str, phrases: list[list[Token]]) -> list[tuple[int, int]]:
    """Every lexicon phrase found in ``text`` as ``(start, end)``, merged across spaces."""
    tokens = tokenize(text)
    taken = [False] * len(tokens)
    found: list[Span] = []
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if any(taken[i : i + n]):
                continue
            window = tokens[i : i + n]
            # tokens glued in the phrase ("d.m") must be glued in the post, and vice versa
            glued = all(
                (window[k].end == window[k + 1].start) == (phrase[k].end == phrase[k + 1].start)
                for k in range(n - 1)
            )
            if glued and all(_same(t, p, n == 1) for t, p in zip(window, phrase, strict=True)):
                taken[i : i + n] = [True] * n
                found.append(Span(window[0].start, window[-1].end, 1.0))
    return [(s.start, s.end) for s in merge_adjacent(found, text)]


def main() -> None:
    phrases = lexicon_phrases()
    with open(HERE / "toxicity.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open(OUTPUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "spans"])
        for row in rows:
            spans = mark(row["text"], phrases) if row["label"] != "CLEAN" else []
            writer.writerow([row["text"], json.dumps(spans)])


if __name__ == "__main__":
    main()
