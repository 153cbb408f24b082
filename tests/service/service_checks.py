"""Assertions shared by the service tests (importable because ``tests/service`` holds a conftest)."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import Engine, select

from service.tables import Base


def assert_error(
    response: httpx.Response, status: int, error_type: str, *fragments: str
) -> dict[str, Any]:
    """Assert the one error shape: ``status``, ``error_type`` and a message naming ``fragments``.

    Returns:
        The parsed body, for further checks (e.g. ``details``).
    """
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) <= {"error", "error_type", "details"}, body
    assert {"error", "error_type"} <= set(body), body
    assert body["error_type"] == error_type, body
    assert isinstance(body["error"], str) and body["error"].strip(), body
    for fragment in fragments:
        assert fragment in body["error"], f"{fragment!r} not in {body['error']!r}"
    assert "Traceback" not in response.text
    return body


def dump_store(engine: Engine) -> str:
    """Every value of every table of the store, as one string to grep for what must be gone."""
    with engine.connect() as conn:
        return "\n".join(
            repr(tuple(row))
            for table in Base.metadata.sorted_tables
            for row in conn.execute(select(table))
        )
