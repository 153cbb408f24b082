"""The review pages: the queue (claim, decide, skip, release, bulk), own history, settings.

Thin handlers over ``service.review.queue`` (called directly, not through HTTP). Every post
carries the session's CSRF token and answers with a redirect back to the page, whose
``notice`` names what happened (a fixed locale key, never free text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from models.errors import InputError, StoreUnavailableError, VimodError
from models.tasks import TASKS
from service.review import queue
from service.review.schemas import DecisionIn
from service.ui.errors import UiError
from service.ui.forms import FormData
from service.ui.guard import CsrfFormDep, UiUser, UiUserDep
from service.ui.render import PREFIX, redirect, render
from service.ui.review_view import held_slots

router = APIRouter(prefix=PREFIX, include_in_schema=False)

T = TypeVar("T")
NOTICES = ("claimed", "decided", "decided_many", "skipped", "released", "saved", "none_left")
ERRORS = {"Validation": "input", "Conflict": "conflict", "NotFound": "missing"}
HISTORY_PAGE = 50
MAX_OFFSET = 1_000_000
ACTIONS = ("approve", "remove", "escalate")


def _settings(request: Request) -> Any:
    return request.app.state.settings


async def _store(request: Request, work: Callable[[Any], T]) -> T:
    """Run ``work(session)`` off the event loop; a store outage is the 503 page."""
    sessions = request.app.state.sessions

    def run() -> T:
        with sessions() as session:
            return work(session)

    try:
        return await run_in_threadpool(run)
    except (SQLAlchemyError, StoreUnavailableError):
        raise UiError(503, "errors.store") from None


async def _act(request: Request, work: Callable[[Any], object], done: str) -> Response:
    """Do a queue action and go back to the queue, saying how it went."""
    try:
        await _store(request, work)
    except VimodError as exc:
        return redirect(request, f"{PREFIX}/queue?error={ERRORS.get(exc.error_type, 'input')}")
    except ValidationError:
        return redirect(request, f"{PREFIX}/queue?error=input")
    return redirect(request, f"{PREFIX}/queue?notice={done}")


def _decision(form: FormData) -> DecisionIn:
    """The decision posted by an item's (or the bulk) form; ``action=auto`` follows the labels."""
    labels = {task: form.get(f"label:{task}") for task in TASKS if form.get(f"label:{task}")}
    action = form.get("action", "auto")
    if action not in ACTIONS:
        harmful = any(label != TASKS[task].labels[0] for task, label in labels.items())
        action = "remove" if harmful else "approve"
    reason = form.get("reason").strip() or None
    return DecisionIn.model_validate({"labels": labels, "action": action, "reason": reason})


@router.get("/queue", response_class=HTMLResponse)
async def queue_page(
    request: Request, user: UiUserDep, notice: str = "", error: str = ""
) -> Response:
    now = datetime.now(UTC)
    slots = await _store(
        request, lambda s: held_slots(session=s, principal=user.principal, now=now)
    )
    return render(
        request,
        "queue.html",
        title_key="queue.title",
        current="queue",
        slots=slots,
        claim_max=_settings(request).review_claim_max,
        notice=notice if notice in NOTICES else None,
        error=error if error in ERRORS.values() else None,
        toxicity_labels=TASKS["toxicity"].labels,
    )


@router.post("/queue/claim")
async def claim(request: Request, user: UiUserDep, form: CsrfFormDep) -> Response:
    try:
        count = int(form.get("count", "10"))
    except ValueError:
        return redirect(request, f"{PREFIX}/queue?error=input")
    got: list[Any] = []

    def work(session: Any) -> None:
        got.extend(
            queue.claim(
                session=session, principal=user.principal, settings=_settings(request), count=count
            )
        )

    response = await _act(request, work, "claimed")
    if response.headers["location"].endswith("notice=claimed") and not got:
        return redirect(request, f"{PREFIX}/queue?notice=none_left")
    return response


def _slot_action(user: UiUser, form: FormData, action: Callable[..., object]) -> Any:
    slot_id = form.get("slot_id")
    return lambda session: action(session=session, principal=user.principal, slot_id=slot_id)


@router.post("/queue/decide")
async def decide(request: Request, user: UiUserDep, form: CsrfFormDep) -> Response:
    def work(session: Any) -> object:
        return queue.decide(
            session=session,
            principal=user.principal,
            settings=_settings(request),
            slot_id=form.get("slot_id"),
            decision=_decision(form),
        )

    return await _act(request, work, "decided")


@router.post("/queue/skip")
async def skip(request: Request, user: UiUserDep, form: CsrfFormDep) -> Response:
    return await _act(request, _slot_action(user, form, queue.skip), "skipped")


@router.post("/queue/release")
async def release(request: Request, user: UiUserDep, form: CsrfFormDep) -> Response:
    return await _act(request, _slot_action(user, form, queue.release), "released")


@router.post("/queue/bulk")
async def bulk(request: Request, user: UiUserDep, form: CsrfFormDep) -> Response:
    selected = form.getlist("selected")

    def work(session: Any) -> object:
        if not selected:
            raise InputError("select at least one item")
        decision = _decision(form)
        return queue.decide_many(
            session=session,
            principal=user.principal,
            settings=_settings(request),
            decisions=[(slot_id, decision) for slot_id in selected],
        )

    return await _act(request, work, "decided_many")


@router.get("/history", response_class=HTMLResponse)
async def history(request: Request, user: UiUserDep, offset: str = "0") -> Response:
    # Read as text: a hand-edited ?offset=abc shows the first page, not a JSON 422.
    start = int(offset) if offset.isdigit() else 0
    start = min(start, MAX_OFFSET)
    page = await _store(
        request,
        lambda s: queue.history(
            session=s, principal=user.principal, limit=HISTORY_PAGE, offset=start
        ),
    )
    return render(request, "history.html", title_key="history.title", current="history", page=page)


@router.get("/settings", response_class=HTMLResponse)
async def settings_page(request: Request, user: UiUserDep, notice: str = "") -> Response:
    current = await _store(
        request, lambda s: queue.get_review_settings(session=s, principal=user.principal)
    )
    return render(
        request,
        "settings.html",
        title_key="settings.title",
        current="settings",
        review=current,
        notice=notice if notice in NOTICES else None,
    )


@router.post("/settings")
async def save_settings(request: Request, user: UiUserDep, form: CsrfFormDep) -> Response:
    blur = form.get("blur") == "on"
    await _store(
        request,
        lambda s: queue.set_review_settings(session=s, principal=user.principal, blur=blur),
    )
    return redirect(request, f"{PREFIX}/settings?notice=saved")
