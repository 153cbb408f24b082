"""One error shape for every failure: ``{"error", "error_type"}`` plus the right status.

Domain errors map through one table; FastAPI's validation and HTTP errors are reshaped to
match. Unexpected exceptions are logged with their traceback and answered with a generic
500 that leaks nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from models.errors import VimodError

log = logging.getLogger(__name__)

STATUS: dict[str, int] = {
    "Validation": 422,
    "Unauthorized": 401,
    "Forbidden": 403,
    "QuotaExceeded": 429,
    "StoreUnavailable": 503,
    "InvalidJSON": 400,
    "NotFound": 404,
    "Conflict": 409,
    "Registry": 409,
    "PayloadTooLarge": 413,
    "Overloaded": 429,
    "Unhealthy": 503,
    "Internal": 500,
}

# FastAPI raises a 400 HTTPException only when it cannot parse the body (not UTF-8, nested
# too deep), which is the same failure as the json_invalid case below.
_HTTP_TYPES = {
    400: "InvalidJSON",
    404: "NotFound",
    405: "MethodNotAllowed",
    413: "PayloadTooLarge",
}


def error_response(
    status: int, error_type: str, message: str, details: list[dict[str, Any]] | None = None
) -> JSONResponse:
    body: dict[str, Any] = {"error": message, "error_type": error_type}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status)


def _counted(request: Request, response: JSONResponse, error_type: str) -> JSONResponse:
    metrics = getattr(request.app.state, "metrics", None)
    if metrics is not None:
        metrics.errors.labels(error_type).inc()
    return response


def _location(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if p != "body") or "body"


async def _vimod_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, VimodError)
    response = error_response(STATUS.get(exc.error_type, 500), exc.error_type, exc.message)
    response.headers.update(_headers(exc))
    return _counted(request, response, exc.error_type)


def _headers(exc: VimodError) -> dict[str, str]:
    """Headers an error carries: what to retry after, and how to authenticate."""
    headers = dict(getattr(exc, "headers", None) or {})
    retry_after = getattr(exc, "retry_after", None)
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    if exc.error_type == "Unauthorized":
        headers["WWW-Authenticate"] = 'Bearer realm="vimod"'
    return headers


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


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    response = error_response(500, "Internal", "internal error; see the server log")
    return _counted(request, response, "Internal")


def install(app: FastAPI) -> None:
    """Register every handler on ``app``."""
    app.add_exception_handler(VimodError, _vimod_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
