"""Degrade, don't fail: a real uvicorn server against a private PostgreSQL that tests stop.

Each test starts its own cluster (``initdb`` + ``pg_ctl``, as the postgres user when run by
root) on a free port, never the shared server. Without ``initdb`` the tests skip, unless
VIMOD_REQUIRE_POSTGRES is set.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from service.app import create_app
from service.config import Settings
from service.db import make_engine, upgrade_database
from tests.apiclient import admin_key, bearer, serve
from tests.service.live_server import (
    add_client_port_route,
    client_port,
    live_server,
    one_connection_client,
)
from tests.service.log_capture import json_log_lines, problems
from tests.service.service_checks import assert_error

log = logging.getLogger(__name__)

SECRETS = {"text": "bài viết bí mật 7f3a", "moderator_id": "mod-secret-91", "note": "ghi chú riêng"}
RECOVERY_BOUND_S = 30.0


def _bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return candidates[0].parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PrivateCluster:
    """A throw-away PostgreSQL cluster; only this object starts and stops it."""

    bindir: Path
    root: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bindir / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def init(self) -> None:
        self._run("initdb", "-D", str(self.root / "data"), "-U", "postgres", "-A", "trust")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        data, logfile = str(self.root / "data"), str(self.root / "server.log")
        self._run("pg_ctl", "-D", data, "-l", logfile, "-o", options, "-w", "-t", "30", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "-t", "30", "stop")

    def running(self) -> bool:
        return (self.root / "data" / "postmaster.pid").exists()


@pytest.fixture
def private_pg() -> Iterator[PrivateCluster]:
    """An initialised cluster, not started yet; stopped and removed afterwards."""
    bindir = _bindir()
    if bindir is None:
        if os.environ.get("VIMOD_REQUIRE_POSTGRES", "") not in ("", "0", "false"):
            pytest.fail("VIMOD_REQUIRE_POSTGRES is set but initdb is not installed")
        pytest.skip("initdb not found: cannot start a private PostgreSQL")
    root = Path(tempfile.mkdtemp(prefix="vimod-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    cluster = PrivateCluster(bindir, root, _free_port())
    try:
        cluster.init()
        yield cluster
    finally:
        if cluster.running():
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


def _feedback(http: httpx.Client, request_id: str | None = None) -> httpx.Response:
    body = {"task": "toxicity", "label": "OFFENSIVE", **SECRETS}
    headers = {"X-Request-ID": request_id} if request_id else {}
    return http.post("/v1/feedback", json=body, headers=headers)


def _classify(http: httpx.Client) -> httpx.Response:
    return http.post("/v1/classify", json={"text": "xin chào", "tasks": ["toxicity"]})


def _wait_for(check: Callable[[], bool], bound: float) -> float:
    """Seconds until ``check()`` held; fails the test after ``bound`` seconds."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > bound:
            pytest.fail(f"not recovered within {bound} s")
        time.sleep(0.2)
    return time.monotonic() - start


_MODERATOR = {"name": "fault test", "role": "moderator", "subject": SECRETS["moderator_id"]}


def _moderator_key(base_url: str, settings: Settings) -> dict[str, str]:
    """A moderator key for the subject named in SECRETS, created with the first admin key."""
    created = httpx.post(
        f"{base_url}/v1/keys", json=_MODERATOR, headers=bearer(admin_key(settings)), timeout=20
    )
    assert created.status_code == 201, created.text
    return bearer(created.json()["key"])


class Traffic:
    """Classify requests (no store) on their own connection, in a thread, until stopped."""

    def __init__(self, base_url: str, headers: dict[str, str]) -> None:
        self.headers = headers
        self.statuses: list[int] = []
        self.ports: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(base_url,), daemon=True)

    def _run(self, base_url: str) -> None:
        with one_connection_client(base_url) as http:
            http.headers.update(self.headers)
            while not self._stop.is_set():
                self.statuses.append(_classify(http).status_code)
                self.ports.add(client_port(http))

    def __enter__(self) -> Traffic:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


def _fast_retries(make_settings: Callable[..., Settings], url: str) -> Settings:
    return make_settings(database_url=url, store_retry_initial_s=0.2, store_retry_max_s=1.0)


def test_store_outage_under_traffic(
    private_pg: PrivateCluster, make_settings: Callable[..., Settings]
) -> None:
    private_pg.start()
    settings = _fast_retries(make_settings, private_pg.url)
    app = create_app(settings)
    add_client_port_route(app)
    with live_server(app) as base, one_connection_client(base) as http:
        key = _moderator_key(base, settings)
        http.headers.update(key)
        with json_log_lines() as lines, Traffic(base, key) as traffic:
            port, outcome = client_port(http), _outage(private_pg, http)
            logged = lines()
    outage, ready, port_during, recovery, port_after, ready_after = outcome
    _check_outage(traffic, outage, ready, ready_after, recovery, logged)
    assert port_during == port_after == port  # no reset, before, during or after the outage


