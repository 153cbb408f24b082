"""JSON logs: request ids, one line per failed request, and no posted data at any level."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.logs import TextFormatter, safe_traceback
from tests.apiclient import bearer, serve
from tests.service.log_capture import json_log_lines, problems
from tests.service.service_checks import assert_error

ROOT = Path(__file__).resolve().parents[2]
SECRETS = {"text": "bài viết bí mật 7f3a", "moderator_id": "mod-secret-91", "note": "ghi chú riêng"}


def _feedback(client: TestClient, request_id: str) -> Any:
    """Feedback by the moderator named in SECRETS (a key is made for them first)."""
    made = client.post(
        "/v1/keys",
        json={"name": "log test", "role": "moderator", "subject": SECRETS["moderator_id"]},
    )
    assert made.status_code == 201, made.text
    headers = {"X-Request-ID": request_id, **bearer(made.json()["key"])}
    body = {"task": "toxicity", "label": "OFFENSIVE", **SECRETS}
    return client.post("/v1/feedback", json=body, headers=headers)


@pytest.mark.parametrize("given", ["abc", "trace-1.2_3", "x" * 128])
def test_a_valid_request_id_is_echoed(shared_api: TestClient, given: str) -> None:
    assert (
        shared_api.get("/healthz", headers={"X-Request-ID": given}).headers["x-request-id"] == given
    )


@pytest.mark.parametrize("given", ["x" * 129, "a b", "a/b", "ä", "", "id;drop"])
def test_an_invalid_request_id_is_replaced(shared_api: TestClient, given: str) -> None:
    raw = [(b"x-request-id", given.encode())]  # raw bytes: "ä" arrives as UTF-8
    echoed = shared_api.get("/healthz", headers=raw).headers["x-request-id"]

    assert echoed != given
    assert re.fullmatch(r"[0-9a-f]{32}", echoed)


def test_every_response_carries_a_request_id(shared_api: TestClient) -> None:
    responses = [
        shared_api.get("/healthz"),
        shared_api.get("/v1/nowhere"),
        shared_api.post("/v1/classify", content=b"x" * 30_000),  # 413 before any route
        shared_api.options("/v1/feedback"),
    ]

    ids = {r.headers["x-request-id"] for r in responses}
    assert len(ids) == len(responses)


def test_access_line_has_the_route_template_not_the_query(shared_api: TestClient) -> None:
    with json_log_lines() as lines:
        response = shared_api.get(
            "/v1/feedback",
            params={"limit": 1, "key": "api-key-SECRET"},
            headers={"X-Request-ID": "access-1"},
        )
        logged = lines()

    assert response.status_code == 200
    access = [line for line in logged if line["logger"] == "service.access"]
    assert len(access) == 1
    assert access[0]["request_id"] == "access-1"
    assert access[0]["route"] == "/v1/feedback"
    assert access[0]["method"] == "GET"
    assert access[0]["status"] == 200
    assert access[0]["duration_ms"] >= 0
    server_side = [line for line in logged if not line["logger"].startswith("httpx")]
    assert "api-key-SECRET" not in repr(server_side)


def test_failed_write_logs_one_line_without_posted_data(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings()
    with serve(settings) as client, json_log_lines() as lines:
        # Force an IntegrityError inside the INSERT, whose parameters hold every secret.
        with sqlite3.connect(tmp_path / "custom.db") as db:
            db.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON feedback "
                "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
            )
        response = _feedback(client, "write-1")
        logged = lines()

    assert_error(response, 500, "Internal", "internal error")
    assert response.headers["x-request-id"] == "write-1"
    [line] = problems(logged, "write-1")
    assert line["level"] == "error"
    assert line["error"] == "IntegrityError"
    assert line["route"] == "/v1/feedback"
    assert line["sqlstate"] == "SQLITE_CONSTRAINT_TRIGGER"
    tagged = [line for line in logged if line["request_id"] == "write-1"]
    assert {"service.access", "service.errors"} <= {line["logger"] for line in tagged}
    assert any(line["msg"].startswith("traceback: ") for line in tagged)  # DEBUG was on
    dumped = json.dumps(logged, ensure_ascii=False)
    assert not [s for s in SECRETS.values() if s in dumped]


def test_store_gone_is_503_with_one_warning(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    folder = tmp_path / "store"
    with serve(make_settings(database_url=f"sqlite:///{folder / 'vimod.db'}")) as client:
        made = client.post(
            "/v1/keys", json={"name": "t", "role": "moderator", "subject": SECRETS["moderator_id"]}
        )
        client.headers.update(bearer(made.json()["key"]))
        client.get("/v1/info")  # the key is verified (cached) before the store goes
        with json_log_lines() as lines:
            client.app.state.sessions.kw["bind"].dispose()  # type: ignore[attr-defined]
            shutil.move(folder, tmp_path / "moved")  # SQLite: "unable to open database file"
            body = {"task": "toxicity", "label": "OFFENSIVE", **SECRETS}
            response = client.post("/v1/feedback", json=body, headers={"X-Request-ID": "gone-1"})
            classified = client.post("/v1/classify", json={"text": "xin chào"})
            logged = lines()

    assert_error(response, 503, "StoreUnavailable", "retry later")
    assert response.headers["retry-after"] == "5"
    assert classified.status_code == 200
    [line] = problems(logged, "gone-1")
    assert line["level"] == "warning"
    assert line["error"] == "OperationalError"
    dumped = json.dumps(logged, ensure_ascii=False)
    assert not [s for s in SECRETS.values() if s in dumped]


def test_safe_traceback_names_classes_and_places_only() -> None:
    try:
        try:
            raise KeyError("post text")
        except KeyError as inner:
            raise RuntimeError("moderator note") from inner
    except RuntimeError as exc:
        rendered = safe_traceback(exc)

    assert "builtins.RuntimeError at " in rendered
    assert "caused by builtins.KeyError at " in rendered
    assert "test_logs.py" in rendered
    assert "post text" not in rendered and "moderator note" not in rendered


_CONFIGURED = """
import logging
from service.logs import configure_logging
configure_logging("debug")
logging.getLogger("sqlalchemy.engine").info("row ('SECRET-ROW',)")
logging.getLogger("uvicorn.access").info("GET /v1/feedback?key=SECRET-KEY 200")
logging.getLogger("uvicorn.error").info("Started server process", extra={"color_message": "x"})
try:
    raise ValueError("SECRET-MESSAGE")
