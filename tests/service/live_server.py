"""A real uvicorn server on loopback, in a thread: for what ``TestClient`` cannot show
(connections the server closes, a database going away under a running service)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from fastapi import FastAPI, Request


def add_client_port_route(app: FastAPI) -> None:
    """``GET /test/client-port``: the client's source port, which changes with a new connection."""

    @app.get("/test/client-port", include_in_schema=False)
    async def client_port(request: Request) -> int:
        assert request.client is not None
        return request.client.port


def client_port(http: httpx.Client) -> int:
    response = http.get("/test/client-port")
    assert response.status_code == 200, response.text
    return int(response.json())


def one_connection_client(base_url: str) -> httpx.Client:
    """A client that keeps a single keep-alive connection (a reset would show as a new port)."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    return httpx.Client(base_url=base_url, limits=limits, timeout=20)


@contextmanager
def live_server(app: FastAPI, *, start_timeout: float = 60) -> Iterator[str]:
    """Run ``app`` (lifespan included) on a free loopback port; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # log_config=None: the test's logging (caplog) stays in charge; access_log as in `serve`.
    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the live server did not start (see the log)")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
