"""``service.errors``: every failure, routed or not, has the shape ``{"error", "error_type"}``."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from tests.service.service_checks import assert_error


def test_unknown_route_is_404(shared_api: TestClient) -> None:
    assert_error(shared_api.get("/v1/classifier"), 404, "NotFound", "no route GET /v1/classifier")
    assert_error(shared_api.post("/v2/classify", json={"text": "a"}), 404, "NotFound")


def test_wrong_method_is_405_with_allow(shared_api: TestClient) -> None:
    response = shared_api.get("/v1/classify")

    assert_error(response, 405, "MethodNotAllowed", "Method Not Allowed")
    assert response.headers["allow"] == "POST"
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
