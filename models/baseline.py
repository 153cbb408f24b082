"""TF-IDF + logistic regression: the fast, CPU-only default classifier.

Features are word 1–2-grams and character 2–5-grams of the normalised text, plus
character n-grams of the accent-stripped text so a post typed without diacritics
("thang nay ngu") lands near its accented twin. Word segmentation is off by default:
word bigrams already capture compounds, and underthesea would cap throughput.
``augment_plain`` also trains on stripped copies of accented posts and ``offset_folds``
learns per-label decision offsets (``models.offsets``); the toxicity recipe uses both
(docs/toxicity.md).

With ``metadata`` or ``knn`` on (the misinformation defaults), the logistic regression
becomes the first stage of a stack: its out-of-fold logit, plus nearest-neighbour votes,
feed ``models.metadata.MetadataFusion``, which adds post metadata when a request has it
and scores text-only requests with a text-only branch. The hyper-parameters and their
per-task defaults are ``models.configs.BaselineConfig``; toxicity keeps the plain model.
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

from models.base import PostMetadata
from models.baseline_io import MODEL_FILE, read_state, write_state
from models.configs import BaselineConfig
from models.errors import InputError, RegistryError
from models.fast_tfidf import FastTfidf
from models.lexicon import CompoundLexicon
from models.markers import marker_counts
from models.metadata import MetadataFusion, cross_fit, metadata_matrix
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
        self._model: LogisticRegression | None = None
        self._neighbours: NeighbourVotes | None = None
        self._fusion: MetadataFusion | None = None
        self._lexicon: CompoundLexicon | None = None
        self._offsets: np.ndarray | None = None
        self._fast: tuple[FeatureUnion, list[FastTfidf]] | None = None  # serving vectorizers

    # -- training ----------------------------------------------------------------------
    def _build_features(self) -> FeatureUnion:
        cfg = self.params
        cap = cfg.max_features or None
        parts: list[tuple[str, TfidfVectorizer]] = [
            (
                "word",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(cfg.word_ngrams[0], cfg.word_ngrams[1]),
                    token_pattern=r"(?u)[\w<>]+|[^\w\s]",
                    min_df=cfg.min_df,
                    max_features=cap,
                    sublinear_tf=True,
                    lowercase=False,
                ),
            ),
        ]
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

    def _learn_lexicon(self, norm: Sequence[str]) -> CompoundLexicon | None:
        """With ``lexicon`` on: underthesea over the normalised training texts, as compounds."""
        if not self.params.lexicon or self.text_config.segment:
            return None
        lexicon = CompoundLexicon.from_segmented(segment(t) for t in norm if t)
        log.info("compound lexicon: %d words from %d texts", len(lexicon), len(norm))
        return lexicon

    def _plain_copies(self, texts: Sequence[str]) -> dict[int, str]:
        """With ``augment_plain``: index → the prepared form of that post typed without
        accents, for posts that have any (an accent-free post would only be counted twice).

        The copy is stripped before normalising, as such a post arrives at serving time.
        """
        if not self.params.augment_plain:
            return {}
        bare = {i: strip_diacritics(t) for i, t in enumerate(texts)}
        changed = [i for i, b in bare.items() if b != texts[i]]
        prepared = self._prepare([bare[i] for i in changed])
        return dict(zip(changed, prepared, strict=True))

    def _fit_text(
        self,
        norm: Sequence[str],
        y: np.ndarray,
        extra: Sequence[tuple[str, int]] = (),
    ) -> tuple[FeatureUnion, LogisticRegression, NeighbourVotes | None]:
        """Fit the first stage (TF-IDF, logistic regression, neighbours) on ``norm``.

        ``extra`` (prepared text, label index) rows join the TF-IDF and the regression
        only: the neighbour index holds real posts.
        """
        features = self._build_features()
        rows = list(norm) + [t for t, _ in extra]
        x_all = features.fit_transform(rows)
        model = LogisticRegression(
            C=self.params.C,
            class_weight=self.params.class_weight,
            max_iter=2000,
        )
        model.fit(x_all, np.concatenate([y, np.array([lab for _, lab in extra], dtype=y.dtype)]))
        x = x_all[: len(norm)]
        k = self.params.knn
        neighbours = NeighbourVotes(k, len(self.task.labels)).fit(x, y) if k > 0 else None
        return features, model, neighbours

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
    ) -> BaselineClassifier:
        """Fit on raw texts and label names (which must belong to ``task.labels``).

        ``metadata`` is used only by the stacked model (``metadata`` config on).
        """
        index = {lab: i for i, lab in enumerate(self.task.labels)}
        y = np.array([index[self.task.check_label(lab)] for lab in labels])
        norm = self._normalize(texts)
        self._lexicon = self._learn_lexicon(norm)
        norm = self._segment(norm)
        copies = self._plain_copies(texts)
        self._fusion = None
        if self._wants_stack(y):

            def fold(train_idx: np.ndarray, held_idx: np.ndarray) -> np.ndarray:
                extra = [(copies[i], y[i]) for i in train_idx if i in copies]
                features, model, neighbours = self._fit_text(
                    [norm[i] for i in train_idx], y[train_idx], extra
                )
                held = features.transform([norm[i] for i in held_idx])
                return self._stack_features(held, model, neighbours)

            oof = cross_fit(fold, y, folds=self.params.folds, seed=self.params.seed)
            oof = self._with_extras(oof, texts)
            fusion = MetadataFusion(len(self.task.labels), seed=self.params.seed)
            self._fusion = fusion.fit(oof, metadata if self.params.metadata else None, y)
        extra = [(text, y[i]) for i, text in copies.items()]
        self._offsets = self._learn_offsets(norm, y, copies) if self._fusion is None else None
        self._features, self._model, self._neighbours = self._fit_text(norm, y, extra)
        return self

    def _learn_offsets(
        self, norm: Sequence[str], y: np.ndarray, copies: Mapping[int, str]
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
            extra = [(copies[i], y[i]) for i in train_idx if i in copies]
            features, model, _ = self._fit_text([norm[i] for i in train_idx], y[train_idx], extra)
            oof[held_idx] = model.predict_proba(features.transform([norm[i] for i in held_idx]))
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

    def _transform(self, norm: list[str]) -> sparse.csr_matrix:
        """``FeatureUnion.transform`` without its joblib dispatch, each vectorizer's counts
        taken by ``FastTfidf`` (same matrix, under half the time on ViHSD posts)."""
        features = self._features
        assert features is not None
        if self._fast is None or self._fast[0] is not features:  # built once per fitted union
            self._fast = (features, [FastTfidf(v) for _, v in features.transformer_list])
        return sparse.hstack([fast.transform(norm) for fast in self._fast[1]], format="csr")

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
        rows: list[sparse.csr_matrix] = []
        for text in texts:
            norm = self._normalize([text])[0]
            yield
            if self._lexicon is not None:
                norm = yield from self._lexicon.segment_steps(norm, step_chars)
            parts = []
            for _, vectorizer in self._features.transformer_list:
                parts.append((yield from tfidf_steps(vectorizer, norm, step_chars)))
            rows.append(sparse.hstack(parts, format="csr"))
        if not rows:
            return np.zeros((0, n_labels))
        # Not held across yields: scikit-learn's config is per thread, steps may move.
        with config_context(assume_finite=True, skip_parameter_validation=True):
            return self._finish(sparse.vstack(rows, format="csr"), texts, metadata, n_labels)

    def _predict(
        self, texts: Sequence[str], metadata: Sequence[PostMetadata | None] | None, n_labels: int
    ) -> np.ndarray:
        return self._finish(self._transform(self._prepare(texts)), texts, metadata, n_labels)

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
        proba = self._model.predict_proba(x)
        out = np.zeros((len(texts), n_labels))
        out[:, self._model.classes_] = proba  # a class absent from training keeps score 0
        if self._offsets is not None:
            out = apply_offsets(out, self._offsets)
        return out

    def save(self, directory: Path) -> None:
        state = {
            "features": self._features,
            "model": self._model,
            "neighbours": self._neighbours,
            "fusion": self._fusion,
            "lexicon": self._lexicon,
            "offsets": self._offsets,
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
    model._offsets = state.get("offsets")
    return model
