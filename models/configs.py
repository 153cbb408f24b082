"""Typed hyper-parameters of each model kind: one documented pydantic model per kind.

Two ways in, with two policies:

* ``KindConfig.resolve`` builds a config from what a user asked for (``vimod train --set``,
  ``vimod crossval --set``, a ``TrainJob``): the kind's defaults, then its per-task
  defaults, then the overrides, merged key by key (``text.segment=true`` keeps the other
  ``text`` keys). An unknown key or a wrong type raises ``InputError`` naming the key and
  listing the known ones, so a typo (``knnn=5``) never trains silently.
* ``KindConfig.from_stored`` reads the config of a registered version. Manifests written before
  validation existed may lack keys (they get the kind's defaults, never the per-task ones,
  so a default added later does not change an old version) or carry keys this code no
  longer knows: those are dropped with a warning, since they were accepted when the
  version was trained and refusing would strand it. A known key with a bad value still
  raises ``RegistryError``.

``describe`` (``models.config_text``) lists every key with its default and one-line
description (``vimod train --help`` prints it).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from models.config_text import describe, explain, known_keys
from models.errors import InputError, RegistryError
from models.text import TextConfig

__all__ = [
    "BASELINE_TASK_DEFAULTS",
    "CONFIGS",
    "BaselineConfig",
    "KindConfig",
    "PhobertConfig",
    "SpanCrfConfig",
    "config_class",
    "describe",
    "known_keys",
    "resolve_config",
]

log = logging.getLogger(__name__)


def _ordered(pair: list[int]) -> list[int]:
    if pair[0] > pair[1]:
        raise ValueError(f"range {pair} runs backwards")
    return pair


NgramRange = Annotated[
    list[Annotated[int, Field(strict=True, ge=1)]],
    Field(min_length=2, max_length=2),
    AfterValidator(_ordered),
]


class KindConfig(BaseModel):
    """Base of the per-kind configs: unknown keys are refused, instances are immutable.

    Subclasses set ``kind`` and, if some task needs other defaults, ``task_defaults``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ClassVar[str] = ""
    task_defaults: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON form recorded in a version's manifest."""
        return self.model_dump(mode="json")

    @classmethod
    def resolve(cls, task: str | None = None, overrides: Mapping[str, Any] | None = None) -> Self:
        """Defaults, then ``task``'s defaults, then ``overrides``; anything unknown or
        mistyped raises ``InputError`` with a one-line message."""
        data = _merge(cls().to_dict(), cls.task_defaults.get(task or "", {}))
        data = _merge(data, dict(overrides or {}))
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise InputError(explain(cls, exc)) from None

    @classmethod
    def from_stored(cls, data: Mapping[str, Any], version: str) -> Self:
        """The config of a registered version (see the module docstring for the policy)."""
        defaults = cls().to_dict()
        known, dropped = _known_part(dict(data), defaults)
        if dropped:
            log.warning(
                "%s: ignoring %s config keys unknown to this vimod (written before configs "
                "were validated): %s",
                version,
                cls.kind,
                ", ".join(dropped),
            )
        try:
            return cls.model_validate(_merge(defaults, known))
        except ValidationError as exc:
            raise RegistryError(
                f"{version}: stored config is invalid: {explain(cls, exc)}"
            ) from None


# Chosen on ReINTEL (docs/misinformation.md): news-like posts gain from segmented words
# (learned into a compound lexicon at training time, so serving skips underthesea's CRF),
# not from character or accent-blind n-grams; ``max_chars`` bounds the worst case;
# style statistics of the raw text gained +0.003 cross-validated ROC-AUC (+0.008 text only).
BASELINE_TASK_DEFAULTS: dict[str, dict[str, Any]] = {
    "misinformation": {
        "lexicon": True,
        "word_ngrams": [1, 2],
        "char_ngrams": None,
        "accent_blind": False,
        "metadata": True,
        "knn": 10,
        "max_chars": 20_000,
        "text_stats": True,
    },
    # SafeSense titles in a block of their own (docs/toxicity.md): the kind default stays
    # "inline", what every version saved before contexts existed did with them.
    "toxicity": {"context": "separate"},
}


