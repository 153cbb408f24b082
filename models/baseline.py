"""TF-IDF + logistic regression: the fast, CPU-only default classifier.

Features are word 1–2-grams and character 2–5-grams of the normalised text, plus
character n-grams of the accent-stripped text so a post typed without diacritics
("thang nay ngu") lands near its accented twin. Word segmentation is off by default:
word bigrams already capture compounds, and underthesea would cap throughput.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import joblib
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from models.base import PostMetadata
from models.errors import RegistryError
from models.metadata import metadata_matrix
from models.tasks import Task
from models.text import TextConfig, normalize_many, strip_diacritics

MODEL_FILE = "baseline.joblib"

DEFAULT_CONFIG: dict[str, Any] = {
    "text": TextConfig().to_dict(),
    "word_ngrams": [1, 2],
    "char_ngrams": [2, 5],
    "char_accented": False,
    "accent_blind": True,
    "max_features": 300_000,
    "min_df": 2,
    "C": 4.0,
    "class_weight": "balanced",
    "metadata": False,
}


def _accent_blind(text: str) -> str:
    return strip_diacritics(text)


class BaselineClassifier:
    """A scikit-learn model behind the ``Classifier`` contract."""

    kind: ClassVar[str] = "baseline"

    def __init__(self, task: Task, config: dict[str, Any] | None = None) -> None:
        self.task = task
        self.config: dict[str, Any] = {**DEFAULT_CONFIG, **(config or {})}
        self.text_config = TextConfig.from_dict(self.config["text"])
        self._features: FeatureUnion | None = None
        self._model: LogisticRegression | None = None

    # -- training ----------------------------------------------------------------------
    def _build_features(self) -> FeatureUnion:
        cfg = self.config
        cap = int(cfg["max_features"]) or None
        parts: list[tuple[str, TfidfVectorizer]] = [
            (
                "word",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=tuple(cfg["word_ngrams"]),
                    token_pattern=r"(?u)[\w<>]+|[^\w\s]",
                    min_df=cfg["min_df"],
                    max_features=cap,
                    sublinear_tf=True,
                    lowercase=False,
                ),
            ),
        ]
        if cfg["char_accented"]:
            parts.append(
                (
                    "char",
                    TfidfVectorizer(
                        analyzer="char_wb",
                        ngram_range=tuple(cfg["char_ngrams"]),
                        min_df=cfg["min_df"],
                        max_features=cap,
                        sublinear_tf=True,
                        lowercase=False,
                    ),
                )
            )
        if cfg["accent_blind"]:
            parts.append(
                (
                    "bare",
                    TfidfVectorizer(
                        analyzer="char_wb",
                        ngram_range=tuple(cfg["char_ngrams"]),
                        preprocessor=_accent_blind,
                        min_df=cfg["min_df"],
                        max_features=cap,
                        sublinear_tf=True,
                        lowercase=False,
                    ),
                )
            )
        return FeatureUnion(parts)

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
    ) -> BaselineClassifier:
        """Fit on raw texts and label names (which must belong to ``task.labels``)."""
        index = {lab: i for i, lab in enumerate(self.task.labels)}
        y = np.array([index[self.task.check_label(lab)] for lab in labels])
        self._features = self._build_features()
        x = self._features.fit_transform(normalize_many(texts, self.text_config))
        x = self._with_metadata(x, texts, metadata)
        self._model = LogisticRegression(
            C=float(self.config["C"]),
            class_weight=self.config["class_weight"],
            max_iter=2000,
        )
        self._model.fit(x, y)
        return self

    def _with_metadata(
        self,
        x: sparse.spmatrix,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None,
    ) -> sparse.spmatrix:
        if not self.config["metadata"]:
            return x
        extra = metadata_matrix(metadata if metadata is not None else [None] * len(texts))
        return sparse.hstack([x, sparse.csr_matrix(extra)], format="csr")

    # -- the contract ------------------------------------------------------------------
    def predict_proba(
        self,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
    ) -> np.ndarray:
        if self._features is None or self._model is None:
            raise RuntimeError("model is not fitted")
        n_labels = len(self.task.labels)
        if not texts:
            return np.zeros((0, n_labels))
        x = self._features.transform(normalize_many(texts, self.text_config))
        proba = self._model.predict_proba(self._with_metadata(x, texts, metadata))
        out = np.zeros((len(texts), n_labels))
        out[:, self._model.classes_] = proba  # a class absent from training keeps score 0
        return out

    def save(self, directory: Path) -> None:
        joblib.dump({"features": self._features, "model": self._model}, directory / MODEL_FILE)


def load(
    directory: Path, task: Task, config: dict[str, Any], options: dict[str, Any]
) -> BaselineClassifier:
    """Registry loader: rebuild a ``BaselineClassifier`` from a version directory."""
    state = joblib.load(directory / MODEL_FILE)
    if not isinstance(state, dict) or state.get("model") is None:
        raise RegistryError(f"{directory.name}: {MODEL_FILE} holds no fitted model")
    model = BaselineClassifier(task, config)
    model._features, model._model = state["features"], state["model"]
    return model
