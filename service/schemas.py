"""Request and response bodies of HTTP API v1 (pydantic), separate from the ORM tables.

Limits that depend on settings (batch size, text length) are checked in
``service.validation`` so that every limit is a setting echoed by ``GET /v1/info``. Every
other constraint is declared here, so that ``docs/openapi.json`` describes exactly what the
server accepts: fields are strict where coercion would hide a client's mistake (``true`` as
a threshold, ``"0.5"`` as a count), and task and label names are enums.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StrictBool,
    StrictStr,
    Tag,
    WithJsonSchema,
)
from pydantic.json_schema import JsonValue
from pydantic_core import PydanticCustomError

from models.tasks import TASKS

API_VERSION = "v1"

TASK_NAMES: tuple[str, ...] = tuple(TASKS)
LABEL_NAMES: tuple[str, ...] = tuple(dict.fromkeys(lab for t in TASKS.values() for lab in t.labels))

# Upper bound of paging parameters: far above any real store, far below the 64-bit integers
# that SQLite and PostgreSQL refuse with an error instead of an empty page.
MAX_PAGE_PARAM = 1_000_000_000

# Characters of a post's ``context`` (parent post or article title): read by the toxicity
# model beside the post, kept for moderators when the post is stored.
MAX_CONTEXT_CHARS = 1000


def _task_name(value: str) -> str:
    if value not in TASKS:
        known = ", ".join(TASK_NAMES)
        raise PydanticCustomError(
            "unknown_task", f"unknown task {value!r}; expected one of {known}"
        )
    return value


def _label_name(value: str) -> str:
    if value not in LABEL_NAMES:
        known = "; ".join(f"{t.name}: {', '.join(t.labels)}" for t in TASKS.values())
        raise PydanticCustomError(
            "unknown_label", f"unknown label {value!r}; expected one of {known}"
        )
    return value


# Enums in the schema; the validators keep the messages that echo the bad value. Messages
# are rendered here, not templated, so that braces in a client's value stay as sent.
TaskName = Annotated[
    StrictStr,
    AfterValidator(_task_name),
    WithJsonSchema({"type": "string", "enum": list(TASK_NAMES)}),
]
LabelName = Annotated[
    StrictStr,
    AfterValidator(_label_name),
    WithJsonSchema({"type": "string", "enum": list(LABEL_NAMES)}),
]

# A post: some character that is neither whitespace nor NUL. ``clean_text`` enforces it,
# with the length limit (a setting), and names the field; the schema documents it.
PostText = Annotated[
    StrictStr, WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"[^\s\x00]"})
]

Probability = Annotated[float, Field(strict=True, ge=0, le=1, allow_inf_nan=False)]
Count = Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)]

# ISO-8601 with at least hours and minutes; pydantic alone would also read "0.5" or
# "1714525200" as a time, which is more likely a client's mistake.
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")
_DATETIME_SCHEMA = {"type": "string", "format": "date-time"}


def _utc(value: object, expected: str) -> datetime:
    """``value`` as an aware UTC datetime; a value without an offset is taken to be UTC."""
    stamp = value if isinstance(value, datetime) else None
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        try:
            stamp = datetime.fromisoformat(value.upper())
        except ValueError:
            stamp = None
    if stamp is None:
        raise PydanticCustomError("datetime_type", f"Input should be {expected}")
    try:
        return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00:00+14:00 is a day before the first UTC date
        raise PydanticCustomError(
            "datetime_range", "Input should be a date-time within years 1..9999 in UTC"
        ) from None


def _query_time(value: object) -> datetime:
    return _utc(value, "an ISO-8601 date-time, e.g. 2024-05-01T08:30:00+07:00")


def _unix_seconds(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    if isinstance(value, str):
        return _utc(value, "an ISO-8601 date-time string or unix seconds").timestamp()
    raise PydanticCustomError(
        "posted_at_type", "Input should be an ISO-8601 date-time string or unix seconds"
    )


# Handed on in UTC, so that the store never converts (nor overflows).
UtcDateTime = Annotated[datetime, PlainValidator(_query_time), WithJsonSchema(_DATETIME_SCHEMA)]
# Unix seconds, from either form; never a bool, NaN or infinity.
PostedAt = Annotated[
    float,
    PlainValidator(_unix_seconds),
    WithJsonSchema({"anyOf": [_DATETIME_SCHEMA, {"type": "number"}]}),
]

_IDEMPOTENCY_KEY = re.compile(r"[!-~]{1,255}")


def _idempotency_key(value: str) -> str:
    if not _IDEMPOTENCY_KEY.fullmatch(value):
        got = f"{len(value)} characters" if value else "an empty value"
        raise PydanticCustomError(
            "idempotency_key",
            f"Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces); got {got}",
        )
    return value


# An empty key would otherwise become one key shared by every client that sends it.
IdempotencyKey = Annotated[
    str,
    AfterValidator(_idempotency_key),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}),
]


def _exactly_one(**fields: str) -> list[JsonValue]:
    """JSON Schema for "exactly one of these fields is given (not null)", checked by the routes."""
    return [
        {"required": [name], "properties": {name: {"type": kind}}} for name, kind in fields.items()
    ]


def _labels_of_task(default: str) -> list[JsonValue]:
    """JSON Schema for "``label`` is one of ``task``'s labels", ``task`` defaulting to ``default``."""
    return [
        {
            "properties": {"task": {"const": name}, "label": {"enum": list(task.labels)}},
            **({} if name == default else {"required": ["task"]}),
        }
        for name, task in TASKS.items()
    ]


FEEDBACK_DEFAULT_TASK = "toxicity"

# Exactly one of ``text`` and ``texts``, with the metadata each takes. That a list has as
# many items as ``texts`` cannot be said in JSON Schema; ``check_classify`` checks it.
_TEXT_OR_TEXTS: list[JsonValue] = [
    {
        "required": ["text"],
        "properties": {
            "text": {"type": "string"},
            "texts": {"type": "null"},
            "metadata": {
                "anyOf": [
                    {"type": ["object", "null"]},
                    {"type": "array", "minItems": 1, "maxItems": 1},
                ]
            },
        },
    },
    {
        "required": ["texts"],
        "properties": {
            "text": {"type": "null"},
            "texts": {"type": "array"},
            "metadata": {"type": ["array", "null"], "minItems": 1},
        },
    },
]


class Metadata(BaseModel):
    """What a client knows of one post besides its text (all optional): engagement counts,
    used by the misinformation task, and the post's ``context``, read by the toxicity model."""

    model_config = ConfigDict(extra="forbid")

    context: StrictStr | None = Field(
        None,
        max_length=MAX_CONTEXT_CHARS,
        description="What this post replies to (the article title, the parent post), at most "
        "1,000 characters: the toxicity model reads it beside the post, whose label it never "
        "is; overrides the request's `context` for this post. Stored only with `store`, never "
        "logged.",
    )
    likes: Count | None = None
    comments: Count | None = None
    shares: Count | None = None
    posted_at: PostedAt | None = Field(
        None,
        description="When the post was published: ISO-8601 (no offset: UTC) or unix seconds.",
    )


