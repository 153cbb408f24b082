"""ASGI middleware: the body limit (by header and while streaming), request metrics, the
methods a path allows (OPTIONS, 405) and CORS.

The shared app's ``payload_limit`` is 20 000 bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from tests.service.service_checks import assert_error

LIMIT = 20_000


def _body_of_size(size: int) -> bytes:
    """A valid classify body of exactly ``size`` bytes (JSON allows trailing whitespace)."""
    body = json.dumps({"text": "xin chào", "tasks": ["toxicity"]}).encode()
    return body + b" " * (size - len(body))


def _chunks(data: bytes, size: int = 1000) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def test_body_at_the_limit_is_served(shared_api: TestClient) -> None:
    response = shared_api.post(
        "/v1/classify", content=_body_of_size(LIMIT), headers={"content-type": "application/json"}
    )

    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["categories"]["toxicity"]["label"] == "CLEAN"


def test_declared_length_over_the_limit_is_413(shared_api: TestClient) -> None:
    response = shared_api.post(
        "/v1/classify",
        content=_body_of_size(LIMIT + 1),
        headers={"content-type": "application/json"},
    )

    assert_error(response, 413, "PayloadTooLarge", "20000 bytes", "payload_limit")


def test_payload_limit_is_checked_before_the_body_is_parsed(shared_api: TestClient) -> None:
    response = shared_api.post("/v1/classify", json={"texts": ["a" * 1000] * 30})

    assert_error(response, 413, "PayloadTooLarge", "payload_limit")


def test_streamed_body_over_the_limit_is_413(shared_api: TestClient) -> None:
    request = shared_api.build_request(
        "POST",
        "/v1/classify",
        content=_chunks(_body_of_size(LIMIT + 500)),
        headers={"content-type": "application/json"},
    )
    assert "content-length" not in request.headers  # only the streaming check can catch it
    assert request.headers["transfer-encoding"] == "chunked"

    assert_error(shared_api.send(request), 413, "PayloadTooLarge", "payload_limit")


def test_streamed_body_under_the_limit_is_reassembled(shared_api: TestClient) -> None:
    body = json.dumps({"texts": ["bài viết hay quá", "đồ ngu"], "tasks": ["toxicity"]}).encode()
    request = shared_api.build_request(
        "POST",
        "/v1/classify",
        content=_chunks(body, size=7),
        headers={"content-type": "application/json"},
    )

    response = shared_api.send(request)

    assert response.status_code == 200, response.text
    labels = [r["categories"]["toxicity"]["label"] for r in response.json()["results"]]
    assert labels == ["CLEAN", "OFFENSIVE"]


def test_requests_are_counted_by_route_template_and_status(shared_api: TestClient) -> None:
    registry = shared_api.app.state.metrics.registry  # type: ignore[attr-defined]

    def count(route: str, method: str, status: str) -> float:
        labels = {"route": route, "method": method, "status": status}
        return registry.get_sample_value("vimod_requests_total", labels) or 0.0

    before = {
        "ok": count("/v1/feedback", "GET", "200"),
        "bad": count("/v1/feedback", "GET", "422"),
        "lost": count("unmatched", "GET", "404"),
        "big": count("unmatched", "POST", "413"),
    }
    shared_api.get("/v1/feedback", params={"limit": 1})
    shared_api.get("/v1/feedback", params={"limit": 0})
    shared_api.get("/v1/nowhere/123")
    shared_api.post("/v1/classify", content=_body_of_size(LIMIT + 1))

    assert count("/v1/feedback", "GET", "200") == before["ok"] + 1
    assert count("/v1/feedback", "GET", "422") == before["bad"] + 1
    assert count("unmatched", "GET", "404") == before["lost"] + 1  # no raw paths as labels
    assert count("unmatched", "POST", "413") == before["big"] + 1
    raw_path = {"route": "/v1/nowhere/123", "method": "GET", "status": "404"}
    assert registry.get_sample_value("vimod_requests_total", raw_path) is None


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/v1/feedback", "GET, POST, OPTIONS"),  # two routes share the path
        ("/v1/classify", "POST, OPTIONS"),
        ("/healthz", "GET, OPTIONS"),
    ],
)
def test_options_lists_every_method_of_the_path(
    shared_api: TestClient, path: str, allow: str
) -> None:
    response = shared_api.options(path)

    assert response.status_code == 204
    assert response.headers["allow"] == allow
    assert response.content == b""


def test_options_on_an_unknown_path_is_404(shared_api: TestClient) -> None:
    assert_error(shared_api.options("/v1/nowhere"), 404, "NotFound")


def test_405_lists_every_method_of_the_path(shared_api: TestClient) -> None:
    response = shared_api.delete("/v1/feedback")

    assert_error(response, 405, "MethodNotAllowed")
    assert response.headers["allow"] == "GET, POST, OPTIONS"


PAGE = "https://moderation.example"


def _preflight(client: TestClient, origin: str) -> dict[str, str]:
    response = client.options(
        "/v1/feedback",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-api-key, idempotency-key, content-type",
        },
    )
    return {"status": str(response.status_code), **response.headers}


def test_without_cors_origins_no_cors_headers_at_all(shared_api: TestClient) -> None:
    preflight = _preflight(shared_api, PAGE)
    simple = shared_api.get("/healthz", headers={"Origin": PAGE})

    assert not [h for h in preflight if h.startswith("access-control-")]
    assert not [h for h in simple.headers if h.startswith("access-control-")]


def test_cors_allows_the_configured_origins_only(make_settings: Callable[..., Settings]) -> None:
    client = TestClient(create_app(make_settings(cors_origins=[PAGE])))

    allowed = _preflight(client, PAGE)
    refused = _preflight(client, "https://elsewhere.example")
    simple = client.get("/healthz", headers={"Origin": PAGE})

    assert allowed["status"] == "200"
    assert allowed["access-control-allow-origin"] == PAGE
    assert "POST" in allowed["access-control-allow-methods"]
    granted = allowed["access-control-allow-headers"].lower()
    for header in ("authorization", "x-api-key", "idempotency-key", "x-request-id"):
        assert header in granted
    assert refused["status"] == "400"
    assert "access-control-allow-origin" not in refused
    assert simple.headers["access-control-allow-origin"] == PAGE
    exposed = simple.headers["access-control-expose-headers"].lower()
    for header in ("retry-after", "x-request-id", "ratelimit-remaining"):
        assert header in exposed


def test_cors_origins_read_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIMOD_CORS_ORIGINS", f"{PAGE}, https://other.example")

    assert Settings().cors_origins == [PAGE, "https://other.example"]
    assert Settings(cors_origins=[]).cors_origins == []
