"""``service.errors``: every failure, routed or not, has the shape ``{"error", "error_type"}``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import psycopg
import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient
from sqlalchemy import exc as sa_exc

from models.errors import OverloadedError
from service.app import create_app
from service.config import Settings
from service.db import is_unavailable
from tests.apiclient import admin_key, bearer
from tests.service.live_server import (
    add_client_port_route,
    client_port,
    live_server,
    one_connection_client,
)
from tests.service.service_checks import assert_error


def test_unknown_route_is_404(shared_api: TestClient) -> None:
    assert_error(shared_api.get("/v1/classifier"), 404, "NotFound", "no route GET /v1/classifier")
    assert_error(shared_api.post("/v2/classify", json={"text": "a"}), 404, "NotFound")


def test_wrong_method_is_405_with_allow(shared_api: TestClient) -> None:
    response = shared_api.get("/v1/classify")

    assert_error(response, 405, "MethodNotAllowed", "Method Not Allowed")
    assert response.headers["allow"] == "POST, OPTIONS"
    assert_error(shared_api.delete("/v1/feedback"), 405, "MethodNotAllowed")
    assert_error(shared_api.get("/v1/models/reload"), 405, "MethodNotAllowed")


def test_unexpected_errors_are_500_without_internals(
    make_settings: Callable[..., Settings],
) -> None:
    app = create_app(make_settings())

    @app.get("/boom")
    async def boom() -> None:
        raise KeyError("secret-connection-string")

    # No lifespan is needed for this route; the exception handler and metrics are installed.
    response = TestClient(app, raise_server_exceptions=False).get("/boom")

    assert_error(response, 500, "Internal", "internal error; see the server log")
    assert "secret-connection-string" not in response.text
    assert "KeyError" not in response.text
    errors = app.state.metrics.registry.get_sample_value(
        "vimod_errors_total", {"error_type": "Internal"}
    )
    assert errors == 1.0


def test_a_500_leaves_the_keep_alive_connection_usable(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    app = create_app(settings)
    add_client_port_route(app)

    @app.get("/test/boom")
    async def boom() -> None:
        raise RuntimeError("boom")

    with live_server(app) as base, one_connection_client(base) as http:
        http.headers.update(bearer(admin_key(settings)))
        port = client_port(http)
        failed = http.get("/test/boom")
        after = http.post("/v1/classify", json={"text": "xin chào", "tasks": ["toxicity"]})
        same_port = client_port(http)

    assert_error(failed, 500, "Internal", "internal error")
    assert after.status_code == 200, after.text
    assert same_port == port  # the server kept the connection: no reset, no reconnect


def test_overloaded_carries_retry_after(make_settings: Callable[..., Settings]) -> None:
    app = create_app(make_settings(overloaded_retry_after_s=3))

    @app.get("/test/busy")
    async def busy() -> None:
        raise OverloadedError("too many texts queued")

    @app.get("/test/limited")
    async def limited() -> None:
        raise HTTPException(429, "slow down")  # e.g. a rate limiter that sets no header

    client = TestClient(app)

    busy_response = client.get("/test/busy")
    limited_response = client.get("/test/limited")

    assert_error(busy_response, 429, "Overloaded", "too many texts")
    assert busy_response.headers["retry-after"] == "3"
    assert limited_response.status_code == 429
    assert limited_response.headers["retry-after"] == "3"


def _wrapped(orig: Exception, cls: type[sa_exc.DBAPIError] = sa_exc.OperationalError) -> Exception:
    return cls("INSERT INTO feedback ...", {}, orig)


@pytest.mark.parametrize(
    ("exc", "unavailable"),
    [
        (_wrapped(psycopg.OperationalError("connection refused")), True),
        (_wrapped(psycopg.errors.AdminShutdown("terminating connection")), True),
        (_wrapped(psycopg.InterfaceError("connection closed"), sa_exc.InterfaceError), True),
        (psycopg.OperationalError("server closed the connection"), True),
        (sa_exc.TimeoutError("QueuePool limit reached"), True),
        (sa_exc.DisconnectionError("gone"), True),
        (_wrapped(sqlite3.OperationalError("database is locked")), True),
        (_wrapped(sqlite3.OperationalError("unable to open database file")), True),
        (_wrapped(sqlite3.OperationalError("no such table: feedback")), False),
        (_wrapped(psycopg.errors.UniqueViolation("duplicate"), sa_exc.IntegrityError), False),
        (_wrapped(psycopg.errors.UndefinedTable("no table"), sa_exc.ProgrammingError), False),
        (KeyError("x"), False),
    ],
)
def test_which_database_errors_mean_store_unavailable(exc: Exception, unavailable: bool) -> None:
    assert is_unavailable(exc) is unavailable
