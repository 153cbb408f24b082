"""Request and response bodies of HTTP API v1 (pydantic), separate from the ORM tables.

Limits that depend on settings (batch size, text length) are checked in
``service.validation`` so that every limit is a setting echoed by ``GET /v1/info``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

API_VERSION = "v1"


class Metadata(BaseModel):
    """Engagement metadata of one post (all optional); used by the misinformation task."""

    model_config = ConfigDict(extra="forbid")

    likes: float | None = Field(None, ge=0)
    comments: float | None = Field(None, ge=0)
    shares: float | None = Field(None, ge=0)
    posted_at: datetime | float | None = Field(
        None, description="ISO-8601 time or unix seconds when the post was published."
    )


class ClassifyRequest(BaseModel):
    """Give ``text`` for one post or ``texts`` for a batch (not both)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"texts": ["bài viết hay quá", "đồ ngu"], "thresholds": {"HATE": 0.4}}]
        },
    )

    text: str | None = Field(None, description="A single post.")
    texts: list[str] | None = Field(
        None, description="A batch of posts (1..max_client_batch_size)."
    )
    tasks: list[str] | None = Field(None, description="Tasks to run; default: every served task.")
    thresholds: dict[str, float] | None = Field(
        None, description='Per-label flag thresholds in [0, 1], e.g. {"HATE": 0.3}.'
    )
    metadata: list[Metadata | None] | Metadata | None = Field(
        None, description="Per-text metadata: one object for `text`, a list aligned with `texts`."
    )
    store: bool = Field(False, description="Persist the posts and predictions for feedback.")


class TaskResult(BaseModel):
    label: str
    scores: dict[str, float]
    flagged: bool
    model: str = Field(description="Model kind that produced the result.")
    model_version: str


class ClassifyResult(BaseModel):
    id: str = Field(description="Prediction id; feedback refers to it when `store` was true.")
    flagged: bool = Field(description="True when any task flagged the post.")
    categories: dict[str, TaskResult]
    stored: bool


class ClassifyResponse(BaseModel):
    api_version: str = API_VERSION
    results: list[ClassifyResult]


class FeedbackRequest(BaseModel):
    """A moderator's correct label, for a stored prediction (``prediction_id``) or a raw ``text``."""

    model_config = ConfigDict(extra="forbid")

    prediction_id: str | None = Field(None, max_length=36)
    text: str | None = None
    task: str = "toxicity"
    label: str
    moderator_id: str | None = Field(
        None,
        min_length=1,
        max_length=128,
        description="Optional; must name the key's own subject (labels are attributed to it).",
    )
    note: str | None = Field(None, max_length=2000)


class FeedbackOut(BaseModel):
    id: str
    prediction_id: str | None
    text: str
    task: str
    label: str
    predicted_label: str | None
    model_version: str | None
    moderator_id: str = Field(description="Name of the subject who labelled.")
    subject_id: str | None
    key_id: str | None = Field(description="The API key the label was written with.")
    tenant_id: str
    note: str | None
    created_at: datetime


class FeedbackPage(BaseModel):
    items: list[FeedbackOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class ModelVersionOut(BaseModel):
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


class ModelsResponse(BaseModel):
    models: list[ModelVersionOut]


class ErrorResponse(BaseModel):
    error: str
    error_type: str
    details: list[dict[str, Any]] | None = None


class InfoResponse(BaseModel):
    api_version: str = API_VERSION
    tasks: dict[str, str | None]
    limits: dict[str, int | float]
    engine: str
