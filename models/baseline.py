"""TF-IDF + logistic regression: the fast, CPU-only default classifier.

Features are word 1–2-grams and character 2–5-grams of the normalised text, plus
character n-grams of the accent-stripped text so a post typed without diacritics
("thang nay ngu") lands near its accented twin. Word segmentation is off by default:
word bigrams already capture compounds, and underthesea would cap throughput.
``augment_plain`` also trains on stripped copies of accented posts and ``offset_folds``
learns per-label decision offsets (``models.offsets``); the toxicity recipe uses both
(docs/toxicity.md). ``nb_view`` averages the regression's probabilities with NB-LR
(``models.nblr``) on the same features, before the offsets.

With ``metadata`` or ``knn`` on (the misinformation defaults), the logistic regression
becomes the first stage of a stack: its out-of-fold logit, plus nearest-neighbour votes,
feed ``models.metadata.MetadataFusion``, which adds post metadata when a request has it
and scores text-only requests with a text-only branch. The hyper-parameters and their
per-task defaults are ``models.configs.BaselineConfig``; toxicity keeps the plain model.

A post's ``context`` (``PostMetadata.context``: the news title or parent post it replies
to) is read per the ``context`` key: ``separate`` gives context words a word n-gram block
with its own vocabulary, so a title word never shares a weight with the same word in a
comment, and a model trained with no context has no block and ignores any it is given;
``inline`` puts the context before the text, as versions saved before the key did;
``ignore`` drops it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from scipy import sparse
from sklearn import config_context
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion

from models.base import PostMetadata, contexts_of
from models.baseline_io import MODEL_FILE, read_state, write_state
from models.configs import BaselineConfig
from models.errors import InputError, RegistryError
from models.fast_tfidf import FastTfidf
from models.lexicon import CompoundLexicon
from models.markers import marker_counts
from models.metadata import MetadataFusion, cross_fit, metadata_matrix
from models.nblr import fit_nblr, nblr_proba
from models.neighbors import NeighbourVotes
from models.offsets import apply_offsets, tune_offsets
from models.stepwise import Steps, tfidf_steps
from models.tasks import Task
from models.text import normalize_many, segment, strip_diacritics
from models.textstats import text_stats

log = logging.getLogger(__name__)

MIN_STACK_ROWS = 200  # below this the stack overfits; use the plain model


def _accent_blind(text: str) -> str:
    return strip_diacritics(text)


def inline_context(text: str, context: str | None) -> str:
    """``context`` before ``text``, one line each: what ``context="inline"`` reads."""
    return f"{context}\n{text}" if context else text


def _clip(text: str, limit: int) -> str:
    """The first ``limit`` characters, cut at a space when one is near the end."""
    if limit <= 0 or len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > limit // 2 else cut


class BaselineClassifier:
    """A scikit-learn model behind the ``Classifier`` contract."""

    kind: ClassVar[str] = "baseline"

    def __init__(
        self, task: Task, config: BaselineConfig | Mapping[str, Any] | None = None
    ) -> None:
        """
        Args:
            task: the task to learn.
            config: a validated config, or overrides of the task's defaults (unknown keys
                and wrong types raise ``InputError``).
        """
        self.task = task
        self.params = (
            config
            if isinstance(config, BaselineConfig)
            else BaselineConfig.resolve(task.name, config)
        )
        self.config: dict[str, Any] = self.params.to_dict()  # as the manifest records it
        self.text_config = self.params.text
        self._features: FeatureUnion | None = None
        self._context_features: TfidfVectorizer | None = None  # the ``separate`` block
        self._model: LogisticRegression | None = None
        self._neighbours: NeighbourVotes | None = None
        self._fusion: MetadataFusion | None = None
        self._lexicon: CompoundLexicon | None = None
        self._offsets: np.ndarray | None = None
        self._nb: np.ndarray | None = None  # NB-LR weights (``nb_view``), ``models.nblr``
        self._fast: tuple[FeatureUnion, list[FastTfidf]] | None = None  # serving vectorizers
        self._fast_context: tuple[TfidfVectorizer, FastTfidf] | None = None

    # -- training ----------------------------------------------------------------------
    def _word_vectorizer(self) -> TfidfVectorizer:
        cfg = self.params
        return TfidfVectorizer(
            analyzer="word",
            ngram_range=(cfg.word_ngrams[0], cfg.word_ngrams[1]),
            token_pattern=r"(?u)[\w<>]+|[^\w\s]",
            min_df=cfg.min_df,
            max_features=cfg.max_features or None,
            sublinear_tf=True,
            lowercase=False,
        )

    def _build_features(self) -> FeatureUnion:
        cfg = self.params
        cap = cfg.max_features or None
        parts: list[tuple[str, TfidfVectorizer]] = [("word", self._word_vectorizer())]
        if cfg.char_ngrams:
            parts.append(
                (
                    "char",
                    TfidfVectorizer(
                        analyzer="char_wb",
                        ngram_range=(cfg.char_ngrams[0], cfg.char_ngrams[1]),
                        min_df=cfg.min_df,
                        max_features=cap,
                        sublinear_tf=True,
                        lowercase=False,
                    ),
                )
            )
        if cfg.accent_blind and cfg.char_ngrams:
            parts.append(
                (
                    "bare",
                    TfidfVectorizer(
                        analyzer="char_wb",
                        ngram_range=(cfg.char_ngrams[0], cfg.char_ngrams[1]),
                        preprocessor=_accent_blind,
                        min_df=cfg.min_df,
                        max_features=cap,
                        sublinear_tf=True,
                        lowercase=False,
                    ),
                )
            )
        return FeatureUnion(parts)

    def _normalize(self, texts: Sequence[str]) -> list[str]:
        limit = self.params.max_chars
        return normalize_many((_clip(t, limit) for t in texts), self.text_config)

    def _segment(self, norm: list[str]) -> list[str]:
        if self._lexicon is None:
            return norm
        return [self._lexicon.segment(t) for t in norm]

    def _prepare(self, texts: Sequence[str]) -> list[str]:
        """Raw posts → the token stream the vectorizers see."""
        return self._segment(self._normalize(texts))

    def _inputs(
        self, texts: Sequence[str], metadata: Sequence[PostMetadata | None] | None
    ) -> tuple[list[str], list[str]]:
        """The texts as this model reads them, and each one's context for the ``separate``
        block ("" where there is none or the mode does not use it)."""
        contexts = contexts_of(metadata, len(texts))
        if self.params.context == "inline":
            return [inline_context(t, c) for t, c in zip(texts, contexts, strict=True)], [""] * len(
                texts
            )
        if self.params.context == "ignore":
            return list(texts), [""] * len(texts)
        return list(texts), [c or "" for c in contexts]

    def _learn_lexicon(self, norm: Sequence[str]) -> CompoundLexicon | None:
        """With ``lexicon`` on: underthesea over the normalised training texts, as compounds."""
        if not self.params.lexicon or self.text_config.segment:
            return None
        lexicon = CompoundLexicon.from_segmented(segment(t) for t in norm if t)
        log.info("compound lexicon: %d words from %d texts", len(lexicon), len(norm))
        return lexicon

    def _plain_copies(
        self, texts: Sequence[str], contexts: Sequence[str] | None
    ) -> dict[int, tuple[str, str]]:
        """With ``augment_plain``: index → the prepared form of that post (and of its
        context) typed without accents, for posts that have any (an accent-free post would
        only be counted twice).

        The copy is stripped before normalising, as such a post arrives at serving time.
        """
        if not self.params.augment_plain:
            return {}
        bare = [strip_diacritics(t) for t in texts]
        bare_ctx = [strip_diacritics(c) for c in contexts] if contexts is not None else None
        changed = [
            i
            for i, b in enumerate(bare)
            if b != texts[i]
            or (contexts is not None and bare_ctx is not None and bare_ctx[i] != contexts[i])
        ]
        prepared = self._prepare([bare[i] for i in changed])
        prepared_ctx = (
            self._prepare([bare_ctx[i] for i in changed])
            if bare_ctx is not None
            else [""] * len(changed)
        )
        return dict(zip(changed, zip(prepared, prepared_ctx, strict=True), strict=True))

    def _fit_text(
        self,
        norm: Sequence[str],
        ctx: Sequence[str] | None,
        y: np.ndarray,
        extra: Sequence[tuple[str, str, int]] = (),
        weights: np.ndarray | None = None,
    ) -> tuple[
        FeatureUnion,
        TfidfVectorizer | None,
        LogisticRegression,
        NeighbourVotes | None,
        np.ndarray | None,
    ]:
        """Fit the first stage (TF-IDF, logistic regression, NB-LR, neighbours) on ``norm``.

        ``ctx`` (prepared contexts, or ``None``: no context block) gets its own word
        n-gram vectorizer. ``extra`` (prepared text, prepared context, label index) rows
        join the TF-IDF and the regression only: the neighbour index holds real posts.
        ``weights``: sample weights of the regression, rows then extras (``None``: equal).
        """
        features = self._build_features()
        rows = list(norm) + [t for t, _, _ in extra]
        x_all = features.fit_transform(rows)
        context_features = None
        if ctx is not None:
            context_features = self._word_vectorizer()
            try:
                x_ctx = context_features.fit_transform(list(ctx) + [c for _, c, _ in extra])
            except ValueError:  # no context n-gram reaches min_df: no block
                log.info("no context n-gram seen in %d texts; no context block", self.params.min_df)
                context_features = None
            else:
                x_all = sparse.hstack([x_all, x_ctx], format="csr")
        model = LogisticRegression(
            C=self.params.C,
            class_weight=self.params.class_weight,
            max_iter=2000,
        )
        y_all = np.concatenate([y, np.array([lab for _, _, lab in extra], dtype=y.dtype)])
        model.fit(x_all, y_all, sample_weight=weights)
        nb = None
        if self.params.nb_view:
            nb = fit_nblr(
                x_all,
                y_all,
                len(self.task.labels),
                C=self.params.C,
                class_weight=self.params.class_weight,
                sample_weight=weights,
            )
        x = x_all[: len(norm)]
        k = self.params.knn
        neighbours = NeighbourVotes(k, len(self.task.labels)).fit(x, y) if k > 0 else None
        return features, context_features, model, neighbours, nb

    @staticmethod
    def _fitted_matrix(
        features: FeatureUnion,
        context_features: TfidfVectorizer | None,
        norm: Sequence[str],
        ctx: Sequence[str] | None,
    ) -> sparse.csr_matrix:
        """Held-out rows through a fold's vectorizers (training only; serving uses
        ``_transform``)."""
        x = features.transform(list(norm))
        if context_features is None or ctx is None:
            return x
        return sparse.hstack([x, context_features.transform(list(ctx))], format="csr")

    @staticmethod
    def _stack_features(
        x: sparse.spmatrix, model: LogisticRegression, neighbours: NeighbourVotes | None
    ) -> np.ndarray:
        """What the fusion sees of a text: the logit(s), then the neighbour votes.

        The logit is ``decision_function``'s arithmetic without its input checks.
        """
        logit = np.asarray(x @ model.coef_.T) + model.intercept_
        parts = [logit]
        if neighbours is not None:
            parts.append(neighbours.transform(x))
        return np.hstack(parts)

    def _with_extras(self, stack: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """``stack`` with the raw texts' style statistics (``text_stats``) and claim
        markers (``markers``) appended, when on."""
        parts = [stack]
        if self.params.text_stats:
            parts.append(text_stats(texts, self.params.max_chars))
        if self.params.markers:
            parts.append(marker_counts(texts, self.params.max_chars))
        return np.hstack(parts) if len(parts) > 1 else stack

    def _wants_stack(self, y: np.ndarray) -> bool:
        if not (self.params.metadata or self.params.knn > 0):
            return False
        counts = np.bincount(y, minlength=len(self.task.labels))
        folds = self.params.folds
        if len(y) < MIN_STACK_ROWS or counts.min() < 2 * folds:
            log.info("%d examples: too few to stack, fitting the plain model", len(y))
            return False
        return True

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
        sample_weight: Sequence[float] | None = None,
    ) -> BaselineClassifier:
        """Fit on raw texts and label names (which must belong to ``task.labels``).

        ``metadata`` is used only by the stacked model (``metadata`` config on), except
        each post's ``context``. ``sample_weight``: how much each post counts in the
        logistic regression (its stripped copy counts the same); the fusion is unweighted.
        """
        index = {lab: i for i, lab in enumerate(self.task.labels)}
        y = np.array([index[self.task.check_label(lab)] for lab in labels])
        w = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        if w is not None and w.shape != y.shape:
            raise InputError(f"got {len(w)} sample weights for {len(y)} texts")
        if metadata is not None and len(metadata) != len(texts):
            raise InputError(f"got {len(metadata)} metadata entries for {len(texts)} texts")
        texts, raw_ctx = self._inputs(texts, metadata)
        contexts = raw_ctx if any(raw_ctx) else None  # trained without: no block
        norm = self._normalize(texts)
        self._lexicon = self._learn_lexicon(norm)
        norm = self._segment(norm)
        ctx = self._prepare(contexts) if contexts is not None else None
        copies = self._plain_copies(texts, contexts)
        self._fusion = None
        if self._wants_stack(y):

            def fold(train_idx: np.ndarray, held_idx: np.ndarray) -> np.ndarray:
                (_, _, model, neighbours, _), held = self._fit_fold(
                    norm, ctx, y, copies, w, train_idx, held_idx
                )
                return self._stack_features(held, model, neighbours)

            oof = cross_fit(fold, y, folds=self.params.folds, seed=self.params.seed)
            oof = self._with_extras(oof, texts)
            fusion = MetadataFusion(len(self.task.labels), seed=self.params.seed)
            self._fusion = fusion.fit(oof, metadata if self.params.metadata else None, y)
        extra = [(text, context, y[i]) for i, (text, context) in copies.items()]
        self._offsets = (
            self._learn_offsets(norm, ctx, y, copies, w) if self._fusion is None else None
        )
        fitted = self._fit_text(norm, ctx, y, extra, _weights(w, np.arange(len(y)), copies))
        self._features, self._context_features, self._model, self._neighbours, self._nb = fitted
        return self

    def _fit_fold(
        self,
        norm: Sequence[str],
        ctx: Sequence[str] | None,
        y: np.ndarray,
        copies: Mapping[int, tuple[str, str]],
        w: np.ndarray | None,
        train_idx: np.ndarray,
        held_idx: np.ndarray,
    ) -> tuple[Any, Any]:
        """Fit the text model on one fold's rows (with their plain copies) and return it
        with the held-out rows' matrix: shared by the stack and the offsets."""
        extra = [(*copies[i], y[i]) for i in train_idx if i in copies]
        fitted = self._fit_text(
            [norm[i] for i in train_idx],
            _pick(ctx, train_idx),
            y[train_idx],
            extra,
            _weights(w, train_idx, copies),
        )
        held = self._fitted_matrix(
            fitted[0], fitted[1], [norm[i] for i in held_idx], _pick(ctx, held_idx)
        )
        return fitted, held

    def _learn_offsets(
        self,
        norm: Sequence[str],
        ctx: Sequence[str] | None,
        y: np.ndarray,
        copies: Mapping[int, tuple[str, str]],
        w: np.ndarray | None = None,
    ) -> np.ndarray | None:
        """With ``offset_folds``: per-label offsets tuned on out-of-fold probabilities of
        the posts as written (``models.offsets``); each fold trains with its own copies."""
        n_folds = self.params.offset_folds
        counts = np.bincount(y, minlength=len(self.task.labels))
        if not n_folds or counts.min() < n_folds:
            return None
        oof = np.zeros((len(y), len(self.task.labels)))
        splitter = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=0)
        for train_idx, held_idx in splitter.split(np.zeros(len(y)), y):
            (_, _, model, _, nb), held = self._fit_fold(
                norm, ctx, y, copies, w, train_idx, held_idx
            )
            oof[held_idx] = _plain_proba(model, nb, held, len(self.task.labels))
        offsets = tune_offsets(y, oof)
        log.info("decision offsets per label: %s", np.round(offsets, 2).tolist())
        return offsets

    # -- the contract ------------------------------------------------------------------
    def predict_proba(
        self,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
    ) -> np.ndarray:
        n_labels = self._check_input(texts, metadata)
        if not texts:
            return np.zeros((0, n_labels))
        # Our own arrays need no re-validation: scikit-learn's checks cost more than a
        # short post's whole prediction (about 0.4 ms a call, measured).
        with config_context(assume_finite=True, skip_parameter_validation=True):
            return self._predict(texts, metadata, n_labels)

    def _check_input(
        self, texts: Sequence[str], metadata: Sequence[PostMetadata | None] | None
    ) -> int:
        """The number of labels, once the model is fitted and ``metadata`` fits ``texts``."""
        if self._features is None or self._model is None:
            raise RuntimeError("model is not fitted")
        if metadata is not None and len(metadata) != len(texts):
            raise InputError(f"got {len(metadata)} metadata entries for {len(texts)} texts")
        return len(self.task.labels)

    def _transform(
        self, norm: list[str], contexts: Sequence[str] | None = None
    ) -> sparse.csr_matrix:
        """``FeatureUnion.transform`` without its joblib dispatch, each vectorizer's counts
        taken by ``FastTfidf`` (same matrix, under half the time on ViHSD posts), then the
        context block when the model has one."""
        features = self._features
        assert features is not None
        if self._fast is None or self._fast[0] is not features:  # built once per fitted union
            self._fast = (features, [FastTfidf(v) for _, v in features.transformer_list])
        parts = [fast.transform(norm) for fast in self._fast[1]]
        block = self._context_features
        if block is not None:
            if self._fast_context is None or self._fast_context[0] is not block:
                self._fast_context = (block, FastTfidf(block))
            ctx = self._prepare(contexts) if contexts is not None else [""] * len(norm)
            parts.append(self._fast_context[1].transform(ctx))
        return sparse.hstack(parts, format="csr")

    def predict_proba_steps(
        self,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
        *,
        step_chars: int,
    ) -> Steps:
        """``predict_proba`` one text, and one vectorizer pass of ``step_chars``, per step.

        Normalising and segmenting a text are one step each; ``char_wb`` passes are cut at
        whitespace (``models.stepwise``). Same matrix as ``predict_proba``.
        """
        n_labels = self._check_input(texts, metadata)
        assert self._features is not None
        read, contexts = self._inputs(texts, metadata)
        vectorizers = [v for _, v in self._features.transformer_list]
        rows: list[sparse.csr_matrix] = []
        for text, context in zip(read, contexts, strict=True):
            parts = []
            for piece, used in (
                (text, vectorizers),
                (context, [self._context_features] if self._context_features else []),
            ):
                if not used:
                    continue
                norm = self._normalize([piece])[0]
                yield
                if self._lexicon is not None:
                    norm = yield from self._lexicon.segment_steps(norm, step_chars)
                for vectorizer in used:
                    parts.append((yield from tfidf_steps(vectorizer, norm, step_chars)))
            rows.append(sparse.hstack(parts, format="csr"))
        if not rows:
            return np.zeros((0, n_labels))
        # Not held across yields: scikit-learn's config is per thread, steps may move.
        with config_context(assume_finite=True, skip_parameter_validation=True):
            return self._finish(sparse.vstack(rows, format="csr"), read, metadata, n_labels)

    def _predict(
        self, texts: Sequence[str], metadata: Sequence[PostMetadata | None] | None, n_labels: int
    ) -> np.ndarray:
        read, contexts = self._inputs(texts, metadata)
        return self._finish(
            self._transform(self._prepare(read), contexts), read, metadata, n_labels
        )

    def _finish(
        self,
        x: sparse.csr_matrix,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None,
        n_labels: int,
    ) -> np.ndarray:
        """Probabilities from the texts' TF-IDF features."""
        assert self._model is not None
        if self._fusion is not None:
            stack = self._with_extras(self._stack_features(x, self._model, self._neighbours), texts)
            return self._fusion.predict_proba(stack, metadata if self.params.metadata else None)
        if self._model.n_features_in_ > x.shape[1]:  # a version saved before the fusion
            extra = metadata_matrix(metadata if metadata is not None else [None] * len(texts))
            x = sparse.hstack([x, sparse.csr_matrix(extra)], format="csr")
        out = _plain_proba(self._model, self._nb, x, n_labels)
        if self._offsets is not None:
            out = apply_offsets(out, self._offsets)
        return out

    def save(self, directory: Path) -> None:
        state = {
            "features": self._features,
            "context_features": self._context_features,
            "model": self._model,
            "neighbours": self._neighbours,
            "fusion": self._fusion,
            "lexicon": self._lexicon,
            "offsets": self._offsets,
            "nb": self._nb,
        }
        write_state(state, directory / MODEL_FILE)


