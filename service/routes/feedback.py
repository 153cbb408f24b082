"""``POST /v1/feedback`` and ``GET /v1/feedback``: moderators' corrections."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from models.errors import ForbiddenError
from models.tasks import get_task
from service.auth import ModeratorDep
from service.deps import MetricsDep, SessionDep, SettingsDep
from service.examples import (
    FEEDBACK_REQUESTS,
    FEEDBACK_RESPONSE,
    request_examples,
    with_example,
)
from service.identity import Principal, get_or_create_subject
from service.responses import AUTHENTICATED, errors
from service.schemas import (
    MAX_PAGE_PARAM,
    ErrorResponse,
    FeedbackOut,
    FeedbackPage,
    FeedbackRequest,
    IdempotencyKey,
    LabelName,
    TaskName,
    UtcDateTime,
)
from service.store import feedback_as_dict, list_feedback, record_feedback
from service.validation import clean_text

router = APIRouter(prefix="/v1/feedback", tags=["feedback"], responses=errors(*AUTHENTICATED))

_ERRORS = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in (
        (400, "Body is not valid JSON"),
        (404, "Unknown prediction id"),
        (409, "Idempotency-Key reused with a different body"),
        (413, "Body over payload_limit"),
        (422, "Unknown task or label, empty text, bad Idempotency-Key, ..."),
    )
}

_IdempotencyKeyHeader = Annotated[
    IdempotencyKey | None,
    Header(description="Replays with the same key return the first record."),
]


@router.post(
    "",
    operation_id="create_feedback",
    status_code=status.HTTP_201_CREATED,
    response_model=FeedbackOut,
    responses=with_example(_ERRORS, 201, FEEDBACK_RESPONSE),
    openapi_extra=request_examples(FEEDBACK_REQUESTS),
)
def create_feedback(
    body: FeedbackRequest,
    principal: ModeratorDep,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    idempotency_key: _IdempotencyKeyHeader = None,
) -> FeedbackOut:
    """Record a moderator's correct label for a stored prediction or a raw text.

    The label is attributed to the key's subject; a `moderator_id` naming anyone else is
    refused.
    """
    text = None if body.text is None else clean_text(body.text, "text", settings)
    author = _author(session, settings.auth_disabled, principal, body.moderator_id)
    row, created = record_feedback(
        session=session,
        author=author,
        task=body.task,
        label=body.label,
        prediction_id=body.prediction_id,
        text=text,
        note=body.note,
        idempotency_key=idempotency_key,
    )
    if created:
        metrics.feedback.labels(row.task).inc()
    else:
        response.headers["Idempotent-Replayed"] = "true"
    return FeedbackOut(**feedback_as_dict(row))


def _author(
    session: SessionDep, auth_disabled: bool, principal: Principal, moderator_id: str | None
) -> Principal:
    """Who the label is attributed to: the key's subject (or, without auth, the named one)."""
    if auth_disabled and moderator_id:
        subject = get_or_create_subject(
            session=session, tenant_id=principal.tenant_id, name=moderator_id, kind="legacy"
        )
        return replace(principal, subject_id=subject.id, subject_name=subject.name)
    if moderator_id is not None and moderator_id not in (
        principal.subject_name,
        principal.subject_id,
    ):
        raise ForbiddenError(
            f"moderator_id {moderator_id!r} is not the subject of this API key; omit it, and "
            "the label is attributed to the key's subject"
        )
    return principal


@router.get(
    "",
    operation_id="list_feedback",
    response_model=FeedbackPage,
    responses={422: _ERRORS[422]},
)
def get_feedback(
    principal: ModeratorDep,
    session: SessionDep,
    settings: SettingsDep,
    task: TaskName | None = None,
    label: Annotated[
        LabelName | None, Query(description="A label of `task`, or of any task without it.")
    ] = None,
    since: Annotated[
        UtcDateTime | None, Query(description="Created at or after (ISO-8601; no offset: UTC).")
    ] = None,
    until: Annotated[
        UtcDateTime | None, Query(description="Created before (ISO-8601; no offset: UTC).")
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE_PARAM, description="Rows per page, capped at max_page_size.")
    ] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_PAGE_PARAM, description="Rows to skip.")] = 0,
) -> FeedbackPage:
    """Feedback newest first, filtered by task, label and creation time."""
    if task is not None and label is not None:
        get_task(task).check_label(label)
    limit = min(limit, settings.max_page_size)
    rows, total = list_feedback(
        session=session,
        tenant_id=principal.tenant_id,
        task=task,
        label=label,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    nxt = offset + len(rows)
    return FeedbackPage(
        items=[FeedbackOut(**feedback_as_dict(r)) for r in rows],
        total=total,
        limit=limit,
        offset=offset,
        next_offset=nxt if nxt < total else None,
    )