class BaselineConfig(KindConfig):
    """TF-IDF + logistic regression, optionally stacked (``models.baseline``)."""

    kind: ClassVar[str] = "baseline"
    task_defaults: ClassVar[dict[str, dict[str, Any]]] = BASELINE_TASK_DEFAULTS

    text: TextConfig = Field(
        default_factory=TextConfig, description="text pipeline (see the text.* keys)"
    )
    word_ngrams: NgramRange = Field([1, 2], description="word n-gram range [min, max]")
    char_ngrams: NgramRange | None = Field(
        [2, 5], description="character n-gram range [min, max]; null: no character n-grams"
    )
    accent_blind: bool = Field(
        True, strict=True, description="add character n-grams of the accent-stripped text"
    )
    max_features: int = Field(
        300_000, strict=True, ge=0, description="vocabulary cap per vectorizer; 0: no cap"
    )
    min_df: int = Field(
        2, strict=True, ge=1, description="ignore n-grams seen in fewer training texts"
    )
    C: float = Field(
        4.0, strict=True, gt=0, description="inverse regularisation of the logistic regression"
    )
    class_weight: Literal["balanced"] | None = Field(
        "balanced", description="'balanced': weight classes by inverse frequency; null: equal"
    )
    metadata: bool = Field(
        False, strict=True, description="stack with post metadata (models.metadata fusion)"
    )
    knn: int = Field(
        0, strict=True, ge=0, description="neighbours in the nearest-neighbour vote; 0: off"
    )
    max_chars: int = Field(
        0, strict=True, ge=0, description="score only the first N characters; 0: all"
    )
    lexicon: bool = Field(
        False,
        strict=True,
        description="segment by longest match over compounds underthesea found in training",
    )
    folds: int = Field(5, strict=True, ge=2, description="out-of-fold splits for the stack")
    text_stats: bool = Field(
        False,
        strict=True,
        description="stack style statistics of the raw text (models.textstats; rates, not counts)",
    )
    markers: bool = Field(
        False,
        strict=True,
        description="stack claim markers: calls to share, hearsay, money or links, sources",
    )
    seed: int = Field(
        0,
        strict=True,
        description="seed of the stack's fold split and fusion (field hiding, trees)",
    )
    augment_plain: bool = Field(
        False,
        strict=True,
        description="also train on diacritic-stripped copies (posts typed without accents)",
    )
    offset_folds: int = Field(
        0,
        strict=True,
        ge=0,
        description="tune per-label offsets for macro-F1 on N-fold out-of-fold scores; 0: off",
    )
    nb_view: bool = Field(
        False,
        strict=True,
        description="average in one-vs-rest NB-LR on the same features (models.nblr)",
    )

    context: Literal["separate", "ignore", "inline"] = Field(
        "inline",
        description=(
            "the text a post replies to: 'separate' word n-grams of their own (none when "
            "training had none), 'ignore', or 'inline' before the text (older versions)"
        ),
    )

    @model_validator(mode="after")
    def _offsets_fit(self) -> BaselineConfig:
        if self.offset_folds == 1:
            raise ValueError("offset_folds must be 0 (off) or at least 2")
        if self.offset_folds and (self.metadata or self.knn):
            raise ValueError("offset_folds applies to the plain model, not the metadata/knn stack")
        if self.nb_view and (self.metadata or self.knn):
            raise ValueError("nb_view applies to the plain model, not the metadata/knn stack")
        return self


