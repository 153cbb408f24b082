"""Throughput of POST /v1/classify over real HTTP vs the same model in-process, in one run.

Also measures the latency cost of running both tasks (toxicity + misinformation) against
toxicity alone, on ViHSD comments and, when present, on ReINTEL's news-like posts
(``*_news`` keys). Absolute numbers drift on a shared machine; the ratios are the result.

    python bench/bench_http.py                      # ViHSD test texts when present, else seed
    python bench/bench_http.py --workers 2 --out bench/results/http.json
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._server import admin_headers, free_port, start_server  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.tasks import MISINFORMATION, TOXICITY  # noqa: E402
from training.bootstrap import ensure_default_models  # noqa: E402
from training.datasets import DataContext, load_dataset  # noqa: E402
from training.train import TrainJob, run_training  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def texts_for_bench(n: int) -> tuple[list[str], str]:
    path = DATA / "vihsd" / "test.csv"
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            rows = [r["free_text"] for r in csv.DictReader(fh) if r["free_text"].strip()]
        source = "ViHSD test"
    else:
        rows = [e.text for e in load_dataset("seed:toxicity", DataContext(TOXICITY, DATA))]
        source = "seed corpus"
    rows = [r[:2000] for r in rows]
    return (rows * (n // len(rows) + 1))[:n], source


def news_texts() -> list[str]:
    """ReINTEL test posts (news-like, up to thousands of characters), when present."""
    path = DATA / "reintel" / "test.csv"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [r["post_message"] for r in csv.DictReader(fh) if r["post_message"].strip()]


def build_registry(root: Path) -> str:
    reg = Registry(root)
    if (DATA / "vihsd" / "train.csv").is_file():
        ctx = DataContext(TOXICITY, DATA)
        job = TrainJob(TOXICITY, load_dataset("vihsd:train", ctx), show_progress=False)
        run_training("baseline", job, reg, datasets=["vihsd:train"], activate=True)
        if (DATA / "reintel" / "train.csv").is_file():
            mctx = DataContext(MISINFORMATION, DATA)
            mjob = TrainJob(
                MISINFORMATION, load_dataset("reintel:train", mctx), show_progress=False
            )
            run_training("baseline", mjob, reg, datasets=["reintel:train"], activate=True)
        model = "ViHSD/ReINTEL-trained baseline"
    else:
        model = "seed baseline"
    ensure_default_models(reg, ["toxicity", "misinformation"], DATA)
    return model


def in_process(registry: Path, texts: list[str], batch: int) -> float:
    found = Registry(registry).load_active("toxicity")
    assert found is not None
    model = found[0]
    model.predict_proba(texts[:batch])  # warm-up
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        model.predict_proba(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start)


HEADERS: dict[str, str] = {}  # the started server's admin key


def start(registry: Path, db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    settings = {
        "VIMOD_REGISTRY_DIR": str(registry),
        "VIMOD_DATABASE_URL": f"sqlite:///{db}",
        "VIMOD_MAX_CLIENT_BATCH_SIZE": "64",
        "VIMOD_SECRETS_DIR": str(db.parent / "secrets"),
    }
    proc = start_server(settings, port, workers=workers)
    HEADERS.update(admin_headers(db.parent / "secrets"))
    return proc


async def http_throughput(
    url: str, texts: list[str], batch: int, concurrency: int, tasks: list[str]
) -> tuple[float, list[float]]:
    batches = [texts[i : i + batch] for i in range(0, len(texts), batch)]
    latencies: list[float] = []
    queue: asyncio.Queue[list[str]] = asyncio.Queue()
    for b in batches:
        queue.put_nowait(b)

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            body = {"texts": queue.get_nowait(), "tasks": tasks}
            t0 = time.perf_counter()
            r = await client.post(url, json=body)
            latencies.append(time.perf_counter() - t0)
            r.raise_for_status()

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(timeout=60, limits=limits, headers=HEADERS) as client:
        await client.post(url, json={"texts": batches[0], "tasks": tasks})  # warm-up
        start = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return len(texts) / elapsed, latencies


def task_latencies(url: str, texts: list[str], batch: int, n: int) -> tuple[float, float]:
    """Median latency (ms) of toxicity alone and of both tasks, ``n`` requests each."""
    return asyncio.run(interleaved_latency(url, texts, batch, n))


async def interleaved_latency(
    url: str, texts: list[str], batch: int, n: int
) -> tuple[float, float]:
    """Sequential requests alternating toxicity-only and both-task bodies.

    Alternating makes drift on a shared machine hit both sides of the ratio alike. Every
    request carries texts of its own, so no side profits from the other's caches.
    """
    times: dict[bool, list[float]] = {False: [], True: []}
    async with httpx.AsyncClient(timeout=60, headers=HEADERS) as client:
        for i in range(2 * n):
            chunk = [texts[(i * batch + j) % len(texts)] for j in range(batch)]
            both = i % 2 == 1
            tasks = ["toxicity", "misinformation"] if both else ["toxicity"]
            t0 = time.perf_counter()
            (await client.post(url, json={"texts": chunk, "tasks": tasks})).raise_for_status()
            times[both].append(time.perf_counter() - t0)
    return statistics.median(times[False]) * 1000, statistics.median(times[True]) * 1000


def _latency_keys(name: str, pair: tuple[float, float]) -> dict[str, float]:
    toxicity, both = pair
    return {
        f"latency_ms_{name}_toxicity": round(toxicity, 2),
        f"latency_ms_{name}_both_tasks": round(both, 2),
        f"both_over_toxicity_{name}": round(both / toxicity, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=12_800, help="texts per measurement")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--registry", type=Path, help="reuse a registry instead of training one")
    ap.add_argument("--out", type=Path, help="write results as JSON")
    args = ap.parse_args()

    texts, source = texts_for_bench(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        registry = args.registry or Path(tmp) / "registry"
        model = "given registry" if args.registry else build_registry(registry)
        port = free_port()
        proc = start(registry, Path(tmp) / "bench.db", port, args.workers)
        url = f"http://127.0.0.1:{port}/v1/classify"
        try:
            local = in_process(registry, texts, args.batch)
            remote, lat = asyncio.run(
                http_throughput(url, texts, args.batch, args.concurrency, ["toxicity"])
            )
            single = task_latencies(url, texts, 1, 200)
            batched = task_latencies(url, texts, args.batch, 60)
            news = news_texts()
            news_single = task_latencies(url, news, 1, 100) if news else None
            news_batched = task_latencies(url, news, args.batch, 5) if news else None  # no repeats
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    result = {
        "texts": source,
        "model": model,
        "n": len(texts),
        "batch": args.batch,
        "concurrency": args.concurrency,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "in_process_posts_per_s": round(local, 1),
        "http_posts_per_s": round(remote, 1),
        "http_over_in_process": round(remote / local, 3),
        "http_p50_ms_batch": round(statistics.median(lat) * 1000, 2),
        **_latency_keys("single", single),
        **_latency_keys("batch", batched),
    }
    if news_single and news_batched:
        result.update(_latency_keys("single_news", news_single))
        result.update(_latency_keys("batch_news", news_batched))
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
