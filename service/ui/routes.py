"""The web UI's pages under ``/ui``: thin handlers over the guard, the store and the registry.

Not part of the public API: the routes are left out of OpenAPI and use session cookies,
not bearer keys (their access rules are tested in ``tests/ui/test_access.py``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from models.errors import StoreUnavailableError
from service.deps import RegistryDep, RuntimeDep
from service.ui.errors import UiError
from service.ui.guard import CsrfFormDep, MaybeUserDep, TrainerUserDep, UiUserDep
from service.ui.i18n import LANG_COOKIE, LANGUAGES
from service.ui.render import PREFIX, redirect, render, safe_next, set_cookie, translator
from service.ui.sessions import LOGIN_COOKIE, SESSION_COOKIE
from service.ui.signin import SignInRefused, check_key
from service.ui.state import ui_state
from service.ui.stats_view import StatsData, charts, gather
from service.ui.versions import versions_by_task

router = APIRouter(prefix=PREFIX, include_in_schema=False)

LANG_COOKIE_AGE = 365 * 86400


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, user: UiUserDep, runtime: RuntimeDep) -> Response:
    serving = {task: model.version for task, model in sorted(runtime.models.items())}
    return render(request, "home.html", title_key="home.title", current="home", serving=serving)


@router.get("/login", response_class=HTMLResponse)
async def login_page(
    request: Request, user: MaybeUserDep, next: str = "", why: str = ""
) -> Response:
    if user is not None:
        return redirect(request, safe_next(next))
    reason = why if why in ("expired", "revoked", "signed_out") else None
    return render(request, "login.html", title_key="login.title", next=safe_next(next), why=reason)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request, form: CsrfFormDep) -> Response:
    target = safe_next(form.get("next"))
    try:
        principal, secret_hash = await check_key(request, form.get("key"))
    except SignInRefused as refused:
        error = translator(request)(refused.message_key, **refused.values)
        return render(
            request,
            "login.html",
            title_key="login.title_error",
            status=refused.status,
            next=target,
            why=None,
            error=error,
        )
    _, cookie = ui_state(request).codec.new_session(principal.key_id, secret_hash)
    response = RedirectResponse(target, status_code=303)
    set_cookie(request, response, SESSION_COOKIE, cookie)
    response.delete_cookie(LOGIN_COOKIE, path=PREFIX)
    return response


@router.post("/logout")
async def logout(request: Request, form: CsrfFormDep) -> Response:
    response = RedirectResponse(f"{PREFIX}/login?why=signed_out", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


@router.get("/lang/{code}")
async def switch_language(request: Request, code: str, next: str = "") -> Response:
    """Remember the reader's language (a preference, not an action: a plain link works)."""
    if code not in LANGUAGES:
        raise UiError(404, "errors.not_found")
    response = redirect(request, safe_next(next))
    set_cookie(request, response, LANG_COOKIE, code, max_age=LANG_COOKIE_AGE)
    return response


@router.get("/stats", response_class=HTMLResponse)
async def stats(request: Request, user: UiUserDep) -> Response:
    sessions = request.app.state.sessions
    settings = ui_state(request).settings
    now = datetime.now(UTC)

    def read() -> StatsData:
        with sessions() as db:
            return gather(
                session=db, tenant_id=user.principal.tenant_id, settings=settings, now=now
            )

    try:
        data = await run_in_threadpool(read)
    except (SQLAlchemyError, StoreUnavailableError):
        raise UiError(503, "errors.store") from None
    oldest = data.queue.oldest_pending_age_s
    return render(
        request,
        "stats.html",
        title_key="stats.title",
        current="stats",
        charts=charts(data, translator(request)),
        per_label=data.per_label,
        queue=data.queue,
        oldest_hours=None if oldest is None else round(oldest / 3600, 1),
    )


@router.get("/models", response_class=HTMLResponse)
async def models(
    request: Request, user: TrainerUserDep, registry: RegistryDep, runtime: RuntimeDep
) -> Response:
    serving = {m.version for m in runtime.models.values()}
    tasks = await run_in_threadpool(versions_by_task, registry, serving)
    return render(request, "models.html", title_key="models.title", current="models", tasks=tasks)


@router.get("/{path:path}", response_class=HTMLResponse)
async def not_found(request: Request, path: str, user: MaybeUserDep) -> Response:
    raise UiError(404, "errors.not_found")
