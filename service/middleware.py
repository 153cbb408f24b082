"""ASGI middleware: request ids and access log, the last-resort 500, methods, limits, metrics.

Written as plain ASGI (not ``BaseHTTPMiddleware``) so a body over the limit is refused
before it is read into memory, streaming stays cheap and contextvars (the request id) reach
the handlers.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.routing import Match, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import INTERNAL_MESSAGE, log_failure, route_template
from service.logs import accept_request_id, request_id
from service.metrics import Metrics

access_log = logging.getLogger("service.access")

_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")

# What a browser page on an allowed origin may send and read (rate-limit headers included).
CORS_REQUEST_HEADERS = [
    "Authorization",
    "X-API-Key",
    "Idempotency-Key",
    "X-Request-ID",
    "Content-Type",
]
CORS_EXPOSED_HEADERS = [
    "Retry-After",
    "X-Request-ID",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
]


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class BodyLimitMiddleware:
    """Refuse bodies larger than ``limit`` bytes with 413, by header or while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = {
            "error": f"request body exceeds {self.limit} bytes (payload_limit)",
            "error_type": "PayloadTooLarge",
        }
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await _send_json(send, 413, too_large)
                    return
        chunks: list[bytes] = []
        size = 0
        other: Message | None = None  # e.g. http.disconnect arriving before the body ended
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                other = message
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await _send_json(send, 413, too_large)
                return
            more = message.get("more_body", False)
        buffered: list[Message] = [
            {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        ]
        if other is not None:
            buffered.append(other)

        async def replay() -> Message:
            return buffered.pop(0) if buffered else await receive()

        await self.app(scope, replay, send)


class MetricsMiddleware:
    """Count every request by route template and status, and time it."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            self.metrics.observe_request(path, scope["method"], status, time.perf_counter() - start)


class RequestContextMiddleware:
    """Accept or make the request id, echo it, default a 429's Retry-After, log one line.

    The access line names the route template, never the raw path or query string (which
    will carry ``?key=``); uvicorn's own access log is off for the same reason.
    """

    def __init__(self, app: ASGIApp, retry_after: int) -> None:
        self.app = app
        self.retry_after = str(retry_after)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = accept_request_id(Headers(scope=scope).get("x-request-id"))
        token = request_id.set(rid)
        start = time.perf_counter()
        status = 500  # if nothing is sent at all, the client sees a failure

        async def tag(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = rid
                if status == 429 and "retry-after" not in headers:
                    headers["Retry-After"] = self.retry_after
            await send(message)

        try:
            await self.app(scope, receive, tag)
        finally:
            duration_ms = round((time.perf_counter() - start) * 1000, 1)
            route = route_template(scope)
            access_log.info(
                "%s %s %d %.1f ms",
                scope["method"],
                route,
                status,
                duration_ms,
                extra={
                    "method": scope["method"],
                    "route": route,
                    "status": status,
                    "duration_ms": duration_ms,
                },
            )
            request_id.reset(token)


class UnexpectedErrorMiddleware:
    """Answer an exception no handler took with the JSON 500, and do not re-raise it.

    Starlette's ``ServerErrorMiddleware`` re-raises after answering, and uvicorn then closes
    the connection, so a client's next, unrelated request on it failed. Only a response that
    had already started is left unfinished (the server must then close the connection).
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            log_failure(exc, scope)
            self.metrics.errors.labels("Internal").inc()
            if not started:
                await _send_json(send, 500, {"error": INTERNAL_MESSAGE, "error_type": "Internal"})


class AllowMiddleware:
    """``OPTIONS`` on a known path answers 204; it and every 405 list all the path's methods.

    Starlette's 405 names only the first route that matched the path, so ``/v1/feedback``
    (GET and POST are two routes) claimed to allow POST only. The methods are found by asking
    the router which ones it would serve (``BaseRoute.matches``), which also sees routes of
    included routers. CORS preflights never get here: ``CORSMiddleware`` answers them further
    out, when origins are configured.
    """

    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app = app
        self.router = router

    def _serves(self, scope: Scope, method: str) -> bool:
        probe = {**scope, "method": method}
        return any(route.matches(probe)[0] is Match.FULL for route in self.router.routes)

    def _allow(self, scope: Scope) -> str:
        """The ``Allow`` header for the request's path; empty when no route has the path."""
        methods = [m for m in _METHODS if self._serves(scope, m)]
        return ", ".join([*methods, "OPTIONS"]) if methods else ""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS" and not self._serves(scope, "OPTIONS"):
            allow = self._allow(scope)
            if allow:
                headers = [(b"allow", allow.encode())]
                await send({"type": "http.response.start", "status": 204, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return

        async def fix_405(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allow = self._allow(scope)
                if allow:
                    message.setdefault("headers", [])
                    MutableHeaders(scope=message)["Allow"] = allow
            await send(message)

        await self.app(scope, receive, fix_405)
