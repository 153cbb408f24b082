"""Errors of the drop-in endpoints, reshaped into the error bodies their clients parse.

Every vimod error (handlers, auth, quotas, body limit, the last-resort 500) is first made in
vimod's ``{"error", "error_type"}`` shape; this middleware rewrites the body of an error
answered on a drop-in path, so no handler or dependency needs to know about dialects. The
status may change too (vimod's 422 is a 400 to both OpenAI and Google clients); headers such
as ``Retry-After`` and ``WWW-Authenticate`` pass through.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

OPENAI_PATH = "/v1/moderations"
PERSPECTIVE_PATH = "/v1alpha1/comments:analyze"

# vimod error_type → OpenAI (type, code).
_OPENAI_TYPES: dict[str, tuple[str, str | None]] = {
    "Unauthorized": ("invalid_request_error", "invalid_api_key"),
    "Forbidden": ("invalid_request_error", "insufficient_permissions"),
    "QuotaExceeded": ("requests", "rate_limit_exceeded"),
    "Overloaded": ("server_error", "rate_limit_exceeded"),
    "PayloadTooLarge": ("invalid_request_error", "payload_too_large"),
    "Unhealthy": ("server_error", "service_unavailable"),
    "StoreUnavailable": ("server_error", "service_unavailable"),
    "Internal": ("server_error", None),
}

# HTTP status → google.rpc status name (https://cloud.google.com/apis/design/errors).
_GOOGLE_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}

Shaped = tuple[int, dict[str, Any]]


def _client_status(status: int) -> int:
    """Both dialects answer an invalid request (vimod's 422) with 400."""
    return 400 if status == 422 else status


def openai_error(status: int, body: dict[str, Any]) -> Shaped:
    kind, code = _OPENAI_TYPES.get(body.get("error_type", ""), ("invalid_request_error", None))
    details = body.get("details") or []
    param = details[0].get("field") if details else None
    message = str(body.get("error", "error"))
    return _client_status(status), {
        "error": {"message": message, "type": kind, "param": param, "code": code}
    }


def google_error(status: int, body: dict[str, Any]) -> Shaped:
    code = 400 if status in (413, 422) else status
    error: dict[str, Any] = {
        "code": code,
        "message": str(body.get("error", "error")),
        "status": _GOOGLE_STATUS.get(code, "UNKNOWN"),
    }
    if body.get("details"):
        violations = [
            {"field": d.get("field", ""), "description": d.get("message", "")}
            for d in body["details"]
        ]
        error["details"] = [
            {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": violations}
        ]
    return code, {"error": error}


DIALECTS: dict[str, Callable[[int, dict[str, Any]], Shaped]] = {
    OPENAI_PATH: openai_error,
    PERSPECTIVE_PATH: google_error,
}


class DropinErrorMiddleware:
    """Rewrite vimod-shaped error bodies on the drop-in paths into their dialect."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        dialect = DIALECTS.get(scope.get("path", "")) if scope["type"] == "http" else None
        if dialect is None:
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def reshape(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start" and message["status"] >= 400:
                start = message  # held until the body is complete
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await _send_reshaped(send, start, b"".join(chunks), dialect)

        await self.app(scope, receive, reshape)


async def _send_reshaped(
    send: Send, start: Message, body: bytes, dialect: Callable[[int, dict[str, Any]], Shaped]
) -> None:
    status = start["status"]
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict) and "error_type" in parsed:
        status, shaped = dialect(status, parsed)
        body = json.dumps(shaped).encode()
    headers = MutableHeaders(raw=list(start.get("headers", [])))
    headers["content-length"] = str(len(body))
    await send({**start, "status": status, "headers": headers.raw})
    await send({"type": "http.response.body", "body": body, "more_body": False})
