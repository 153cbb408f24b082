"""Latency of ``POST /v1/classify`` with ``explain: true`` against without, 1 and 64 posts.

One run, in process (``TestClient`` over ``service.app``, auth off, SQLite store, no
storing): the embedded default models built from the seed corpora (toxicity baseline and
the spans CRF), toxicity only. Texts are ViHOS test posts when ``../shared/data`` exists,
else the seed posts. Requests with and without ``explain`` alternate, so a shared machine's
load swings hit both alike; medians and p95 are reported, and their ratio.

    python bench/bench_explain.py --out bench/results/explain.json
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._output import emit  # noqa: E402
from bench.bench_trust import cpu_flags  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.tasks import SPANS  # noqa: E402
from service.app import create_app  # noqa: E402
from service.config import Settings  # noqa: E402
from training.bootstrap import ensure_default_models  # noqa: E402
from training.datasets import DataContext, load_dataset  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def texts() -> tuple[list[str], str]:
    path = DATA / "vihos" / "test.csv"
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            return [r["content"] for r in csv.DictReader(fh) if r["content"].strip()], "ViHOS test"
    seed = load_dataset("seed:toxicity_spans", DataContext(SPANS, DATA))
    return [e.text for e in seed], "seed posts"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    from fastapi.testclient import TestClient

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--requests", type=int, default=60, help="requests per (size, explain)")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    pool, source = texts()
    rng = random.Random(0)
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ensure_default_models(Registry(root / "registry"), ["toxicity"], DATA)
        settings = Settings(
            registry_dir=root / "registry",
            database_url=f"sqlite:///{root / 'bench.db'}",
            secrets_dir=root / "secrets",
            auth_disabled=True,
            tasks=["toxicity"],
            quota_requests_per_minute=1_000_000,
            quota_chars_per_minute=1_000_000_000,
        )
        sizes: dict[str, object] = {}
        with TestClient(create_app(settings)) as client:
            for size in (1, 64):
                times: dict[bool, list[float]] = {False: [], True: []}
                n = args.requests if size == 1 else max(10, args.requests // 4)
                for _ in range(n):
                    batch = rng.sample(pool, size)
                    for explain in (False, True):
                        start = time.perf_counter()
                        r = client.post("/v1/classify", json={"texts": batch, "explain": explain})
                        times[explain].append((time.perf_counter() - start) * 1000)
                        assert r.status_code == 200, r.text
                med = {e: statistics.median(v) for e, v in times.items()}
                sizes[str(size)] = {
                    "requests": n,
                    "without_explain_ms": {
                        "p50": round(med[False], 2),
                        "p95": round(pct(times[False], 0.95), 2),
                    },
                    "with_explain_ms": {
                        "p50": round(med[True], 2),
                        "p95": round(pct(times[True], 0.95), 2),
                    },
                    "ratio_p50": round(med[True] / med[False], 2),
                }
        result = {
            "what": "POST /v1/classify toxicity, explain true vs false (in process, one run)",
            "texts": source,
            "sizes": sizes,
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "cpu_flags": cpu_flags(),
            "load_average": os.getloadavg(),
        }
    emit(result, args.out)


if __name__ == "__main__":
    main()
