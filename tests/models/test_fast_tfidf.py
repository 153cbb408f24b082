"""``FastTfidf`` returns exactly the matrix ``TfidfVectorizer.transform`` returns, and the
baseline's probabilities do not move when it is used."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from models.base import PostMetadata
from models.baseline import BaselineClassifier
from models.fast_tfidf import FastTfidf
from models.tasks import MISINFORMATION, TOXICITY
from models.text import strip_diacritics
from tests.conftest import DATA_DIR
from training.datasets import DataContext, load_dataset

# Words that repeat across posts, out-of-vocabulary words, runs of mixed whitespace, a
# lone combining mark (NFD), emoji, an empty and a whitespace-only text, a word longer than
# any n-gram and words shorter than the smallest one.
ODD = [
    "",
    "   \t\n ",
    "a",
    "đồ  ngu\t\tnhư\nbò   ",
    "hoa\u0300 bi\u0300nh thê\u0301 gio\u031b\u0301i",
    "😡😡 cút đi 👉 xxurl",
    "supercalifragilisticexpialidocious zzqqxx",
    "ngu ngu ngu ngu ngu ngu",
]


def _texts() -> tuple[list[str], list[str], list[str]]:
    """Seed posts in two halves (fit, held out), and the labels of the first half."""
    examples = load_dataset("seed:toxicity", DataContext(TOXICITY, DATA_DIR))
    texts = [e.text.lower() for e in examples]
    return texts[::2], texts[1::2], [e.label for e in examples][::2]


def _same(a: sparse.spmatrix, b: sparse.spmatrix) -> None:
    assert type(a) is type(b) and a.shape == b.shape
    assert a.indices.dtype == b.indices.dtype and a.data.dtype == b.data.dtype
    np.testing.assert_array_equal(a.indptr, b.indptr)
    np.testing.assert_array_equal(a.indices, b.indices)
    np.testing.assert_array_equal(a.data, b.data)  # bit for bit, not approximately


VECTORIZERS = {
    "char_wb": {"analyzer": "char_wb", "ngram_range": (2, 5), "lowercase": False},
    "char_wb_accent_blind": {
        "analyzer": "char_wb",
        "ngram_range": (2, 5),
        "preprocessor": strip_diacritics,
        "lowercase": False,
    },
    "char_wb_binary_lowercase": {"analyzer": "char_wb", "ngram_range": (1, 3), "binary": True},
    "word_bigrams": {
        "analyzer": "word",
        "ngram_range": (1, 2),
        "token_pattern": r"(?u)[\w<>]+|[^\w\s]",
        "lowercase": False,
    },
    "char": {"analyzer": "char", "ngram_range": (2, 4)},
}


@pytest.mark.parametrize("name", sorted(VECTORIZERS))
def test_same_matrix_as_scikit_learn(name: str) -> None:
    fit_on, held_out, _ = _texts()
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2, **VECTORIZERS[name]).fit(fit_on)
    fast = FastTfidf(vectorizer)
    docs = [*held_out, *ODD, *[t.upper() for t in held_out[:20]]]
    for _ in range(2):  # the second pass reads the word cache
        _same(fast.transform(docs), vectorizer.transform(docs))


def test_word_cache_is_bounded_and_stays_exact() -> None:
    fit_on, held_out, _ = _texts()
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).fit(fit_on)
    fast = FastTfidf(vectorizer, cache_max=7)
    docs = held_out + ODD
    _same(fast.transform(docs), vectorizer.transform(docs))
    assert 0 < len(fast._words) <= 7


def _reference(model: BaselineClassifier) -> None:
    """Make ``model`` count n-grams with scikit-learn's own ``transform`` again."""

    class Plain(FastTfidf):
        def transform(self, docs: Sequence[str]) -> sparse.csr_array:
            return self.vectorizer.transform(docs)

    assert model._features is not None
    model._fast = (model._features, [Plain(v) for _, v in model._features.transformer_list])


@pytest.mark.parametrize("task", [TOXICITY, MISINFORMATION])
def test_baseline_probabilities_unchanged(task: object) -> None:
    fit_on, held_out, labels = _texts()
    fit_on, held_out, labels = fit_on[:300], held_out[:100], labels[:300]  # enough to stack
    if task is TOXICITY:
        model = BaselineClassifier(TOXICITY, {"min_df": 2, "C": 0.5})
        model.fit(fit_on, labels)
        meta: list[PostMetadata | None] | None = None
    else:  # the stacked model: lexicon, neighbours, fusion
        rng = np.random.default_rng(0)
        y = ["UNRELIABLE" if lab != "CLEAN" else "RELIABLE" for lab in labels]
        model = BaselineClassifier(MISINFORMATION, {"min_df": 1, "lexicon": False})
        model.fit(fit_on, y, [PostMetadata(shares=float(rng.integers(0, 50))) for _ in fit_on])
        assert model._fusion is not None and model._neighbours is not None
        meta = [PostMetadata(shares=3.0)] * len(held_out + ODD)
    docs = held_out + ODD
    fast = model.predict_proba(docs, meta)
    _reference(model)
    plain = model.predict_proba(docs, meta)
    np.testing.assert_allclose(fast, plain, rtol=0, atol=1e-9)
