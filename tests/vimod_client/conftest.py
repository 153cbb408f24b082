"""A real vimod server on loopback for the client tests, and a server that hangs up.

The app runs in this process (``tests/service/live_server.py``), so a test can reach its
state: the quota tests use that to let "a minute pass" without waiting for one.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi import FastAPI

from service.app import create_app
from service.config import Settings
from tests.apiclient import admin_key
from tests.service.conftest import LIMITS
from tests.service.live_server import live_server


@dataclass(frozen=True)
class Live:
    app: FastAPI
    url: str
    admin_key: str


@pytest.fixture(scope="module")
def live(seed_registry: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A started app on SQLite and the seed models, over real HTTP; tests use own keys."""
    folder = tmp_path_factory.mktemp("client")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'client.db'}",
        registry_dir=seed_registry,
        secrets_dir=folder / "secrets",
        **LIMITS,
    )
    app = create_app(settings)
    with live_server(app) as url:
        yield Live(app=app, url=url, admin_key=admin_key(settings))


@dataclass
class HangUp:
    """Accepts each connection, reads one request, closes without answering."""

    url: str
    requests: list[bytes] = field(default_factory=list)


@pytest.fixture
def hang_up() -> Iterator[HangUp]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    found = HangUp(url=f"http://127.0.0.1:{server.getsockname()[1]}")
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                found.requests.append(data)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()


def closed_port_url() -> str:
    """A loopback URL nothing listens on (connecting is refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