except ValueError:
    logging.getLogger("service.x").exception("failed")
"""


def test_configure_logging_writes_safe_json_lines() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CONFIGURED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = [json.loads(line) for line in done.stderr.splitlines()]

    assert [(line["logger"], line["msg"]) for line in lines] == [
        ("uvicorn.error", "Started server process"),
        ("service.x", "failed"),
    ]
    assert "color_message" not in lines[0]
    assert lines[1]["exc"].startswith("builtins.ValueError at ")
    assert "SECRET" not in done.stderr


def test_plain_text_lines_are_safe_too() -> None:
    try:
        raise ValueError("SECRET-MESSAGE")
    except ValueError:
        record = logging.makeLogRecord(
            {"name": "service.x", "levelno": logging.ERROR, "levelname": "ERROR", "msg": "failed"}
        )
        record.exc_info = sys.exc_info()
    line = TextFormatter().format(record)

    assert "ERROR service.x [None] failed" in line
    assert "builtins.ValueError at " in line
    assert "SECRET" not in line


def test_a_posts_context_is_never_logged(shared_api: TestClient) -> None:
    secret = "tiêu đề bí mật 5c1d"
    with json_log_lines() as lines:
        ok = shared_api.post(
            "/v1/classify", json={"texts": ["xin chào"], "metadata": [{"context": secret}]}
        )
        bad = shared_api.post(
            "/v1/classify", json={"text": "xin chào", "context": secret + " " * 2000}
        )
        logged = lines()

    assert ok.status_code == 200 and bad.status_code == 422
    assert logged  # the access lines were captured
    assert secret not in json.dumps(logged, ensure_ascii=False)
