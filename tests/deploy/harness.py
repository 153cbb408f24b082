"""Real ``vimod serve`` processes on loopback for the deploy tests and the convergence bench.

Each server gets its own port and log file; they may share one database URL and one
registry directory, as the replicas of ``deploy/compose.yaml`` do.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 240  # processes loading models on a busy two-core machine


class ServerFailed(RuntimeError):
    """A server exited or never became ready; the message ends with its log's tail."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(database_url: str, registry: Path, secrets: Path, **extra: str) -> dict[str, str]:
    """This process's environment without ``VIMOD_*``, plus the given store and registry."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("VIMOD_")},
        "PYTHONPATH": str(ROOT),
        "VIMOD_DATABASE_URL": database_url,
        "VIMOD_REGISTRY_DIR": str(registry),
        "VIMOD_SECRETS_DIR": str(secrets),
        "VIMOD_HOST": "127.0.0.1",
        "VIMOD_BOOTSTRAP": "false",
        "VIMOD_LOG_LEVEL": "warning",
        **extra,
    }


def start(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "cli", "serve"],
            env={**env, "VIMOD_PORT": str(port)},
            cwd=log.parent,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"server exited {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise ServerFailed(f"{url} not ready in {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def clone_active_version(registry: Path, task: str, suffix: str) -> str:
    """A new version id holding a copy of the task's active model (nothing to train).

    The copy predicts exactly like the original; only its id differs, which is all a test
    of *which* version serves needs.
    """
    active = (registry / task / "ACTIVE").read_text("utf-8").strip()
    stamp, kind = active.split("-")[0], active.split("-")[2]
    version = f"{stamp}-{time.strftime('%H%M%S')}-{kind}-{suffix}"
    shutil.copytree(registry / task / active, registry / task / version)
    manifest = registry / task / version / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["version"] = version
    data.pop("gate", None)
    manifest.write_text(json.dumps(data), "utf-8")
    return version


def serving_version(url: str, key: str, task: str = "toxicity") -> str:
    """The version that answers one classify request on a fresh connection.

    No shared client: a kept-alive connection would stick to one worker of the server.
    """
    response = httpx.post(
        f"{url}/v1/classify",
        json={"text": "xin chào", "tasks": [task]},
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["results"][0]["categories"][task]["model_version"])


def activate(url: str, key: str, version: str, reason: str = "convergence test") -> float:
    """Force-activate ``version`` through ``url``; returns when the answer arrived (monotonic)."""
    response = httpx.post(
        f"{url}/v1/models/{version}/activate",
        json={"force": True, "reason": reason},
        headers={"Authorization": f"Bearer {key}"},
        timeout=60,
    )
    answered = time.monotonic()
    if response.status_code != 200:
        raise ServerFailed(f"activation failed: {response.status_code} {response.text}")
    return answered


def converge(
    urls: list[str], key: str, version: str, *, streak: int, bound_s: float, task: str = "toxicity"
) -> float:
    """Seconds until ``streak`` consecutive requests to each of ``urls`` report ``version``.

    Returns when the first request of the final streak was sent, measured from the call;
    raises ``TimeoutError`` past ``bound_s``.
    """
    start_at = time.monotonic()
    run_start: float | None = None
    run = 0
    while time.monotonic() - start_at < bound_s:
        sent = time.monotonic()
        if all(serving_version(u, key, task) == version for u in urls):
            run_start = sent if run == 0 else run_start
            run += 1
            if run >= streak:
                assert run_start is not None
                return run_start - start_at
        else:
            run = 0
            time.sleep(0.02)
    raise TimeoutError(f"{version} not served everywhere within {bound_s} s")
