"""The moderators' web UI at ``/ui``: server-rendered pages, a little JavaScript of our own.

``install_ui(app)`` adds the static files, the pages and the two exception handlers that
turn ``UiError`` into an error page and ``SignInRequired`` into a redirect. Nothing is
fetched from elsewhere: the UI works on a closed network.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from service.config import Settings
from service.ui import review_pages
from service.ui.errors import SignInRequired, UiError
from service.ui.render import PREFIX, redirect, render, translator
from service.ui.routes import router
from service.ui.sessions import SESSION_COOKIE
from service.ui.state import STATIC, build_state

_TITLED = (400, 403, 404, 413, 415, 503)
STATIC_MAX_AGE = 7 * 86400  # URLs carry a digest of the files (``?v=``), so a week is safe


class _CachedStatic(StaticFiles):
    """Static files with ``Cache-Control`` and ``nosniff``."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = f"public, max-age={STATIC_MAX_AGE}"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response


async def _error_page(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UiError)
    t = translator(request)
    return render(
        request,
        "error.html",
        title_key=f"errors.title_{exc.status}" if exc.status in _TITLED else "errors.title",
        status=exc.status,
        title_values={"status": exc.status},
        message=t(exc.message_key, **exc.values),
    )


async def _to_sign_in(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    query = {"next": exc.next_path, **({"why": exc.reason} if exc.reason else {})}
    response = redirect(request, f"{PREFIX}/login?{urlencode(query)}")
    if exc.reason:
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


def install_ui(app: FastAPI, settings: Settings) -> None:
    """Mount the web UI on ``app`` (static files first: the pages end in a catch-all 404)."""
    app.state.ui = build_state(settings)
    app.mount(f"{PREFIX}/static", _CachedStatic(directory=STATIC), name="ui-static")
    app.include_router(review_pages.router)
    app.include_router(router)  # last: it ends in the catch-all 404
    app.add_exception_handler(UiError, _error_page)
    app.add_exception_handler(SignInRequired, _to_sign_in)
