"""Request and response bodies of the review queue (``/v1/review``), separate from the ORM.

Limits that are settings (claim size, lease length, bulk size) are checked by the service
layer (``service.review.queue``) so that the web UI, which calls it directly, gets the same
refusals as HTTP clients; the bounds declared here only keep absurd values out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr
from pydantic_core import PydanticCustomError

from service.schemas import LabelName, TaskName

ReviewReason = Literal["flagged", "uncertain", "reported", "appeal"]
Action = Literal["approve", "remove", "escalate"]

MAX_NOTE_CHARS = 2000
MAX_SPANS = 200
MAX_CLAIM_PARAM = 1000  # the real limit is the review_claim_max setting
MAX_LEASE_PARAM = 10080  # a week; the real limit is review_lease_max_minutes

_STRICT = ConfigDict(extra="forbid")


def _storable(value: str) -> str:
    """No database stores NUL (PostgreSQL refuses it) nor a lone surrogate: refuse those."""
    if "\x00" in value:
        raise PydanticCustomError("nul_character", "text must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise PydanticCustomError("lone_surrogate", "text is not valid Unicode") from None
    return value


Note = Annotated[StrictStr, AfterValidator(_storable), Field(max_length=MAX_NOTE_CHARS)]


class SpanIn(BaseModel):
    """A character range ``[start, end)`` of the post that the label is about."""

    model_config = _STRICT

    start: StrictInt = Field(ge=0, le=10_000_000)
    end: StrictInt = Field(ge=1, le=10_000_000)


class DecisionIn(BaseModel):
    """A moderator's decision on one slot."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"labels": {"toxicity": "HATE"}, "action": "remove", "reason": "slur"}]
        },
    )

    labels: dict[TaskName, LabelName] = Field(
        min_length=1, description="The correct label per task (each one of the task's labels)."
    )
    action: Action = Field(description="What the platform should do with the post.")
    reason: Note | None = None
    spans: list[SpanIn] | None = Field(
        None,
        max_length=MAX_SPANS,
        description="Corrected harmful spans (character offsets into the post).",
    )


class BulkDecision(DecisionIn):
    slot_id: StrictStr = Field(max_length=36)


class BulkDecisionRequest(BaseModel):
    """Several decisions at once; all are stored or none (the error names the slot)."""

    model_config = _STRICT

    # No maxItems: the limit is a setting (422), and a list long enough to break any fixed
    # bound here would first break payload_limit (413).
    decisions: list[BulkDecision] = Field(min_length=1, description="At most review_bulk_max.")


class ClaimRequest(BaseModel):
    model_config = _STRICT

    count: StrictInt = Field(
        10, ge=1, le=MAX_CLAIM_PARAM, description="Slots wanted (at most review_claim_max)."
    )
    lease_minutes: StrictInt | None = Field(
        None,
        ge=1,
        le=MAX_LEASE_PARAM,
        description="How long to hold them (default review_lease_minutes, at most "
        "review_lease_max_minutes).",
    )


class ReportRequest(BaseModel):
    """An integrator reports a stored post (e.g. a user's takedown request)."""

    model_config = _STRICT

    prediction_id: StrictStr = Field(max_length=36)
    note: Note | None = None


class AppealRequest(BaseModel):
    model_config = _STRICT

    note: Note | None = None


class ReviewSettingsIn(BaseModel):
    model_config = _STRICT

    blur: StrictBool = Field(description="Blur harmful text until revealed.")


class ReviewSettingsOut(BaseModel):
    blur: bool


class PreviousDecision(BaseModel):
    """A decision of an earlier round, shown when the item comes back on appeal."""

    subject_id: str
    labels: dict[str, str]
    action: str
    reason: str | None
    spans: list[dict[str, int]] | None
    decided_at: datetime


class SlotOut(BaseModel):
    """A claimed slot: the post and everything a moderator needs to decide it."""

    slot_id: str
    item_id: str
    prediction_id: str
    round: int
    double_review: bool = Field(description="The item is reviewed by two moderators.")
    text: str
    blur: bool = Field(description="Harmful and the moderator blurs such text until revealed.")
    context: str | None
    categories: dict[str, Any] = Field(description="The stored results per task.")
    model_versions: dict[str, str]
    spans: list[dict[str, Any]] | None = Field(description="Toxicity spans, when stored.")
    reason: ReviewReason
    note: str | None = Field(description="The report's or appeal's note.")
    previous: list[PreviousDecision] | None
    priority: float = Field(description="Priority points (severity + 2*uncertainty + boost).")
    due_at: datetime
    lease_expires_at: datetime


class ClaimResponse(BaseModel):
    slots: list[SlotOut]


class DecisionOut(BaseModel):
    id: str
    item_id: str
    slot_id: str
    prediction_id: str
    round: int
    subject_id: str
    labels: dict[str, str]
    spans: list[dict[str, int]] | None
    action: str
    reason: str | None
    created_at: datetime


class BulkDecisionResponse(BaseModel):
    decisions: list[DecisionOut]


class HistoryPage(BaseModel):
    items: list[DecisionOut]
    limit: int
    offset: int
    next_offset: int | None


class DecisionFeed(BaseModel):
    """A page of a tenant's decisions in a stable order."""

    items: list[DecisionOut]
    next_cursor: str = Field(description="Pass as `since` for the next page (opaque).")
    has_more: bool


class ItemOut(BaseModel):
    id: str
    prediction_id: str
    reason: ReviewReason
    status: Literal["pending", "decided"]
    round: int
    slots: int
    due_at: datetime
    previous: list[PreviousDecision] | None


class Agreement(BaseModel):
    pairs: int = Field(description="Double-reviewed rounds with both decisions, for this task.")
    observed: float | None
    kappa: float | None = Field(description="Cohen's kappa; null without pairs or variation.")


class OverdueItem(BaseModel):
    item_id: str
    reason: str
    due_at: datetime


class ModeratorDay(BaseModel):
    subject_id: str
    day: str = Field(description="UTC date, YYYY-MM-DD.")
    decided: int
    claimed: int
    flagged_claimed: int = Field(description="Flagged items this moderator was shown.")


class QueueStats(BaseModel):
    pending_items: int
    open_slots: int
    oldest_pending_age_s: float | None
    deadline_hours: dict[str, float]
    past_deadline: int
    past_deadline_items: list[OverdueItem] = Field(description="The oldest-due ones, at most 50.")
    agreement: dict[str, Agreement]
    moderators: list[ModeratorDay]