def _metadata_shape(value: object) -> str:
    return "list" if isinstance(value, list) else "object"


# Tagged by shape, so that an error names the field it is about ("metadata.object.likes")
# instead of listing how the value failed to be a list as well.
MetadataInput = Annotated[
    Annotated[list[Metadata | None], Tag("list")] | Annotated[Metadata, Tag("object")],
    Discriminator(_metadata_shape),
]


class ClassifyRequest(BaseModel):
    """Give ``text`` for one post or ``texts`` for a batch (not both)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"texts": ["bài viết hay quá", "đồ ngu"], "thresholds": {"HATE": 0.4}}],
            "oneOf": _TEXT_OR_TEXTS,
        },
    )

    text: PostText | None = Field(None, description="A single post.")
    texts: list[PostText] | None = Field(
        None, min_length=1, description="A batch of posts (1..max_client_batch_size)."
    )
    tasks: list[TaskName] | None = Field(
        None, min_length=1, description="Tasks to run; default: every served task."
    )
    thresholds: dict[LabelName, Probability] | None = Field(
        None,
        description='Per-label flag thresholds in [0, 1], e.g. {"HATE": 0.3}; only labels of '
        "the requested tasks.",
    )
    metadata: MetadataInput | None = Field(
        None, description="Per-text metadata: one object for `text`, a list aligned with `texts`."
    )
    versions: dict[TaskName, Annotated[StrictStr, Field(min_length=1, max_length=64)]] | None = (
        Field(
            None,
            description='Pin a model version per task, e.g. {"toxicity": "20260101-120000-'
            'baseline-1a2b"}: any version the registry holds that loads and passes its smoke '
            "test (else 422, listing the pinnable ones); default: the active version. Each "
            "result reports the version used.",
        )
    )
    store: StrictBool = Field(False, description="Persist the posts and predictions for feedback.")
    context: StrictStr | None = Field(
        None,
        max_length=MAX_CONTEXT_CHARS,
        description="The parent post or article title of every post of the request: the "
        "toxicity model reads it beside each post (`metadata[i].context` overrides it for one "
        "post); stored with the posts (with `store`) and shown to moderators, never logged.",
    )
    explain: StrictBool = Field(
        False,
        description="Add `categories.toxicity.spans`: the offending character spans of each "
        "post (needs the toxicity task). Offsets index the text exactly as sent.",
    )
    unsupported: Literal["score", "skip", "reject"] = Field(
        "score",
        description="Posts in a language the models were not made for (`language.supported` "
        "false): `score` them anyway (default), `skip` them (no scores, `flagged` null, "
        '`skipped` set, not stored) or `reject` the request (422 "LanguageNotSupported" '
        "naming each such post).",
    )


class SpanOut(BaseModel):
    """An offending span: ``text`` is ``original[start:end]`` of the post as sent."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    score: float = Field(description="Highest token probability inside the span.")