class PhobertConfig(KindConfig):
    """PhoBERT fine-tuning and serving (``models.phobert``, ``training.trainers.phobert``).

    Serving reads ``text``, ``max_len``, ``stride`` and ``infer_batch_size``; the rest are
    training settings, recorded with the version.
    """

    kind: ClassVar[str] = "phobert"

    text: TextConfig = Field(
        default_factory=lambda: TextConfig(lowercase=False, teencode=False, segment=True),
        description="text pipeline (see the text.* keys); PhoBERT's vocab is cased",
    )
    max_len: int = Field(
        256, strict=True, ge=3, description="tokens per window, <s> and </s> included"
    )
    stride: int = Field(
        64, strict=True, ge=0, description="tokens shared by consecutive windows of a long text"
    )
    infer_batch_size: int = Field(
        32, strict=True, ge=1, description="windows per forward pass when scoring"
    )
    base: str | None = Field(
        None, strict=True, description="base checkpoint: a local directory or a hub id"
    )
    epochs: int = Field(4, strict=True, ge=1, description="training epochs at most")
    lr: float = Field(2e-5, strict=True, gt=0, description="peak learning rate (AdamW)")
    batch_size: int = Field(32, strict=True, ge=1, description="training texts per step")
    warmup_ratio: float = Field(
        0.1, strict=True, ge=0, le=1, description="share of the steps spent warming up the LR"
    )
    weight_decay: float = Field(
        0.01, strict=True, ge=0, description="AdamW weight decay (matrices only)"
    )
    max_grad_norm: float = Field(1.0, strict=True, gt=0, description="gradient clipping norm")
    patience: int = Field(
        2, strict=True, ge=0, description="epochs without a dev macro-F1 gain before stopping"
    )
    class_weights: Literal["balanced"] | None = Field(
        None, description="'balanced': loss weights n / (k * count); null: equal"
    )
    seed: int = Field(42, strict=True, description="seed of initialisation and shuffling")
    save_every: int = Field(
        200, strict=True, ge=1, description="steps between resumable checkpoints"
    )
    max_steps: int | None = Field(
        None, strict=True, ge=0, description="hard stop (smoke runs); keeps the LR schedule"
    )
    amp: bool = Field(True, strict=True, description="bf16 autocast on CUDA")
    metadata_holdout: float = Field(
        0.15,
        strict=True,
        ge=0,
        lt=1,
        description="share of train kept for the metadata fusion (when posts have metadata)",
    )

    @model_validator(mode="after")
    def _windows_fit(self) -> PhobertConfig:
        if self.stride >= self.max_len - 2:
            raise ValueError(f"stride {self.stride} must be below max_len - 2 ({self.max_len - 2})")
        return self


class SpanCrfConfig(KindConfig):
    """Linear-chain CRF over syllables for offending spans (``models.span_crf``).

    Serving reads ``threshold`` and the feature switches; the rest are training settings.
    """

    kind: ClassVar[str] = "span_crf"

    c1: float = Field(0.05, strict=True, ge=0, description="L1 penalty of the CRF (L-BFGS)")
    c2: float = Field(0.05, strict=True, ge=0, description="L2 penalty of the CRF (L-BFGS)")
    max_iterations: int = Field(100, strict=True, ge=1, description="L-BFGS iterations at most")
    window: int = Field(2, strict=True, ge=0, le=4, description="neighbour tokens on each side")
    affixes: bool = Field(
        True, strict=True, description="accent-blind 2/3-letter prefixes, suffixes"
    )
    lexicon: bool = Field(
        True, strict=True, description="span-rate features learned from the training spans"
    )
    context: bool = Field(
        True, strict=True, description="post-level features: highest span rate in the post"
    )
    smoothing: float = Field(
        2.0, strict=True, gt=0, description="pseudo-counts pulling a rare key's rate to the prior"
    )
    folds: int = Field(
        5, strict=True, ge=2, description="out-of-fold splits for the training lexicon features"
    )
    post_model: bool = Field(
        True, strict=True, description="post-level span probability (char n-gram LR) feature"
    )
    post_c: float = Field(
        4.0, strict=True, gt=0, description="inverse regularisation of the post-level LR"
    )
    threshold: float = Field(
        0.5, strict=True, gt=0, lt=1, description="marginal probability that marks a token"
    )
    tune_threshold: bool = Field(
        True, strict=True, description="choose threshold on the dev set, when there is one"
    )
    seed: int = Field(0, strict=True, description="seed of the out-of-fold lexicon split")


