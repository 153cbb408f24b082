"""Per-key quotas (``service/quotas.py``): in memory, shared through Redis, and without Redis.

The Redis tests use database 15 of ``VIMOD_TEST_REDIS_URL`` and delete only the keys the
quotas write (prefix ``vimod-quota``). They skip when Redis is unreachable, unless
``VIMOD_REQUIRE_REDIS`` is set (CI), which makes that a failure, like PostgreSQL.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from fastapi.testclient import TestClient

from service import quotas
from service.app import create_app
from service.config import Settings
from tests.apiclient import admin_key, bearer, issue_key
from tests.service.conftest import LIMITS
from tests.service.service_checks import assert_error

REDIS_URL = os.environ.get("VIMOD_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PREFIX = "vimod-quota"


@pytest.fixture(scope="module")
def memory_api(
    seed_registry: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """An app with in-memory quotas; each test counts against keys of its own."""
    folder = tmp_path_factory.mktemp("quotas")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'quotas.db'}",
        registry_dir=seed_registry,
        secrets_dir=folder / "secrets",
        **LIMITS,
    )
    with TestClient(create_app(settings)) as client:
        yield client


def _key(client: TestClient, **quota: int) -> dict[str, str]:
    return bearer(issue_key(client.app, "integrator", **quota).secret)  # type: ignore[arg-type]


def _classify(client: TestClient, key: dict[str, str], text: str) -> httpx.Response:
    return client.post("/v1/classify", json={"text": text, "tasks": ["toxicity"]}, headers=key)


def _rejections(client: TestClient, kind: str) -> float:
    value = client.app.state.metrics.registry.get_sample_value(  # type: ignore[attr-defined]
        "vimod_quota_rejections_total", {"kind": kind}
    )
    return float(value or 0)


def _assert_quota_exceeded(response: httpx.Response, header: str, limit: int) -> None:
    assert_error(response, 429, "QuotaExceeded", f"{limit}")
    retry_after = response.headers["Retry-After"]
    assert retry_after.isdigit() and 1 <= int(retry_after) <= 60, retry_after
    assert response.headers[f"{header}-Limit"] == str(limit)
    assert response.headers[f"{header}-Remaining"] == "0"
    assert 1 <= int(response.headers[f"{header}-Reset"]) <= 60


def test_a_key_gets_its_requests_per_minute_then_429(memory_api: TestClient) -> None:
    key = _key(memory_api, requests_per_minute=3)
    before = _rejections(memory_api, "requests")

    allowed = [memory_api.get("/v1/info", headers=key) for _ in range(3)]
    refused = memory_api.get("/v1/info", headers=key)

    assert [r.status_code for r in allowed] == [200, 200, 200]
    assert [r.headers["X-RateLimit-Limit"] for r in allowed] == ["3"] * 3
    assert [r.headers["X-RateLimit-Remaining"] for r in allowed] == ["2", "1", "0"]
    _assert_quota_exceeded(refused, "X-RateLimit", 3)
    assert _rejections(memory_api, "requests") == before + 1


def test_characters_are_charged_by_text_length(memory_api: TestClient) -> None:
    key = _key(memory_api, chars_per_minute=20)
    ten = "đồ ngu quá"  # 10 characters (precomposed)
    assert len(ten) == 10
    before = _rejections(memory_api, "chars")

    too_long = _classify(memory_api, key, "x" * 21)
    first, second = _classify(memory_api, key, ten), _classify(memory_api, key, ten)
    third = _classify(memory_api, key, "a")

    assert_error(too_long, 422, "Validation", "20 per minute")
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.headers["X-RateLimit-Chars-Limit"] == "20"
    assert [r.headers["X-RateLimit-Chars-Remaining"] for r in (first, second)] == ["10", "0"]
    _assert_quota_exceeded(third, "X-RateLimit-Chars", 20)
    assert _rejections(memory_api, "chars") == before + 1


def test_keys_do_not_share_a_quota(memory_api: TestClient) -> None:
    spent, fresh = _key(memory_api, requests_per_minute=2), _key(memory_api, requests_per_minute=2)

    codes = [memory_api.get("/v1/info", headers=spent).status_code for _ in range(3)]
    other = memory_api.get("/v1/info", headers=fresh)

    assert codes == [200, 200, 429]
    assert other.status_code == 200 and other.headers["X-RateLimit-Remaining"] == "1"


def _flush(client: redis.Redis) -> int:
    """Delete the quota keys (and nothing else) from the test database; how many there were."""
    keys = list(client.scan_iter(match=f"{PREFIX}*"))
    if keys:
        client.delete(*keys)
    return len(keys)


@pytest.fixture
def redis_url() -> Iterator[str]:
    """The test Redis database, without quota keys before and after the test."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        client.close()
        if os.environ.get("VIMOD_REQUIRE_REDIS", "") not in ("", "0", "false"):
            pytest.fail(f"VIMOD_REQUIRE_REDIS is set but Redis is unreachable: {exc}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    _flush(client)
    yield REDIS_URL
    _flush(client)
    client.close()


def test_workers_share_a_quota_through_redis(
    redis_url: str, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(redis_url=redis_url)
    with TestClient(create_app(settings)) as first, TestClient(create_app(settings)) as second:
        key = _key(first, requests_per_minute=3)

        codes = [
            first.get("/v1/info", headers=key).status_code,
            second.get("/v1/info", headers=key).status_code,
            first.get("/v1/info", headers=key).status_code,
        ]
        refused = [second.get("/v1/info", headers=key), first.get("/v1/info", headers=key)]

    assert codes == [200, 200, 200]
    for response in refused:
        _assert_quota_exceeded(response, "X-RateLimit", 3)
    written = _flush(redis.Redis.from_url(redis_url))
    assert written > 0, f"the quotas wrote no keys under {PREFIX!r}: the fixture flushes nothing"


def test_an_unreachable_redis_lets_requests_through_and_says_so_once(
    make_settings: Callable[..., Settings],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # After a failure the quotas stop asking Redis for a few seconds; without that pause every
    # request below asks (and fails), which is what shows the error is logged only once.
    monkeypatch.setattr(quotas, "_PAUSE_AFTER_FAILURE", 0.0)
    settings = make_settings(redis_url="redis://127.0.0.1:1/0", quota_requests_per_minute=1)
    caplog.set_level(logging.ERROR, logger="service.quotas")
    with TestClient(create_app(settings)) as client:
        key = bearer(admin_key(settings))

        codes = [client.get("/v1/info", headers=key).status_code for _ in range(4)]
        failures: Any = client.app.state.metrics.registry.get_sample_value(  # type: ignore[attr-defined]
            "vimod_quota_backend_errors_total"
        )

    assert codes == [200] * 4  # over the per-minute quota of 1, yet let through
    assert failures == 4
    errors = [
        r for r in caplog.records if r.name == "service.quotas" and r.levelno >= logging.ERROR
    ]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    assert "unreachable" in errors[0].getMessage()
