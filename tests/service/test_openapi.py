"""The committed ``docs/openapi.json`` is the contract; it must equal ``app.openapi()``."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings

# Drop-in routes answer errors in their clients' shape (service/dropin/errors.py).
DROPIN_ERRORS = {
    "/v1/moderations": "OpenAIErrorResponse",
    "/v1alpha1/comments:analyze": "GoogleErrorResponse",
}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return create_app(Settings()).openapi()


def test_committed_openapi_matches_the_app(schema: dict[str, Any]) -> None:
    committed = json.loads(DOCS.read_text(encoding="utf-8"))

    assert committed == schema, (
        "docs/openapi.json is out of date; regenerate it with "
        "`.venv/bin/python scripts/export_openapi.py` and commit the result"
    )


def test_every_documented_error_uses_the_error_shape(schema: dict[str, Any]) -> None:
    documented = 0
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if not status.startswith(("4", "5")) or path == "/readyz":
                    continue
                ref = response["content"]["application/json"]["schema"]["$ref"]
                shape = DROPIN_ERRORS.get(path, "ErrorResponse")
                assert ref == f"#/components/schemas/{shape}", (method, path, status)
                documented += 1

    assert documented >= 10
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    assert set(schema["components"]["schemas"]["ErrorResponse"]["required"]) == {
        "error",
        "error_type",
    }


def test_public_routes_are_documented_and_metrics_is_not(schema: dict[str, Any]) -> None:
    routes = {(m.upper(), p) for p, ops in schema["paths"].items() for m in ops}

    assert routes == {
        ("POST", "/v1/classify"),
        ("POST", "/v1/feedback"),
        ("GET", "/v1/feedback"),
        ("GET", "/v1/models"),
        ("POST", "/v1/models/reload"),
        ("POST", "/v1/models/{version}/activate"),
        ("POST", "/v1/models/rollback"),
        ("GET", "/v1/info"),
        ("POST", "/v1/keys"),
        ("GET", "/v1/keys"),
        ("DELETE", "/v1/keys/{key_id}"),
        ("GET", "/v1/subjects"),
        ("PATCH", "/v1/subjects/{subject_id}"),
        ("GET", "/v1/audit"),
        ("POST", "/v1/erasures"),
        ("GET", "/healthz"),
        ("GET", "/readyz"),
        ("POST", "/v1/moderations"),
        ("POST", "/v1alpha1/comments:analyze"),
    }
    assert set(schema["components"]["securitySchemes"]) == {"bearer", "apiKey", "queryKey"}
    for method, path in routes:
        operation = schema["paths"][path][method.lower()]
        public = path in ("/healthz", "/readyz")
        assert ("security" in operation) != public, (method, path)
    request = schema["components"]["schemas"]["ClassifyRequest"]
    assert request["additionalProperties"] is False


def test_docs_page_loads_nothing_from_elsewhere(shared_api: TestClient) -> None:
    page = shared_api.get("/docs")
    sources = re.findall(r"""(?:src|href)=["']([^"']+)""", page.text) + re.findall(
        r"""url: ?["']([^"']+)""", page.text
    )

    assert page.status_code == 200
    assert sources and all(s.startswith("/") for s in sources), sources
    for asset in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css"):
        assert shared_api.get(asset).status_code == 200, asset
    assert shared_api.get("/redoc").status_code == 404  # ReDoc would need a CDN


def test_info_version_is_the_package_version(schema: dict[str, Any]) -> None:
    assert schema["info"]["version"] == version("vimod")


def test_query_key_is_offered_by_the_perspective_route_only(schema: dict[str, Any]) -> None:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            schemes = {name for need in operation.get("security", []) for name in need}
            perspective = path == "/v1alpha1/comments:analyze"
            assert ("queryKey" in schemes) == perspective, (method, path)
