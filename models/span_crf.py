"""``span_crf``: a linear-chain CRF over syllables that marks offending tokens (CPU only).

Each token of ``syllable_offsets(raw text)`` is labelled ``T`` (offending) or ``O``; the
token's marginal probability of ``T`` is compared with a threshold chosen on dev data
(below 0.5 usually helps F1: the CRF's Viterbi path is cautious on rare insults).
Consecutive marked tokens become one ``Span`` scored by their highest marginal, and spans
separated only by whitespace are merged, so offsets index the raw post by construction.

Files: ``crf.model`` (crfsuite's own format) and ``lexicon.json``; no pickle. Training
with L-BFGS is deterministic: the ``seed`` only changes the out-of-fold split that
computes the training posts' lexicon features (``models.span_features``).
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from models._files import atomic_write
from models.configs import SpanCrfConfig
from models.errors import RegistryError
from models.span_contract import Span, merge_adjacent
from models.span_features import (
    Features,
    SpanLexicon,
    Token,
    post_features,
    switches_from,
    token_labels,
    tokenize,
)
from models.span_post import POST_FILE, PostScorer

MODEL_FILE = "crf.model"
LEXICON_FILE = "lexicon.json"
POSITIVE, NEGATIVE = "T", "O"


class SpanCrf:
    """A trained span CRF (see the module docstring)."""

    kind: ClassVar[str] = "span_crf"

    def __init__(
        self,
        config: SpanCrfConfig,
        model: bytes,
        lexicon: SpanLexicon,
        post: PostScorer | None = None,
    ) -> None:
        import pycrfsuite  # imported when a span model is built or loaded, not with models/

        self._config = config
        self._model = model
        self.lexicon = lexicon
        self.post = post
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)
        self._lock = threading.Lock()  # one crfsuite tagger holds per-sequence state

    @property
    def config(self) -> dict[str, Any]:  # type: ignore[override]
        return self._config.to_dict()

    @property
    def threshold(self) -> float:
        return self._config.threshold

    def with_threshold(self, threshold: float) -> SpanCrf:
        """The same model deciding at ``threshold`` (chosen on dev data)."""
        config = self._config.model_copy(update={"threshold": round(float(threshold), 3)})
        return SpanCrf(config, self._model, self.lexicon, self.post)

    def token_scores(self, texts: Sequence[str]) -> list[tuple[list[Token], list[float]]]:
        """Per text: its tokens and each token's marginal probability of being offending."""
        switches = switches_from(self._config)
        posts = self.post.score(texts).tolist() if self.post is not None else [None] * len(texts)
        out: list[tuple[list[Token], list[float]]] = []
        for text, post in zip(texts, posts, strict=True):
            tokens = tokenize(text)
            if not tokens:
                out.append((tokens, []))
                continue
            features = post_features(tokens, self.lexicon, switches, post)
            with self._lock:
                self._tagger.set(features)
                scores = [self._tagger.marginal(POSITIVE, i) for i in range(len(tokens))]
            out.append((tokens, scores))
        return out

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        return [
            decode(text, tokens, scores, self.threshold)
            for text, (tokens, scores) in zip(texts, self.token_scores(texts), strict=True)
        ]

    def save(self, directory: Path) -> None:
        (directory / MODEL_FILE).write_bytes(self._model)
        atomic_write(directory / LEXICON_FILE, self.lexicon.to_json())
        if self.post is not None:
            self.post.save(directory)


def decode(
    text: str, tokens: Sequence[Token], scores: Sequence[float], threshold: float
) -> list[Span]:
    """Marked tokens as spans of ``text``: runs joined, then merged across whitespace."""
    spans = [
        Span(t.start, t.end, round(float(s), 4))
        for t, s in zip(tokens, scores, strict=True)
        if s >= threshold
    ]
    return merge_adjacent(spans, text)


def _features(
    posts: Sequence[list[Token]],
    lexicon: SpanLexicon | None,
    config: SpanCrfConfig,
    post_scores: Sequence[float | None],
) -> list[list[Features]]:
    switches = switches_from(config)
    return [
        post_features(tokens, lexicon, switches, score)
        for tokens, score in zip(posts, post_scores, strict=True)
    ]


def _out_of_fold(
    texts: Sequence[str],
    posts: Sequence[list[Token]],
    labels: Sequence[list[bool]],
    config: SpanCrfConfig,
) -> list[list[Features]]:
    """Training features whose lexicon rates and post score never saw the post's own labels.

    A rate computed on all of train would tell the CRF each training token's own label
    (a word seen once reads 100 % offending), so it would trust the lexicon far more than
    it deserves on unseen posts; the same holds for the post-level score.
    """
    order = list(range(len(posts)))
    random.Random(config.seed).shuffle(order)
    fold_of = {post: n % config.folds for n, post in enumerate(order)}
    out: list[list[Features]] = [[] for _ in posts]
    for fold in range(config.folds):
        rest = [i for i in range(len(posts)) if fold_of[i] != fold]
        held = [i for i in range(len(posts)) if fold_of[i] == fold]
        lexicon = None
        if config.lexicon:
            lexicon = SpanLexicon.fit(((posts[i], labels[i]) for i in rest), config.smoothing)
        scores: list[float | None] = [None] * len(held)
        if config.post_model:
            post = PostScorer.fit(
                [texts[i] for i in rest], [any(labels[i]) for i in rest], config.post_c
            )
            scores = post.score([texts[i] for i in held]).tolist()
        feats = _features([posts[i] for i in held], lexicon, config, scores)
        for i, f in zip(held, feats, strict=True):
            out[i] = f
    return out


def fit(
    texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], config: SpanCrfConfig
) -> SpanCrf:
    """Train a span CRF on posts and their gold ``(start, end)`` ranges."""
    import pycrfsuite

    tokenized = [tokenize(t) for t in texts]
    keep = [i for i, p in enumerate(tokenized) if p]
    texts = [texts[i] for i in keep]
    posts = [tokenized[i] for i in keep]
    labels = [token_labels(posts[n], spans[i]) for n, i in enumerate(keep)]
    lexicon = SpanLexicon.fit(zip(posts, labels, strict=True), config.smoothing)
    post = None
    if config.post_model:
        post = PostScorer.fit(texts, [any(y) for y in labels], config.post_c)
    if config.lexicon or config.post_model:
        features = _out_of_fold(texts, posts, labels, config)
    else:
        features = _features(posts, None, config, [None] * len(posts))
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labs in zip(features, labels, strict=True):
        trainer.append(feats, [POSITIVE if y else NEGATIVE for y in labs])
    trainer.set_params(
        {
            "c1": config.c1,
            "c2": config.c2,
            "max_iterations": config.max_iterations,
            "feature.possible_transitions": True,
        }
    )
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        model = Path(path).read_bytes()
    finally:
        Path(path).unlink(missing_ok=True)
    return SpanCrf(config, model, lexicon, post)


def load(directory: Path, config: dict[str, Any], options: dict[str, Any]) -> SpanCrf:
    """Registry loader: crfsuite's model file plus the JSON lexicon."""
    cfg = SpanCrfConfig.from_stored(config, directory.name)
    try:
        model = (directory / MODEL_FILE).read_bytes()
        lexicon = SpanLexicon.from_json((directory / LEXICON_FILE).read_text("utf-8"))
        post = PostScorer.load(directory) if (directory / POST_FILE).exists() else None
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise RegistryError(f"{directory.name}: cannot read the span CRF: {exc}") from exc
    return SpanCrf(cfg, model, lexicon, post)
