"""Who is signed in to the web UI, what they may see, and CSRF checks on every post.

Page handlers declare ``UiUserDep`` (a signed-in moderator or above) or ``TrainerUserDep``;
form handlers also declare ``CsrfFormDep``, which refuses a post without the session's
token with a 403 page. A session's key is read from the store on every request (no cache,
unlike the API's key cache): revoking a key ends its web sessions at once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from models.errors import StoreUnavailableError
from service.auth import ANONYMOUS
from service.identity import Principal, Role
from service.ui.accounts import key_principal
from service.ui.errors import SignInRequired, UiError
from service.ui.forms import FormData, read_form
from service.ui.sessions import LOGIN_COOKIE, SESSION_COOKIE, same_token
from service.ui.state import ui_state

LEAST_ROLE = Role.moderator  # the web UI is for moderators, trainers and admins


@dataclass(frozen=True)
class UiUser:
    """A signed-in person: their principal and their session's CSRF token."""

    principal: Principal
    csrf: str


def login_token(request: Request) -> str:
    """The pre-session CSRF token (sign-in form); a new one is set on the response."""
    found = getattr(request.state, "ui_login_token", None)
    if found is not None:
        return str(found)
    token = ui_state(request).codec.login_token(request.cookies.get(LOGIN_COOKIE))
    if token is None:
        token, cookie = ui_state(request).codec.new_login_token()
        request.state.ui_set_login_cookie = cookie
    request.state.ui_login_token = token
    return token


async def _resolve(request: Request) -> tuple[UiUser | None, str | None]:
    """(user, why a presented session is no longer valid)."""
    state = ui_state(request)
    if state.settings.auth_disabled:
        return UiUser(ANONYMOUS, login_token(request)), None
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None, None
    session = state.codec.read_session(cookie)
    if session is None:
        return None, "expired"
    sessions = request.app.state.sessions

    def lookup() -> tuple[Principal, str] | None:
        with sessions() as db:
            return key_principal(session=db, key_id=session.key_id)

    try:
        found = await run_in_threadpool(lookup)
    except (SQLAlchemyError, StoreUnavailableError):
        raise UiError(503, "errors.store") from None
    if found is None or not same_token(state.codec.reference(found[1]), session.ref):
        return None, "revoked"
    principal = found[0]
    if principal.role < LEAST_ROLE:
        return None, "revoked"
    return UiUser(principal, session.csrf), None


async def maybe_user(request: Request) -> UiUser | None:
    """The signed-in user, or ``None`` (for pages anyone may see, such as a 404)."""
    user, _ = await _resolve(request)
    request.state.ui_user = user
    return user


async def signed_in(request: Request) -> UiUser:
    """The signed-in user; anyone else is sent to the sign-in page and back."""
    user, reason = await _resolve(request)
    if user is None:
        raise SignInRequired(request.url.path, reason)
    request.state.ui_user = user
    return user


def at_least(role: Role) -> Callable[..., Awaitable[UiUser]]:
    """A dependency for pages above the moderator role: others get the 403 page."""

    async def dependency(user: Annotated[UiUser, Depends(signed_in)]) -> UiUser:
        if user.principal.role < role:
            raise UiError(403, "errors.forbidden_role", role=role.name)
        return user

    dependency.__name__ = f"ui_requires_{role.name}"
    return dependency


async def csrf_form(request: Request) -> FormData:
    """The posted form, when its ``csrf`` field matches the session's (or sign-in form's)."""
    form = await read_form(request, ui_state(request).settings.ui_form_limit)
    codec = ui_state(request).codec
    session = codec.read_session(request.cookies.get(SESSION_COOKIE))
    expected = session.csrf if session is not None else None
    if expected is None:
        expected = codec.login_token(request.cookies.get(LOGIN_COOKIE))
    if not same_token(expected, form.get("csrf")):
        raise UiError(403, "errors.csrf")
    return form


UiUserDep = Annotated[UiUser, Depends(signed_in)]
MaybeUserDep = Annotated[UiUser | None, Depends(maybe_user)]
TrainerUserDep = Annotated[UiUser, Depends(at_least(Role.trainer))]
CsrfFormDep = Annotated[FormData, Depends(csrf_form)]
