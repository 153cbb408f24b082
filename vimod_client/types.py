"""Typed results, mirroring the response schemas of ``docs/openapi.json`` (API v1).

Parsing ignores fields it does not know, so a newer server with added fields still works
with this client; a missing required field raises ``KeyError`` (reported as
``InvalidResponse``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Span:
    """Offending characters ``text == post[start:end]`` of the post as sent (``explain``)."""

    start: int
    end: int
    text: str
    score: float

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Span:
        return cls(start=d["start"], end=d["end"], text=d["text"], score=float(d["score"]))


@dataclass(frozen=True)
class TaskResult:
    """One task's verdict on one post."""

    label: str
    scores: dict[str, float]
    flagged: bool
    flagged_labels: list[str]
    model: str
    model_version: str
    spans: list[Span] | None = None  # with explain; None also when no span model is active
    spans_note: str | None = None
    spans_model_version: str | None = None

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> TaskResult:
        spans = d.get("spans")
        return cls(
            label=d["label"],
            scores={k: float(v) for k, v in d["scores"].items()},
            flagged=d["flagged"],
            flagged_labels=list(d["flagged_labels"]),
            model=d["model"],
            model_version=d["model_version"],
            spans=None if spans is None else [Span.from_json(s) for s in spans],
            spans_note=d.get("spans_note"),
            spans_model_version=d.get("spans_model_version"),
        )


@dataclass(frozen=True)
class Language:
    """A post's language (``"und"``: undetermined) and whether the models were made for it."""

    code: str
    supported: bool


@dataclass(frozen=True)
class ClassifyResult:
    """The verdicts on one post; ``id`` is what feedback refers to when ``stored``.

    A skipped post (``skipped`` set) has ``flagged`` and ``categories`` None: not scored,
    which is not clean.
    """

    id: str
    flagged: bool | None
    categories: dict[str, TaskResult] | None
    stored: bool
    language: Language
    skipped: str | None = None

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ClassifyResult:
        cats = d["categories"]
        return cls(
            id=d["id"],
            flagged=d["flagged"],
            categories=None
            if cats is None
            else {t: TaskResult.from_json(c) for t, c in cats.items()},
            stored=d["stored"],
            language=Language(**d["language"]),
            skipped=d.get("skipped"),
        )


def classify_results(d: dict[str, Any]) -> list[ClassifyResult]:
    """The ``results`` of a ``ClassifyResponse``, in the order of the texts sent."""
    return [ClassifyResult.from_json(r) for r in d["results"]]


@dataclass(frozen=True)
class Feedback:
    """A stored label. ``replayed``: an earlier call with the same Idempotency-Key made it."""

    id: str
    prediction_id: str | None
    text: str
    task: str
    label: str
    predicted_label: str | None
    model_version: str | None
    moderator_id: str
    subject_id: str | None
    key_id: str | None
    tenant_id: str
    note: str | None
    created_at: datetime
    replayed: bool = False

    @classmethod
    def from_json(cls, d: dict[str, Any], *, replayed: bool = False) -> Feedback:
        return cls(
            id=d["id"],
            prediction_id=d["prediction_id"],
            text=d["text"],
            task=d["task"],
            label=d["label"],
            predicted_label=d["predicted_label"],
            model_version=d["model_version"],
            moderator_id=d["moderator_id"],
            subject_id=d["subject_id"],
            key_id=d["key_id"],
            tenant_id=d["tenant_id"],
            note=d["note"],
            created_at=_time(d["created_at"]),
            replayed=replayed,
        )


@dataclass(frozen=True)
class FeedbackPage:
    items: list[Feedback]
    total: int
    limit: int
    offset: int
    next_offset: int | None

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> FeedbackPage:
        return cls(
            items=[Feedback.from_json(i) for i in d["items"]],
            total=d["total"],
            limit=d["limit"],
            offset=d["offset"],
            next_offset=d["next_offset"],
        )


@dataclass(frozen=True)
class ModelVersion:
    version: str
    task: str
    kind: str
    labels: list[str]
    created_at: str
    data_fingerprint: str
    thresholds: dict[str, float]
    metrics: dict[str, Any]
    active: bool
    loaded: bool

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ModelVersion:
        return cls(
            version=d["version"],
            task=d["task"],
            kind=d["kind"],
            labels=list(d["labels"]),
            created_at=d["created_at"],
            data_fingerprint=d["data_fingerprint"],
            thresholds=dict(d["thresholds"]),
            metrics=dict(d["metrics"]),
            active=d["active"],
            loaded=d["loaded"],
        )


def model_versions(d: dict[str, Any]) -> list[ModelVersion]:
    """The ``models`` of a ``ModelsResponse``."""
    return [ModelVersion.from_json(m) for m in d["models"]]


@dataclass(frozen=True)
class Info:
    """Served tasks with their versions, the API's limits and the caller's quotas."""

    api_version: str
    tasks: dict[str, str | None]
    limits: dict[str, int | float]
    engine: str
    auth: str
    quota_backend: str
    quotas: dict[str, int | None]

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Info:
        return cls(
            api_version=d["api_version"],
            tasks=dict(d["tasks"]),
            limits=dict(d["limits"]),
            engine=d["engine"],
            auth=d["auth"],
            quota_backend=d["quota_backend"],
            quotas=dict(d["quotas"]),
        )


@dataclass(frozen=True)
class Readiness:
    """``GET /readyz``: whether this replica can serve, and if not, why."""

    status: str
    models: dict[str, str]
    missing_models: dict[str, str]
    store: str
    span_models: dict[str, str | None] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return self.status == "ready"

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Readiness:
        return cls(
            status=d["status"],
            models=dict(d["models"]),
            missing_models=dict(d["missing_models"]),
            store=d["store"],
            span_models=dict(d.get("span_models") or {}),
        )
