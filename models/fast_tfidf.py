"""``TfidfVectorizer.transform`` at serving speed: the same matrix, bit for bit.

scikit-learn counts a text's n-grams one by one in a Python dict
(``CountVectorizer._count_vocab``); with three vectorizers that loop was 40 % of the
server's CPU time on two-task requests (py-spy, README "HTTP throughput"). Two shortcuts,
both exact:

* ``char_wb`` n-grams never cross whitespace, so a text's n-grams are the concatenation of
  its words' n-grams. Vietnamese posts reuse a few thousand syllables, so each word's
  vocabulary indices are computed once (by the vectorizer's own ``_char_wb_ngrams``) and
  cached; a text costs one dict lookup per word.
* Counting is one scipy duplicate-sum over the whole batch instead of a dict per text.

The counts then go through the vectorizer's own ``TfidfTransformer`` (sublinear tf, idf,
l2 norm), so the floating-point arithmetic is the one scikit-learn does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import repeat

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

# Distinct words cached per vectorizer before the cache starts over (a few MB at most).
WORD_CACHE_MAX = 50_000

_EMPTY = np.zeros(0, dtype=np.int64)


class FastTfidf:
    """A fitted ``TfidfVectorizer``'s ``transform``, faster and with the same output.

    Args:
        vectorizer: a fitted vectorizer; read, never modified.
        cache_max: distinct words to remember (``char_wb`` only).
    """

    def __init__(self, vectorizer: TfidfVectorizer, cache_max: int = WORD_CACHE_MAX) -> None:
        self.vectorizer = vectorizer
        self._vocab: dict[str, int] = vectorizer.vocabulary_
        self._by_word = vectorizer.analyzer == "char_wb"
        self._preprocess: Callable[[str], str] = vectorizer.build_preprocessor()
        self._analyze: Callable[[str], list[str]] = vectorizer.build_analyzer()
        self._words: dict[str, np.ndarray] = {}
        self._cache_max = cache_max

    def transform(self, docs: Sequence[str]) -> sparse.csr_array:
        """What ``vectorizer.transform(docs)`` returns."""
        counts = self.counts(docs)
        if self.vectorizer.binary:
            counts.data.fill(1)
        return self.vectorizer._tfidf.transform(counts, copy=False)

    def counts(self, docs: Sequence[str]) -> sparse.csr_array:
        """The term-count matrix ``CountVectorizer.transform`` builds (sorted CSR, float64)."""
        cols, rows = self._char_wb_cells(docs) if self._by_word else self._cells(docs)
        ones = np.ones(len(cols), dtype=self.vectorizer.dtype)
        shape = (len(docs), len(self._vocab))
        counts = sparse.coo_array((ones, (rows, cols)), shape=shape).tocsr()
        counts.sum_duplicates()  # tocsr did it; the call documents the sorted-indices contract
        if counts.nnz <= np.iinfo(np.int32).max:  # the index width scikit-learn picks
            counts.indices = counts.indices.astype(np.int32, copy=False)
            counts.indptr = counts.indptr.astype(np.int32, copy=False)
        return counts

    def _cells(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(column, row) of every in-vocabulary n-gram occurrence, any analyzer."""
        analyze = self._analyze
        grams: list[str] = []
        per_doc = np.zeros(len(docs), dtype=np.int64)
        for row, doc in enumerate(docs):
            found = analyze(doc)
            per_doc[row] = len(found)
            grams.extend(found)
        ids = np.fromiter(map(self._vocab.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))
        rows = np.repeat(np.arange(len(docs)), per_doc)
        known = ids >= 0
        return ids[known], rows[known]

    def _char_wb_cells(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(column, row) of every in-vocabulary ``char_wb`` n-gram, word by word (cached)."""
        vec = self.vectorizer
        spaces, preprocess = vec._white_spaces, self._preprocess
        words: list[str] = []
        per_doc = np.zeros(len(docs), dtype=np.int64)
        for row, doc in enumerate(docs):
            split = spaces.sub(" ", preprocess(vec.decode(doc))).split()
            per_doc[row] = len(split)
            words.extend(split)
        parts: list[np.ndarray | None] = list(map(self._words.get, words))
        for k in [k for k, part in enumerate(parts) if part is None]:
            parts[k] = self._word_indices(words[k])
        if not parts:
            return _EMPTY, _EMPTY
        per_word = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))  # type: ignore[arg-type]
        rows = np.repeat(np.repeat(np.arange(len(docs)), per_doc), per_word)
        return np.concatenate(parts), rows  # type: ignore[arg-type]

    def _word_indices(self, word: str) -> np.ndarray:
        """One word's in-vocabulary ``char_wb`` n-gram indices, remembered."""
        get = self._vocab.get
        grams = self.vectorizer._char_wb_ngrams(word)
        found = np.asarray([i for i in map(get, grams) if i is not None], dtype=np.int64)
        if len(self._words) >= self._cache_max:
            self._words.clear()  # start over rather than grow without bound
        self._words[word] = found
        return found
