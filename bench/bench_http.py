"""Throughput of POST /v1/classify over real HTTP vs the same models in-process, in one run.

Throughput is measured for both tasks (toxicity + misinformation, the ``*_both_tasks``
keys) and for toxicity alone, in ``--rounds`` rounds; each round runs in-process and HTTP
back to back, so drift on a shared machine hits both sides of a ratio alike, and the
ratios reported are the medians of the per-round ratios. In-process means the same models'
``predict_proba`` on the same batches (both tasks: one call per task per batch).

Also measures the latency cost of running both tasks against toxicity alone, on ViHSD
comments and, when present, on ReINTEL's news-like posts (``*_news`` keys). The CPU's
vector flags and the load average (other jobs on the machine) are recorded beside the
figures. With ``--compare DIR``, a second server runs from another checkout (e.g. the
commit before a change) and its two-task HTTP throughput is measured in the same rounds.

    python bench/bench_http.py                      # ViHSD test texts when present, else seed
    python bench/bench_http.py --registry REG --out bench/results/http.json
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
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._server import admin_headers, free_port, start_server  # noqa: E402
from bench.bench_trust import cpu_flags  # noqa: E402
from models.base import Classifier  # noqa: E402
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


# The production misinformation recipe's data (training/recipes/misinformation.toml).
MISINFORMATION_DATA = ["reintel:train", "chat:vihsd:train@500"]


def build_registry(root: Path) -> str:
    reg = Registry(root)
    if (DATA / "vihsd" / "train.csv").is_file():
        ctx = DataContext(TOXICITY, DATA)
        job = TrainJob(TOXICITY, load_dataset("vihsd:train", ctx), show_progress=False)
        run_training("baseline", job, reg, datasets=["vihsd:train"], activate=True)
        if (DATA / "reintel" / "train.csv").is_file():
            mctx = DataContext(MISINFORMATION, DATA)
            rows = [e for spec in MISINFORMATION_DATA for e in load_dataset(spec, mctx)]
            mjob = TrainJob(MISINFORMATION, rows, show_progress=False)
            run_training("baseline", mjob, reg, datasets=MISINFORMATION_DATA, activate=True)
        model = "ViHSD/ReINTEL(+500 ViHSD chat)-trained baseline"
    else:
        model = "seed baseline"
    ensure_default_models(reg, ["toxicity", "misinformation"], DATA)
    return model


def load_models(registry: Path, tasks: list[str]) -> list[Classifier]:
    """The active model of each task, warmed up."""
    models = []
    for task in tasks:
        found = Registry(registry).load_active(task)
        assert found is not None, f"no active {task} model in {registry}"
        found[0].predict_proba(["khởi động"])
        models.append(found[0])
    return models


def in_process(models: list[Classifier], texts: list[str], batch: int) -> tuple[float, float]:
    """Posts/s of every model's ``predict_proba`` on each batch in turn (one thread), and
    the CPU milliseconds it spent per post."""
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), batch):
        for model in models:
            model.predict_proba(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start), _per_post(time.process_time() - cpu, texts)


def _per_post(cpu_s: float, texts: list[str]) -> float:
    return cpu_s * 1000 / len(texts)


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def process_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` and its live children have used, all
    their threads together (``--workers N``: uvicorn's workers are the supervisor's children)."""
    pids = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(_stat(int(entry.name))[1]) == pid:  # field 4: the parent's pid
                    pids.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue  # gone meanwhile
    ticks = 0
    for each in pids:
        try:
            fields = _stat(each)
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


HEADERS: dict[str, dict[str, str]] = {}  # url -> the admin key of the server behind it