def config_class(kind: str) -> type[KindConfig]:
    """The config model of ``kind``; unknown kinds raise ``InputError``."""
    try:
        return CONFIGS[kind]
    except KeyError:
        raise InputError(f"unknown model kind {kind!r}; known: {', '.join(CONFIGS)}") from None


def resolve_config(
    kind: str, task: str | None = None, overrides: Mapping[str, Any] | None = None
) -> KindConfig:
    """``KindConfig.resolve`` for ``kind``, by name (the CLI checks before loading data)."""
    return config_class(kind).resolve(task, overrides)


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` laid over it; nested dicts are merged, not replaced."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _known_part(data: dict[str, Any], defaults: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The keys of ``data`` that ``defaults`` has (recursively), and the dotted rest."""
    known: dict[str, Any] = {}
    dropped: list[str] = []
    for key, value in data.items():
        if key not in defaults:
            dropped.append(key)
        elif isinstance(value, dict) and isinstance(defaults[key], dict):
            known[key], inner = _known_part(value, defaults[key])
            dropped.extend(f"{key}.{name}" for name in inner)
        else:
            known[key] = value
    return known, dropped


class PhobertSpansConfig(KindConfig):
    """PhoBERT token classification for offending spans (``models.phobert_spans``,
    ``training.trainers.phobert_spans``).

    Serving reads ``text``, ``max_len``, ``stride``, ``infer_batch_size`` and ``threshold``;
    the rest are training settings, recorded with the version. The trainer overwrites
    ``threshold`` with the one chosen on dev, so the manifest holds what is served.
    """

    kind: ClassVar[str] = "phobert_spans"

    text: TextConfig = Field(
        default_factory=lambda: TextConfig(lowercase=False, teencode=False, segment=True),
        description="text pipeline, applied per syllable (see the text.* keys)",
    )
    max_len: int = Field(
        256, strict=True, ge=3, description="tokens per window, <s> and </s> included"
    )
    stride: int = Field(
        64, strict=True, ge=0, description="tokens shared by consecutive windows of a long text"
    )
    infer_batch_size: int = Field(
        32, strict=True, ge=1, description="windows per forward pass when tagging"
    )
    threshold: float = Field(
        0.5, strict=True, ge=0, le=1, description="P(SPAN) at or above which a syllable offends"
    )
    base: str | None = Field(
        None, strict=True, description="base checkpoint: a local directory or a hub id"
    )
    epochs: int = Field(5, strict=True, ge=1, description="training epochs")
    lr: float = Field(3e-5, strict=True, gt=0, description="peak learning rate (AdamW)")
    batch_size: int = Field(16, strict=True, ge=1, description="training windows per step")
    warmup_ratio: float = Field(
        0.1, strict=True, ge=0, le=1, description="share of the steps spent warming up the LR"
    )
    weight_decay: float = Field(
        0.01, strict=True, ge=0, description="AdamW weight decay (matrices only)"
    )
    max_grad_norm: float = Field(1.0, strict=True, gt=0, description="gradient clipping norm")
    tune_threshold: bool = Field(
        True, strict=True, description="pick threshold and best epoch by dev span F1 (needs dev)"
    )
    seed: int = Field(42, strict=True, description="seed of initialisation and shuffling")
    amp: bool = Field(True, strict=True, description="bf16 autocast on CUDA")

    @model_validator(mode="after")
    def _windows_fit(self) -> PhobertSpansConfig:
        if self.stride >= self.max_len - 2:
            raise ValueError(f"stride {self.stride} must be below max_len - 2 ({self.max_len - 2})")
        return self


# kind -> its config; adding a kind means adding one line here (and in models.kinds).
CONFIGS: dict[str, type[KindConfig]] = {
    "baseline": BaselineConfig,
    "phobert": PhobertConfig,
    "span_crf": SpanCrfConfig,
    "phobert_spans": PhobertSpansConfig,
}
