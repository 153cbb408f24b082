"""How long after an activation is answered every worker and every replica serves it.

Two set-ups, each a real ``vimod serve`` on loopback sharing one PostgreSQL schema and one
registry directory: one server with ``VIMOD_WORKERS=2``, and two single-worker replicas.
Each trial registers a copy of the active toxicity model under a new id (nothing is
trained), activates it through the first server's API, and times from the answer until a
streak of requests on fresh connections (so both workers are reached) to every server
reports the new version. Reports the median and the spread over the trials.

    python bench/bench_convergence.py --out bench/results/convergence.json
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._output import emit  # noqa: E402
from bench.bench_trust import cpu_flags, drop_schema, private_schema  # noqa: E402
from models.registry import Registry  # noqa: E402
from tests.deploy.harness import (  # noqa: E402
    activate,
    clone_active_version,
    converge,
    free_port,
    server_env,
    start,
    stop,
    wait_ready,
)
from training.bootstrap import ensure_default_models  # noqa: E402

STREAK = 8  # consecutive requests per server that must all report the new version
BOUND_S = 60.0


def _trials(
    urls: list[str], key: str, registry: Path, trials: int, tag: str
) -> dict[str, list[float]]:
    """Per trial: seconds from the activation's answer, and from its request, to convergence.

    The activating server loads and smoke-tests the version before it answers, and the
    others start loading as soon as ACTIVE changes, so they often converge before the answer.
    """
    after_answer, after_request = [], []
    for i in range(trials):
        version = clone_active_version(registry, "toxicity", f"{tag}{i:02x}")
        sent = time.monotonic()
        answered = activate(urls[0], key, version, reason="convergence bench")
        called = time.monotonic()
        waited = converge(urls, key, version, streak=STREAK, bound_s=BOUND_S)
        after_answer.append(called - answered + waited)
        after_request.append(called - sent + waited)
        time.sleep(1.0)  # let the registry checks settle between trials
    return {"after_answer": after_answer, "after_request": after_request}


def _summary(seconds: dict[str, list[float]]) -> dict[str, Any]:
    answer, request = seconds["after_answer"], seconds["after_request"]
    return {
        "after_answer_s": [round(s, 3) for s in answer],
        "median_after_answer_s": round(statistics.median(answer), 3),
        "max_after_answer_s": round(max(answer), 3),
        "after_request_s": [round(s, 3) for s in request],
        "median_after_request_s": round(statistics.median(request), 3),
        "goal_s": 2.0,
        "meets_goal": statistics.median(answer) <= 2.0,
    }


def run(database_url: str, tmp: Path, trials: int, watch_s: float) -> dict[str, Any]:
    registry = tmp / "registry"
    ensure_default_models(Registry(registry), ["toxicity"], ROOT.parent / "shared" / "data")
    extra = {"VIMOD_TASKS": '["toxicity"]', "VIMOD_REGISTRY_WATCH_S": str(watch_s)}
    results: dict[str, Any] = {}
    for name, servers, workers in (("workers_2", 1, "2"), ("replicas_2", 2, "1")):
        env = server_env(database_url, registry, tmp / "secrets", VIMOD_WORKERS=workers, **extra)
        ports = [free_port() for _ in range(servers)]
        logs = [tmp / name / f"server-{i}" / "serve.log" for i in range(servers)]
        processes = [start(env, p, log) for p, log in zip(ports, logs, strict=True)]
        urls = [f"http://127.0.0.1:{p}" for p in ports]
        try:
            for url, proc, log in zip(urls, processes, logs, strict=True):
                wait_ready(url, proc, log)
            key = (tmp / "secrets" / "admin.key").read_text("utf-8").strip()
            results[name] = _summary(
                _trials(urls, key, registry, trials, "a0" if servers == 1 else "b0")
            )
        finally:
            for proc in processes:
                stop(proc)
    return {
        "what": "seconds from the activation's answer (and from its request) to every "
        "worker/replica serving the new version",
        "registry_watch_s": watch_s,
        "streak_per_server": STREAK,
        **results,
        "cpu_flags": cpu_flags(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--watch-s", type=float, default=0.5, help="VIMOD_REGISTRY_WATCH_S")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    schema, url = private_schema(args.database_url)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            result = run(url, Path(tmp), args.trials, args.watch_s)
    finally:
        drop_schema(args.database_url, schema)
    emit(result, args.out)


if __name__ == "__main__":
    main()