def _outage(private_pg: PrivateCluster, http: httpx.Client) -> tuple[Any, ...]:
    """Feedback, then the database stops, then starts again; what the client saw."""
    assert _feedback(http).status_code == 201

    private_pg.stop()
    outage: list[tuple[httpx.Response, httpx.Response]] = []
    for i in range(3):
        outage.append((_classify(http), _feedback(http, f"outage-{i}")))
    ready = http.get("/readyz")
    port_during = client_port(http)

    private_pg.start()
    recovery = _wait_for(lambda: _feedback(http).status_code == 201, RECOVERY_BOUND_S)
    port_after = client_port(http)
    ready_after = http.get("/readyz")
    return outage, ready, port_during, recovery, port_after, ready_after


def _check_outage(
    traffic: Traffic,
    outage: list[tuple[httpx.Response, httpx.Response]],
    ready: httpx.Response,
    ready_after: httpx.Response,
    recovery: float,
    logged: list[dict[str, Any]],
) -> None:
    log.info("feedback answered 201 again %.2f s after PostgreSQL restarted", recovery)
    assert traffic.statuses and set(traffic.statuses) == {200}
    assert len(traffic.ports) == 1  # the background client never lost its connection
    for classified, stored in outage:
        assert classified.status_code == 200, classified.text
        assert_error(stored, 503, "StoreUnavailable", "retry later")
        assert stored.headers["retry-after"] == "5"
    assert ready.status_code == 503
    assert ready.json()["store"].startswith("unavailable (")
    assert ready_after.status_code == 200, ready_after.text
    for i in range(3):
        assert len(problems(logged, f"outage-{i}")) == 1, problems(logged, f"outage-{i}")
    dumped = repr(logged)
    assert not [s for s in SECRETS.values() if s in dumped]


def test_start_while_the_store_is_down(
    private_pg: PrivateCluster, make_settings: Callable[..., Settings]
) -> None:
    settings = _fast_retries(make_settings, private_pg.url)
    private_pg.start()  # a first process creates the keys and verifies one (its cache file)
    with serve(settings) as first:
        key = bearer(first.post("/v1/keys", json=_MODERATOR).json()["key"])
        assert first.post("/v1/classify", json={"text": "xin chào"}, headers=key).status_code == 200
    private_pg.stop()
    app = create_app(settings)
    hook_calls: list[Any] = []

    def count_tables(sessions: sessionmaker[Session]) -> None:
        with sessions() as session:
            hook_calls.append(session.scalar(text("SELECT count(*) FROM feedback")))

    app.state.store.on_ready(count_tables)
    add_client_port_route(app)
    with live_server(app) as base, one_connection_client(base) as http:
        http.headers.update(key)
        port = client_port(http)
        ready = http.get("/readyz")
        classified = _classify(http)
        stored = _feedback(http)
        listed = http.get("/v1/feedback")

        private_pg.start()
        recovery = _wait_for(lambda: http.get("/readyz").status_code == 200, RECOVERY_BOUND_S)
        stored_after = _feedback(http)
        same_port = client_port(http)

    log.info("readyz answered 200 %.2f s after PostgreSQL started", recovery)
    assert ready.status_code == 503
    assert ready.json()["store"] == "unavailable (OperationalError)"
    assert "postgres" not in ready.text  # neither the URL nor the user
    assert classified.status_code == 200, classified.text
    assert_error(stored, 503, "StoreUnavailable", "retry later")
    assert stored.headers["retry-after"] == "5"
    assert_error(listed, 503, "StoreUnavailable")
    assert stored_after.status_code == 201, stored_after.text
    assert hook_calls == [0]  # ran once, after the migrations, before any new feedback
    assert same_port == port


def test_concurrent_migrations_are_serialised(private_pg: PrivateCluster) -> None:
    private_pg.start()
    barrier = threading.Barrier(4)
    failures: list[BaseException] = []

    def migrate() -> None:
        barrier.wait()
        try:
            upgrade_database(private_pg.url)
        except BaseException as exc:  # collected: a thread's exception would be lost
            failures.append(exc)

    workers = [threading.Thread(target=migrate) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [type(f).__name__ for f in failures] == []

    engine = make_engine(private_pg.url)
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    engine.dispose()
    assert len(versions) == 1
