"""Fast word segmentation by longest match over compounds learned from underthesea.

underthesea's CRF costs about 0.26 ms for a 50-character comment, more than the whole
toxicity model spends on it, so a second task that segments at serve time doubles the
latency of a request. A TF-IDF model only knows tokens it saw in training, so the
compounds that matter are the ones underthesea produced on the training corpus:
``CompoundLexicon`` keeps them and reproduces the segmentation by greedy longest match,
in microseconds. Training still runs underthesea once, over the training texts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Generator, Iterable

_TOKEN = re.compile(r"\w+|[^\w\s]")
MAX_SYLLABLES = 4  # Vietnamese compounds rarely run longer; longer spans are mostly names


class CompoundLexicon:
    """A set of multi-syllable words and a longest-match segmenter over it.

    Args:
        compounds: each a tuple of two or more lower-case syllables.
    """

    def __init__(self, compounds: Iterable[tuple[str, ...]]) -> None:
        self.compounds = frozenset(c for c in compounds if 2 <= len(c) <= MAX_SYLLABLES)
        self._longest_from: dict[str, int] = {}  # first syllable -> longest compound it starts
        for c in self.compounds:
            self._longest_from[c[0]] = max(len(c), self._longest_from.get(c[0], 0))

    @classmethod
    def from_segmented(cls, texts: Iterable[str], *, min_count: int = 1) -> CompoundLexicon:
        """Collect the ``a_b`` compounds of texts segmented by underthesea."""
        counts: Counter[tuple[str, ...]] = Counter()
        for text in texts:
            for token in text.split():
                if "_" in token.strip("_"):
                    counts[tuple(s for s in token.lower().split("_") if s)] += 1
        return cls(c for c, n in counts.items() if n >= min_count)

    def __getstate__(self) -> dict[str, object]:
        return {"compounds": self.compounds}  # the index is derived; rebuilt on load

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["compounds"])  # type: ignore[misc, arg-type]

    def __len__(self) -> int:
        return len(self.compounds)

    def segment(self, text: str) -> str:
        """Join known compounds with ``_``, longest first, left to right."""
        tokens = _TOKEN.findall(text)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            size = self._longest(tokens, i) if tokens[i] in self._longest_from else 1
            out.append("_".join(tokens[i : i + size]))
            i += size
        return " ".join(out)

    def segment_steps(self, text: str, step_chars: int) -> Generator[None, None, str]:
        """``segment(text)``, yielding after about every ``step_chars`` characters of it.

        The longest match only looks ahead from where it stands, so pausing between
        tokens changes nothing.
        """
        tokens = _TOKEN.findall(text)
        out: list[str] = []
        i, done = 0, 0
        while i < len(tokens):
            size = self._longest(tokens, i) if tokens[i] in self._longest_from else 1
            out.append("_".join(tokens[i : i + size]))
            done += sum(len(t) + 1 for t in tokens[i : i + size])
            i += size
            if done >= step_chars and i < len(tokens):
                done = 0
                yield
        yield
        return " ".join(out)

    def _longest(self, tokens: list[str], start: int) -> int:
        """Syllables in the longest known compound at ``start`` (1 if none)."""
        for size in range(min(self._longest_from[tokens[start]], len(tokens) - start), 1, -1):
            if tuple(tokens[start : start + size]) in self.compounds:
                return size
        return 1
