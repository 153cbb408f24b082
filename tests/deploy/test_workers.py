"""One ``vimod serve`` with ``VIMOD_WORKERS=2``: every worker follows an activation, and
``/metrics`` counts the requests of both.

Requests go on fresh connections, so the kernel spreads them over both workers' accept
queues; a kept-alive client would talk to one worker only and prove nothing.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import _drop_schema, _postgres_engine
from tests.deploy.harness import (
    ServerFailed,
    activate,
    clone_active_version,
    converge,
    free_port,
    server_env,
    serving_version,
    start,
    stop,
    wait_ready,
)

BOUND_S = 20.0  # generous: the goal is 2 s, the machine is shared
CLASSIFY_COUNT = re.compile(
    r'^vimod_requests_total\{[^}]*route="/v1/classify"[^}]*status="200"[^}]*\} (\S+)$', re.M
)

pytestmark = pytest.mark.postgres


@dataclass(frozen=True)
class Server:
    url: str
    key: str
    registry: Path
    log: Path


@pytest.fixture(scope="module")
def two_workers(seed_registry: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    engine, schema = _postgres_engine()
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    folder = tmp_path_factory.mktemp("workers")
    registry = folder / "registry"
    shutil.copytree(seed_registry, registry)
    env = server_env(url, registry, folder / "secrets", VIMOD_WORKERS="2")
    port = free_port()
    log = folder / "serve" / "serve.log"
    process = start(env, port, log)
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_ready(base, process, log)
        except ServerFailed as exc:
            pytest.fail(str(exc))
        key = (folder / "secrets" / "admin.key").read_text("utf-8").strip()
        yield Server(base, key, registry, log)
    finally:
        stop(process)
        _drop_schema(schema)


def _classify_count(server: Server) -> float:
    response = httpx.get(f"{server.url}/metrics", headers={"Authorization": f"Bearer {server.key}"})
    assert response.status_code == 200, response.text
    return sum(float(v) for v in CLASSIFY_COUNT.findall(response.text))


def test_metrics_count_the_requests_of_every_worker(two_workers: Server) -> None:
    before = _classify_count(two_workers)

    for _ in range(10):
        serving_version(two_workers.url, two_workers.key)

    assert _classify_count(two_workers) - before == 10


def test_an_activation_reaches_every_worker(two_workers: Server) -> None:
    version = clone_active_version(two_workers.registry, "toxicity", "b2b2")

    activate(two_workers.url, two_workers.key, version)
    seconds = converge([two_workers.url], two_workers.key, version, streak=12, bound_s=BOUND_S)

    assert seconds < BOUND_S
    metrics = httpx.get(
        f"{two_workers.url}/metrics", headers={"Authorization": f"Bearer {two_workers.key}"}
    ).text
    assert f'version="{version}"}} 1.0' in metrics  # every live worker reports it


def test_no_worker_logged_a_traceback(two_workers: Server) -> None:
    log = two_workers.log.read_text("utf-8")
    assert "Traceback" not in log, log[-3000:]
