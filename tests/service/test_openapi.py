"""The committed ``docs/openapi.json`` is the contract; it must equal ``app.openapi()``."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
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
        ("GET", "/v1/models/changes"),
        ("GET", "/v1/info"),
        ("POST", "/v1/keys"),
        ("GET", "/v1/keys"),
        ("DELETE", "/v1/keys/{key_id}"),
        ("GET", "/v1/subjects"),
        ("PATCH", "/v1/subjects/{subject_id}"),
        ("GET", "/v1/audit"),
        ("POST", "/v1/erasures"),
        ("POST", "/v1/review/claim"),
        ("POST", "/v1/review/slots/{slot_id}/release"),
        ("POST", "/v1/review/slots/{slot_id}/skip"),
        ("POST", "/v1/review/slots/{slot_id}/decision"),
        ("POST", "/v1/review/decisions/bulk"),
        ("GET", "/v1/review/history"),
        ("GET", "/v1/review/stats"),
        ("GET", "/v1/review/settings"),
        ("PUT", "/v1/review/settings"),
        ("POST", "/v1/review/reports"),
        ("POST", "/v1/review/items/{item_id}/appeal"),
        ("GET", "/v1/review/decisions"),
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


def test_every_operation_has_an_explicit_unique_snake_case_id(schema: dict[str, Any]) -> None:
    app = create_app(Settings())
    implicit = [
        (sorted(r.methods), r.path)
        for r in app.routes
        if isinstance(r, APIRoute) and r.include_in_schema and r.operation_id is None
    ]
    ids = [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]

    assert not implicit, (
        f"set operation_id= on these routes (generated clients name methods so): {implicit}"
    )
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", i) for i in ids), ids
    # The names the Python client and the README use.
    assert schema["paths"]["/v1/classify"]["post"]["operationId"] == "classify"
    assert schema["paths"]["/v1/feedback"]["post"]["operationId"] == "create_feedback"


@pytest.mark.parametrize(("path", "status"), [("/v1/classify", "200"), ("/v1/feedback", "201")])
def test_classify_and_feedback_have_request_and_response_examples(
    schema: dict[str, Any], path: str, status: str
) -> None:
    operation = schema["paths"][path]["post"]
    requests = operation["requestBody"]["content"]["application/json"]["examples"]
    response = operation["responses"][status]["content"]["application/json"]

    assert len(requests) >= 2 and all("value" in e and "summary" in e for e in requests.values())
    assert response["schema"]["$ref"].startswith("#/components/schemas/")
    assert response["example"]


def test_the_request_examples_are_accepted_by_the_app(
    schema: dict[str, Any], api: TestClient
) -> None:
    statuses = {}
    for path in ("/v1/classify", "/v1/feedback"):
        content = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        for name, example in content["examples"].items():
            statuses[path, name] = api.post(path, json=example["value"]).status_code

    assert statuses == {
        ("/v1/classify", "one"): 200,
        ("/v1/classify", "batch"): 200,
        ("/v1/classify", "metadata"): 200,
        ("/v1/classify", "skip_unsupported"): 200,
        ("/v1/feedback", "prediction"): 404,  # valid, but that prediction was never stored
        ("/v1/feedback", "text"): 201,
    }


def test_query_key_is_offered_by_the_perspective_route_only(schema: dict[str, Any]) -> None:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            schemes = {name for need in operation.get("security", []) for name in need}
            perspective = path == "/v1alpha1/comments:analyze"
            assert ("queryKey" in schemes) == perspective, (method, path)
