"""One error shape for every failure: ``{"error", "error_type"}`` plus the right status.

Domain errors map through one table; FastAPI's validation and HTTP errors are reshaped to
match. A database that cannot be reached is a 503 ``StoreUnavailable``; any other database
or unexpected error is a generic 500 that leaks nothing (the last resort for exceptions is
``UnexpectedErrorMiddleware``). A failed request logs exactly one line: the exception class,
SQLSTATE and route template, never the exception's message, which can hold posted data.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import psycopg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from models.errors import VimodError
from service.db import error_code, is_unavailable
from service.logs import safe_traceback

log = logging.getLogger(__name__)

STATUS: dict[str, int] = {
    "Validation": 422,
    "Unauthorized": 401,
    "Forbidden": 403,
    "QuotaExceeded": 429,
    "InvalidJSON": 400,
    "NotFound": 404,
    "Conflict": 409,
    "Registry": 409,
    "PayloadTooLarge": 413,
    "Overloaded": 429,
    "Unhealthy": 503,
    "StoreUnavailable": 503,
    "Internal": 500,
    "LanguageNotSupported": 422,
}

# error_type → the setting holding its Retry-After seconds.
_RETRY_AFTER = {
    "Overloaded": "overloaded_retry_after_s",
    "StoreUnavailable": "store_retry_after_s",
}

INTERNAL_MESSAGE = "internal error; see the server log"

# FastAPI raises a 400 HTTPException only when it cannot parse the body (not UTF-8, nested
# too deep), which is the same failure as the json_invalid case below.
_HTTP_TYPES = {
    400: "InvalidJSON",
    404: "NotFound",
    405: "MethodNotAllowed",
    413: "PayloadTooLarge",
}


def error_response(
    status: int,
    error_type: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"error": message, "error_type": error_type}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


def route_template(scope: Scope) -> str:
    """The matched route's path template; never the raw path, which can hold ids or keys."""
    return getattr(scope.get("route"), "path", None) or "unmatched"


def log_failure(exc: BaseException, scope: Scope, *, level: int = logging.ERROR) -> None:
    """The one log line of a failed request; a message-free traceback follows at DEBUG."""
    code = error_code(exc)
    route = route_template(scope)
    log.log(
        level,
        "%s %s failed: %s%s",
        scope.get("method", "-"),
        route,
        type(exc).__name__,
        f" (sqlstate {code})" if code else "",
        extra={"error": type(exc).__name__, "sqlstate": code, "route": route},
    )
    if log.isEnabledFor(logging.DEBUG):
        log.debug("traceback: %s", safe_traceback(exc))


def _retry_headers(request: Request, error_type: str) -> dict[str, str] | None:
    setting = _RETRY_AFTER.get(error_type)
    if setting is None:
        return None
    return {"Retry-After": str(getattr(request.app.state.settings, setting))}


def _counted(request: Request, response: JSONResponse, error_type: str) -> JSONResponse:
    metrics = getattr(request.app.state, "metrics", None)
    if metrics is not None:
        metrics.errors.labels(error_type).inc()
    return response


def _location(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if p != "body") or "body"


async def _vimod_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, VimodError)
    status = STATUS.get(exc.error_type, 500)
    if status >= 500:
        log_failure(exc, request.scope, level=logging.WARNING)
    headers = {**(_retry_headers(request, exc.error_type) or {}), **_headers(exc)}
    details = getattr(exc, "details", None)  # e.g. which posts a language gate refused
    response = error_response(status, exc.error_type, exc.message, details, headers=headers or None)
    return _counted(request, response, exc.error_type)


def _headers(exc: VimodError) -> dict[str, str]:
    """Headers an error carries itself: a quota's own retry time, how to authenticate."""
    headers = dict(getattr(exc, "headers", None) or {})
    retry_after = getattr(exc, "retry_after", None)
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    if exc.error_type == "Unauthorized":
        headers["WWW-Authenticate"] = 'Bearer realm="vimod"'
    return headers


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    if not is_unavailable(exc):
        log_failure(exc, request.scope)
        return _counted(request, error_response(500, "Internal", INTERNAL_MESSAGE), "Internal")
    log_failure(exc, request.scope, level=logging.WARNING)
    response = error_response(
        503,
        "StoreUnavailable",
        "the feedback store is unavailable; retry later",
        headers=_retry_headers(request, "StoreUnavailable"),
    )
    return _counted(request, response, "StoreUnavailable")


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return _counted(
            request,
            error_response(400, "InvalidJSON", "request body is not valid JSON"),
            "InvalidJSON",
        )
    details = [
        {"field": _location(tuple(e.get("loc", ()))), "message": e.get("msg", "")} for e in errors
    ]
    first = details[0] if details else {"field": "body", "message": "invalid request"}
    message = f"{first['field']}: {first['message']}"
    if len(details) > 1:
        message += f" (and {len(details) - 1} more)"
    return _counted(request, error_response(422, "Validation", message, details), "Validation")


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    error_type = _HTTP_TYPES.get(exc.status_code, "HTTP")
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"no route {request.method} {request.url.path}; see /docs"
    response = error_response(exc.status_code, error_type, message)
    if exc.headers:
        response.headers.update(exc.headers)  # e.g. the Allow header a 405 must carry
    return _counted(request, response, error_type)


def install(app: FastAPI) -> None:
    """Register every handler on ``app``.

    No handler is registered for ``Exception``: Starlette runs that one in
    ``ServerErrorMiddleware``, which re-raises after answering, and the server then drops the
    client's keep-alive connection. ``UnexpectedErrorMiddleware`` answers those instead.
    """
    app.add_exception_handler(VimodError, _vimod_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for db_error in (SQLAlchemyError, psycopg.Error, sqlite3.Error):
        app.add_exception_handler(db_error, _store_error)
