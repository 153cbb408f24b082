"""Rendering a page: the reader's language, navigation, CSRF token and safe headers.

Every page goes through ``render``, so each one gets the same security headers (a strict
Content-Security-Policy: scripts and styles from this server only, nothing inline), is
never cached, and states its language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from service import __version__
from service.identity import Role
from service.ui.guard import UiUser, login_token
from service.ui.i18n import LANG_COOKIE, LANGUAGES, Translator, pick_language
from service.ui.sessions import LOGIN_COOKIE
from service.ui.state import UiState, ui_state

PREFIX = "/ui"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class NavItem:
    """A link of the main navigation (``page`` is what a template passes as ``current``)."""

    page: str
    href: str
    label_key: str
    least: Role


NAV = (
    NavItem("home", f"{PREFIX}/", "nav.home", Role.moderator),
    NavItem("queue", f"{PREFIX}/queue", "nav.queue", Role.moderator),
    NavItem("history", f"{PREFIX}/history", "nav.history", Role.moderator),
    NavItem("stats", f"{PREFIX}/stats", "nav.stats", Role.moderator),
    NavItem("models", f"{PREFIX}/models", "nav.models", Role.trainer),
    NavItem("settings", f"{PREFIX}/settings", "nav.settings", Role.moderator),
)


def translator(request: Request) -> Translator:
    lang = pick_language(request.cookies.get(LANG_COOKIE))
    return Translator(lang, ui_state(request).catalogs[lang])


def safe_next(value: str | None) -> str:
    """A same-site path under ``/ui`` to go back to; anything else becomes the home page."""
    if (
        not value
        or not value.startswith(PREFIX)
        or value.startswith("//")
        or any(c in value for c in "\\\r\n\t")
        or value.startswith(f"{PREFIX}/static")
    ):
        return f"{PREFIX}/"
    return value


def _static_url(state: UiState) -> Any:
    def url(name: str) -> str:
        return f"{PREFIX}/static/{name}?v={state.static_version}"

    return url


def render(
    request: Request,
    template: str,
    *,
    title_key: str,
    current: str | None = None,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    """The page ``template`` with the shared context; ``title_key`` names its ``<title>``."""
    state = ui_state(request)
    t = translator(request)
    user: UiUser | None = getattr(request.state, "ui_user", None)
    role = user.principal.role if user is not None else None
    csrf = user.csrf if user is not None else login_token(request)
    page = state.templates.get_template(template)
    html = page.render(
        t=t,
        lang=t.lang,
        languages=LANGUAGES,
        title=t(title_key, **context.pop("title_values", {})),
        user=user,
        csrf=csrf,
        nav=[item for item in NAV if role is not None and role >= item.least],
        current=current,
        path=request.url.path,
        static=_static_url(state),
        version=__version__,
        auth_disabled=state.settings.auth_disabled,
        **context,
    )
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    response.headers["Content-Language"] = t.lang
    finish(request, response)
    return response


def finish(request: Request, response: Response) -> None:
    """Set the sign-in form's token cookie when this request made a new one."""
    cookie = getattr(request.state, "ui_set_login_cookie", None)
    if cookie is not None:
        set_cookie(request, response, LOGIN_COOKIE, cookie)


def set_cookie(
    request: Request, response: Response, name: str, value: str, *, max_age: int | None = None
) -> None:
    """A cookie of the web UI: path ``/ui``, ``HttpOnly``, ``SameSite=Lax``, Secure by setting."""
    settings = ui_state(request).settings
    response.set_cookie(
        name,
        value,
        max_age=max_age if max_age is not None else settings.ui_session_seconds,
        path=PREFIX,
        secure=settings.ui_cookie_secure,
        httponly=True,
        samesite="lax",
    )


def redirect(request: Request, to: str) -> RedirectResponse:
    response = RedirectResponse(to, status_code=303, headers=SECURITY_HEADERS)
    finish(request, response)
    return response
