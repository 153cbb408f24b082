"""Start a vimod server on a free loopback port for a benchmark, and wait until it is ready."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# Benchmarks measure the serving path with authentication on, but not the quotas.
UNMETERED = {
    "VIMOD_QUOTA_REQUESTS_PER_MINUTE": "100000000",
    "VIMOD_QUOTA_CHARS_PER_MINUTE": "100000000000",
}


def admin_headers(secrets_dir: Path | str) -> dict[str, str]:
    """The bootstrap admin key a started server wrote into ``secrets_dir``, as a header."""
    key = (Path(secrets_dir) / "admin.key").read_text("utf-8").strip()
    return {"Authorization": f"Bearer {key}"}


def start_server(
    settings: dict[str, str],
    port: int,
    *,
    workers: int = 1,
    timeout: float = 300,
    root: Path | None = None,
) -> subprocess.Popen[bytes]:
    """Run ``uvicorn service.app:create_app`` with ``VIMOD_*`` ``settings``; return once ready.

    ``root``: the checkout whose code serves (default: this one), for before/after runs.
    """
    env = {**os.environ, "VIMOD_LOG_LEVEL": "warning", **UNMETERED, **settings}
    if root is not None:  # that checkout's code, not this one's
        env["PYTHONPATH"] = str(root)
    cmd = [sys.executable, "-m", "uvicorn", "service.app:create_app", "--factory"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    cmd += ["--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, cwd=root or ROOT)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise RuntimeError("server exited during start-up")
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not become ready")