def start(
    registry: Path, home: Path, workers: int, root: Path | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """A server with its own database under ``home``, and its classify URL; ``root``: run
    another checkout's code (``--compare``)."""
    home.mkdir(parents=True)
    settings = {
        "VIMOD_REGISTRY_DIR": str(registry.resolve()),  # the server may run in another dir
        "VIMOD_DATABASE_URL": f"sqlite:///{home / 'bench.db'}",
        "VIMOD_MAX_CLIENT_BATCH_SIZE": "64",
        "VIMOD_SECRETS_DIR": str(home / "secrets"),
    }
    port = free_port()
    proc = start_server(settings, port, workers=workers, root=root)
    url = f"http://127.0.0.1:{port}/v1/classify"
    HEADERS[url] = admin_headers(home / "secrets")
    return proc, url


BOTH = ["toxicity", "misinformation"]


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
    async with httpx.AsyncClient(timeout=60, limits=limits, headers=HEADERS[url]) as client:
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
    async with httpx.AsyncClient(timeout=60, headers=HEADERS[url]) as client:
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


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def throughput_rounds(
    servers: dict[str, tuple[str, int]],
    models: dict[str, list[Classifier]],
    texts: list[str],
    args: Any,
) -> dict[str, Any]:
    """``args.rounds`` rounds of: in-process then HTTP, both tasks then toxicity alone
    (and the ``--compare`` server's two-task HTTP, when there is one).

    Besides posts/s, the CPU each side used per post: on a machine shared with other jobs
    the scheduler hands a many-threaded server more of the cores than a one-thread loop,
    so wall-clock ratios can flatter HTTP; CPU per post cannot.
    """
    rows: list[dict[str, float]] = []
    lat: dict[str, list[float]] = {"both": [], "toxicity": []}

    def over_http(name: str, tasks: list[str]) -> tuple[float, float, float]:
        url, pid = servers[name]
        server, client = process_cpu_s(pid), time.process_time()
        rate, latencies = asyncio.run(
            http_throughput(url, texts, args.batch, args.concurrency, tasks)
        )
        if name == "ours":
            lat["both" if len(tasks) == 2 else "toxicity"] += latencies
        server_ms = _per_post(process_cpu_s(pid) - server, texts)
        return rate, server_ms, _per_post(time.process_time() - client, texts)

    for _ in range(args.rounds):
        row: dict[str, float] = {}
        for name, tasks in (("both", BOTH), ("toxicity", ["toxicity"])):
            row[f"in_process_{name}"], row[f"cpu_ms_in_process_{name}"] = in_process(
                models[name], texts, args.batch
            )
            rate, server_ms, client_ms = over_http("ours", tasks)
            row[f"http_{name}"] = rate
            row[f"cpu_ms_server_{name}"], row[f"cpu_ms_client_{name}"] = server_ms, client_ms
            if name == "both" and "compare" in servers:
                rate, server_ms, _ = over_http("compare", tasks)
                row["http_both_compare"], row["cpu_ms_server_both_compare"] = rate, server_ms
        rows.append(row)

    def med(key: str, digits: int = 1) -> float:
        return round(_median([r[key] for r in rows]), digits)

    def ratio(top: str, bottom: str) -> float:
        return round(_median([r[top] / r[bottom] for r in rows]), 3)

    out: dict[str, Any] = {}
    for name, suffix in (("toxicity", ""), ("both", "_both_tasks")):
        out.update(
            {
                f"in_process_posts_per_s{suffix}": med(f"in_process_{name}"),
                f"http_posts_per_s{suffix}": med(f"http_{name}"),
                f"http_over_in_process{suffix}": ratio(f"http_{name}", f"in_process_{name}"),
                f"http_p50_ms_batch{suffix}": round(_median(lat[name]) * 1000, 2),
                f"cpu_ms_per_post_in_process{suffix}": med(f"cpu_ms_in_process_{name}", 4),
                f"cpu_ms_per_post_server{suffix}": med(f"cpu_ms_server_{name}", 4),
                f"cpu_ms_per_post_client{suffix}": med(f"cpu_ms_client_{name}", 4),
                # Posts per CPU-second, HTTP server over in-process: 1.0 = no serving overhead.
                f"server_cpu_efficiency{suffix}": ratio(
                    f"cpu_ms_in_process_{name}", f"cpu_ms_server_{name}"
                ),
            }
        )
    if "compare" in servers:
        out["compare_http_posts_per_s_both_tasks"] = med("http_both_compare")
        out["compare_cpu_ms_per_post_server_both_tasks"] = med("cpu_ms_server_both_compare", 4)
        out["http_both_tasks_over_compare"] = ratio("http_both", "http_both_compare")
        out["server_cpu_compare_over_ours_both_tasks"] = ratio(
            "cpu_ms_server_both_compare", "cpu_ms_server_both"
        )
    out["rounds"] = [{k: round(v, 4) for k, v in r.items()} for r in rows]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=12_800, help="texts per measurement")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument(
        "--workers", type=int, default=1, help="uvicorn workers (their CPU is counted too)"
    )
    ap.add_argument("--rounds", type=int, default=3, help="interleaved throughput rounds")
    ap.add_argument("--registry", type=Path, help="reuse a registry instead of training one")
    ap.add_argument("--compare", type=Path, help="another checkout to serve and measure too")
    ap.add_argument("--out", type=Path, help="write results as JSON")
    args = ap.parse_args()

    texts, source = texts_for_bench(args.n)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        registry = args.registry or Path(tmp) / "registry"
        model = "given registry" if args.registry else build_registry(registry)
        models = {"both": load_models(registry, BOTH), "toxicity": load_models(registry, BOTH[:1])}
        procs = []
        try:
            servers = {}
            for name, root in (("ours", None), ("compare", args.compare)):
                if name == "compare" and root is None:
                    continue
                proc, url = start(registry, Path(tmp) / name, args.workers, root)
                procs.append(proc)
                servers[name] = (url, proc.pid)
            throughput = throughput_rounds(servers, models, texts, args)
            url = servers["ours"][0]
            single = task_latencies(url, texts, 1, 200)
            batched = task_latencies(url, texts, args.batch, 60)
            news = news_texts()
            news_single = task_latencies(url, news, 1, 100) if news else None
            news_batched = task_latencies(url, news, args.batch, 5) if news else None  # no repeats
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=30)
    result = {
        "texts": source,
        "model": model,
        "n": len(texts),
        "batch": args.batch,
        "concurrency": args.concurrency,
        "workers": args.workers,
        "rounds_run": args.rounds,
        "cpus": os.cpu_count(),
        "cpu_flags": cpu_flags(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        **throughput,
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
