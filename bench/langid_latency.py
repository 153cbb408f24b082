"""Latency the language rule adds to ``POST /v1/classify``: a real server (uvicorn, seed
baselines, SQLite, auth on), the median request for 1 and 64 ViHSD comments, and the median
time ``models.outcomes.plan`` (the detection the route runs) takes on the same posts.
Called by ``bench/bench_langid.py --latency``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from bench._server import admin_headers, free_port, start_server
from models.outcomes import plan
from models.registry import Registry
from training.bootstrap import ensure_default_models

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _median_ms(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 3)


def classify_latency(texts: list[str], repeats: int = 50) -> dict[str, Any]:
    """``{"1": {...}, "64": {...}}``: request and detection medians (ms) and their ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ensure_default_models(Registry(root / "registry"), ["toxicity", "misinformation"], DATA)
        settings = {
            "VIMOD_REGISTRY_DIR": str(root / "registry"),
            "VIMOD_DATABASE_URL": f"sqlite:///{root / 'db.sqlite'}",
            "VIMOD_MAX_CLIENT_BATCH_SIZE": "64",
            "VIMOD_SECRETS_DIR": str(root / "secrets"),
        }
        port = free_port()
        proc = start_server(settings, port)
        try:
            headers = admin_headers(root / "secrets")
            out: dict[str, Any] = {}
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
                for n in (1, 64):
                    batch = texts[:n]

                    def post(batch: list[str] = batch) -> None:
                        r = client.post("/v1/classify", json={"texts": batch}, timeout=60)
                        r.raise_for_status()

                    post()  # warm-up
                    request = _median_ms(post, repeats)

                    def detect_only(batch: list[str] = batch) -> None:
                        plan(batch, "score")

                    detect = _median_ms(detect_only, repeats)
                    out[str(n)] = {
                        "request_ms": request,
                        "detection_ms": detect,
                        "detection_share": round(detect / request, 4),
                    }
            return out
        finally:
            proc.terminate()
            proc.wait(timeout=30)