class TaskResult(BaseModel):
    """One task's result for one post.

    The spans fields are sent only when set (``/v1/classify`` answers with
    ``response_model_exclude_unset``), so a request without ``explain`` gets the same shape
    as before they existed.
    """

    label: str = Field(description="The most probable label.")
    scores: dict[str, float]
    flagged: bool = Field(description="True when any label in `flagged_labels`.")
    flagged_labels: list[str] = Field(
        description="The labels whose score reached their flag threshold, in the task's label "
        "order; empty when not flagged. With per-label thresholds a post can be flagged while "
        "`label` is the benign one: these say which label tripped the flag."
    )
    model: str = Field(description="Model kind that produced the result.")
    model_version: str
    spans: list[SpanOut] | None = Field(
        None,
        description="Only with `explain: true` (toxicity): the offending spans; null when no "
        "span model is active (then `spans_note` says so). Absent otherwise.",
    )
    spans_model_version: str | None = Field(
        None, description="With `spans`: the span model's version."
    )
    spans_note: str | None = Field(None, description="Why `spans` is null, when it is.")


class LanguageOut(BaseModel):
    code: str = Field(description='ISO 639-1 code ("vi", "zh"…), or "und" when undetermined.')
    supported: bool = Field(
        description='Whether the models were made for it: "vi", and "und" (too short to tell).'
    )


class ClassifyResult(BaseModel):
    id: str = Field(description="Prediction id; feedback refers to it when `store` was true.")
    flagged: bool | None = Field(
        description="True when any task flagged the post; null when it was skipped (not scored, "
        "which is not clean)."
    )
    categories: dict[str, TaskResult] | None = Field(description="Null when skipped.")
    stored: bool
    language: LanguageOut = Field(description="The post's language (docs/language.md).")
    skipped: Literal["language_not_supported"] | None = Field(
        None, description='Why the post was not scored (`unsupported: "skip"`); null if scored.'
    )


class ClassifyResponse(BaseModel):
    api_version: str = API_VERSION
    results: list[ClassifyResult]


class FeedbackRequest(BaseModel):
    """A moderator's correct label, for a stored prediction (``prediction_id``) or a raw ``text``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "allOf": [
                {"oneOf": _exactly_one(prediction_id="string", text="string")},
                {"oneOf": _labels_of_task(FEEDBACK_DEFAULT_TASK)},
            ]
        },
    )

    prediction_id: StrictStr | None = Field(None, max_length=36)
    text: PostText | None = None
    task: TaskName = FEEDBACK_DEFAULT_TASK
    label: LabelName = Field(description="The correct label; one of the task's labels.")
    moderator_id: StrictStr | None = Field(
        None,
        min_length=1,
        max_length=128,
        description="Optional; must name the key's own subject (labels are attributed to it).",
    )
    note: StrictStr | None = Field(None, max_length=2000)


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
    auth: str = Field(description='"keys", or "disabled" when VIMOD_AUTH_DISABLED is set.')
    quota_backend: str = Field(description='"memory" (per worker) or "redis" (shared).')
    quotas: dict[str, int | None] = Field(
        description="The calling key's quotas per minute (its own, else the defaults)."
    )
