"""Signing in with an API key: verified by the API's ``Authenticator``, then a session."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from models.errors import StoreUnavailableError, UnauthorizedError
from service.auth import Authenticator
from service.identity import Principal
from service.ui.accounts import key_principal
from service.ui.errors import UiError
from service.ui.guard import LEAST_ROLE

MAX_KEY_CHARS = 200  # a vimod key is 87 characters; anything much longer is not one


class SignInRefused(Exception):
    """The key cannot sign in; ``status`` and the locale key of the reason for the form."""

    def __init__(self, status: int, message_key: str, **values: object) -> None:
        super().__init__(message_key)
        self.status = status
        self.message_key = message_key
        self.values = values


async def check_key(request: Request, raw: str) -> tuple[Principal, str]:
    """(principal, stored secret hash) of a key that may use the web UI.

    Raises:
        SignInRefused: no key, an unknown or revoked key, or a role below moderator.
        UiError: the store cannot be reached (503 page).
    """
    raw = raw.strip()
    if not raw:
        raise SignInRefused(400, "login.error_empty")
    if len(raw) > MAX_KEY_CHARS:
        raise SignInRefused(401, "login.error_invalid")
    auth: Authenticator = request.app.state.auth
    sessions = request.app.state.sessions
    try:
        principal = await auth.authenticate(raw)
        if principal.role < LEAST_ROLE:
            raise SignInRefused(403, "login.error_role", role=principal.role.name)

        def stored() -> tuple[Principal, str] | None:
            with sessions() as db:
                return key_principal(session=db, key_id=principal.key_id)

        found = await run_in_threadpool(stored)
    except UnauthorizedError:
        raise SignInRefused(401, "login.error_invalid") from None
    except (SQLAlchemyError, StoreUnavailableError):
        raise UiError(503, "errors.store") from None
    if found is None:  # revoked between the cached check and now
        raise SignInRefused(401, "login.error_invalid")
    return found
