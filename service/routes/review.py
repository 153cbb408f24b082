"""``/v1/review``: the moderation queue (thin handlers over ``service.review.queue``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from service.auth import IntegratorDep, ModeratorDep
from service.deps import RuntimeDep, SessionDep, SettingsDep
from service.responses import AUTHENTICATED, errors
from service.review import queue
from service.review.schemas import (
    AppealRequest,
    BulkDecisionRequest,
    BulkDecisionResponse,
    ClaimRequest,
    ClaimResponse,
    DecisionFeed,
    DecisionIn,
    DecisionOut,
    HistoryPage,
    ItemOut,
    QueueStats,
    ReportRequest,
    ReviewSettingsIn,
    ReviewSettingsOut,
)
from service.runtime import ModelRuntime
from service.schemas import MAX_PAGE_PARAM

router = APIRouter(prefix="/v1/review", tags=["review"], responses=errors(*AUTHENTICATED))

_HELD = errors(
    404,
    409,
    s404="No such slot in this tenant",
    s409="The slot is not held by the caller, its lease expired, or it was decided otherwise",
)
SlotId = Annotated[str, Path(max_length=36, description="A slot id from a claim.")]
ItemId = Annotated[str, Path(max_length=36, description="A review item id.")]


def own_thresholds(runtime: ModelRuntime) -> dict[str, dict[str, float]]:
    """Each served model's own thresholds: what decides uncertainty, never a caller's."""
    return {task: model.thresholds() for task, model in runtime.models.items()}


@router.post("/claim", response_model=ClaimResponse)
def claim(
    body: ClaimRequest, principal: ModeratorDep, session: SessionDep, settings: SettingsDep
) -> ClaimResponse:
    """Lease up to `count` slots, most urgent first; an expired lease returns its slots."""
    slots = queue.claim(
        session=session,
        principal=principal,
        settings=settings,
        count=body.count,
        lease_minutes=body.lease_minutes,
    )
    return ClaimResponse(slots=slots)


@router.post("/slots/{slot_id}/release", status_code=status.HTTP_204_NO_CONTENT, responses=_HELD)
def release(slot_id: SlotId, principal: ModeratorDep, session: SessionDep) -> Response:
    """Give a held slot back to the queue."""
    queue.release(session=session, principal=principal, slot_id=slot_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/slots/{slot_id}/skip", status_code=status.HTTP_204_NO_CONTENT, responses=_HELD)
def skip(slot_id: SlotId, principal: ModeratorDep, session: SessionDep) -> Response:
    """Give a held slot back; it is not handed to the caller again."""
    queue.skip(session=session, principal=principal, slot_id=slot_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/slots/{slot_id}/decision", response_model=DecisionOut, responses=_HELD)
def decide(
    slot_id: SlotId,
    body: DecisionIn,
    principal: ModeratorDep,
    session: SessionDep,
    settings: SettingsDep,
) -> DecisionOut:
    """Decide a held slot; the labels become feedback. The same decision again is a replay."""
    return queue.decide(
        session=session, principal=principal, settings=settings, slot_id=slot_id, decision=body
    )


@router.post("/decisions/bulk", response_model=BulkDecisionResponse, responses=_HELD)
def decide_bulk(
    body: BulkDecisionRequest, principal: ModeratorDep, session: SessionDep, settings: SettingsDep
) -> BulkDecisionResponse:
    """Decide several held slots (at most review_bulk_max): all are stored or none."""
    pairs = [
        (d.slot_id, DecisionIn.model_validate(d.model_dump(exclude={"slot_id"})))
        for d in body.decisions
    ]
    done = queue.decide_many(
        session=session, principal=principal, settings=settings, decisions=pairs
    )
    return BulkDecisionResponse(decisions=done)


@router.get("/history", response_model=HistoryPage)
def history(
    principal: ModeratorDep,
    session: SessionDep,
    settings: SettingsDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE_PARAM, description="At most max_page_size.")
    ] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_PAGE_PARAM)] = 0,
) -> HistoryPage:
    """The caller's own decisions, newest first."""
    return queue.history(
        session=session,
        principal=principal,
        limit=min(limit, settings.max_page_size),
        offset=offset,
    )


@router.get("/stats", response_model=QueueStats)
def stats(
    principal: ModeratorDep,
    session: SessionDep,
    settings: SettingsDep,
    days: Annotated[int, Query(ge=1, le=90, description="UTC days of per-moderator figures.")] = 7,
) -> QueueStats:
    """Backlog, deadlines, agreement (Cohen's kappa) and each moderator's days."""
    return queue.queue_stats(
        session=session, tenant_id=principal.tenant_id, settings=settings, days=days
    )


@router.get("/settings", response_model=ReviewSettingsOut)
def get_settings(principal: ModeratorDep, session: SessionDep) -> ReviewSettingsOut:
    """The caller's queue settings."""
    return queue.get_review_settings(session=session, principal=principal)


@router.put("/settings", response_model=ReviewSettingsOut)
def put_settings(
    body: ReviewSettingsIn, principal: ModeratorDep, session: SessionDep
) -> ReviewSettingsOut:
    """Change the caller's queue settings (kept per person, across their keys)."""
    return queue.set_review_settings(session=session, principal=principal, blur=body.blur)


@router.post(
    "/reports",
    status_code=status.HTTP_201_CREATED,
    response_model=ItemOut,
    responses=errors(404, 409, s404="Unknown stored post", s409="Already reviewed: appeal it"),
)
def report(
    body: ReportRequest,
    principal: IntegratorDep,
    session: SessionDep,
    settings: SettingsDep,
    runtime: RuntimeDep,
) -> ItemOut:
    """Report a stored post (e.g. a takedown request): queued with the reported deadline."""
    return queue.report(
        session=session,
        principal=principal,
        settings=settings,
        prediction_id=body.prediction_id,
        thresholds=own_thresholds(runtime),
        note=body.note,
    )


@router.post(
    "/items/{item_id}/appeal",
    response_model=ItemOut,
    responses=errors(404, 409, s404="No such item in this tenant", s409="Not decided yet"),
)
def appeal(
    item_id: ItemId,
    principal: IntegratorDep,
    session: SessionDep,
    settings: SettingsDep,
    body: AppealRequest | None = None,
) -> ItemOut:
    """Send a decided item back to the queue; moderators see the previous decision."""
    return queue.appeal(
        session=session,
        principal=principal,
        settings=settings,
        item_id=item_id,
        note=None if body is None else body.note,
    )


@router.get("/decisions", response_model=DecisionFeed)
def decisions(
    principal: IntegratorDep,
    session: SessionDep,
    settings: SettingsDep,
    since: Annotated[
        str | None, Query(max_length=64, description="`next_cursor` of the previous page.")
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE_PARAM, description="At most max_page_size.")
    ] = 50,
) -> DecisionFeed:
    """Decisions in a stable order, for the platform to act on; page with `since`."""
    return queue.pull_decisions(
        session=session,
        tenant_id=principal.tenant_id,
        since=since,
        limit=min(limit, settings.max_page_size),
    )