def load(
    directory: Path, task: Task, config: dict[str, Any], options: dict[str, Any]
) -> BaselineClassifier:
    """Registry loader: rebuild a ``BaselineClassifier`` from a version directory.

    Keys missing from an older manifest take the kind's defaults (never the per-task
    ones, so defaults added later never leak into an older version); keys this code does
    not know are dropped with a warning (``BaselineConfig.from_stored``). What is stacked
    follows the saved state, not the config.
    """
    state = read_state(directory)  # skops, trusting only vimod's list of types
    if state.get("model") is None:
        raise RegistryError(f"{directory.name}: {MODEL_FILE} holds no fitted model")
    model = BaselineClassifier(task, BaselineConfig.from_stored(config, directory.name))
    model._features, model._model = state["features"], state["model"]
    model._neighbours, model._fusion = state.get("neighbours"), state.get("fusion")
    model._lexicon = state.get("lexicon")
    model._context_features = state.get("context_features")
    model._offsets = state.get("offsets")
    model._nb = state.get("nb")  # absent before ``nb_view``: the regression alone
    return model


def _plain_proba(
    model: LogisticRegression, nb: np.ndarray | None, x: sparse.spmatrix, n_labels: int
) -> np.ndarray:
    """The plain model's probabilities: the regression's, averaged with NB-LR's if any."""
    out = np.zeros((x.shape[0], n_labels))
    out[:, model.classes_] = model.predict_proba(x)  # a class absent from training keeps 0
    return out if nb is None else (out + nblr_proba(nb, x)) / 2


def _pick(rows: Sequence[str] | None, idx: np.ndarray) -> list[str] | None:
    return None if rows is None else [rows[i] for i in idx]


def _weights(
    w: np.ndarray | None, idx: np.ndarray, copies: Mapping[int, tuple[str, str]]
) -> np.ndarray | None:
    """Sample weights of the rows ``idx`` and then of their copies, in ``_fit_text``'s order."""
    if w is None:
        return None
    return np.concatenate([w[idx], np.array([w[i] for i in idx if i in copies])])
