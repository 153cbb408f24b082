"""Mixed authenticated traffic: many clients, several keys with quotas, for a fixed time.

Each client holds one key (integrators classify; moderators also write and replay feedback
with Idempotency-Keys and list it). Reports requests, status counts, latency percentiles,
the server's RSS before and after, and checks in the database that every acknowledged
feedback write is stored exactly once and that no 5xx was answered.

    python bench/bench_trust.py                                   # 32 clients x 60 s, SQLite
    python bench/bench_trust.py --database-url postgresql://postgres@127.0.0.1:5432/test \\
        --redis-url redis://127.0.0.1:6379/14 --out bench/results/trust_pg.json
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._output import emit  # noqa: E402
from bench._server import admin_headers, free_port, start_server  # noqa: E402
from models.registry import Registry  # noqa: E402
from training.bootstrap import ensure_default_models  # noqa: E402

POSTS = [
    "bài viết hay quá, cảm ơn ad",
    "thằng này ngu vl",
    "ko bit ai dang noi that nua",
    "KHẨN: share ngay để nhận 500k",
    "đồ ngu như bò, cút đi",
    "hôm nay trời mưa to ở Hà Giang, mọi người đi đường cẩn thận",
    "mấy đứa bắc kỳ toàn lũ lừa đảo",
    "chúc mừng năm mới cả nhà 🎉",
]


def cpu_flags() -> list[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return []
    flags = next(
        (line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")),
        [],
    )
    wanted = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_tile", "amx_int8")
    return [f for f in wanted if f in flags]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def make_keys(
    base: str, headers: dict[str, str], n_integrators: int, n_moderators: int, rpm: int
) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = []
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as http:
        for role, count in (("integrator", n_integrators), ("moderator", n_moderators)):
            for i in range(count):
                body = {
                    "name": f"bench {role} {i}",
                    "role": role,
                    "subject": f"bench-{role}-{i}",
                    "requests_per_minute": rpm,
                }
                r = await http.post("/v1/keys", json=body)
                r.raise_for_status()
                keys.append((role, r.json()["key"]))
    return keys


class Tally:
    def __init__(self) -> None:
        self.status: Counter[int] = Counter()
        self.by_kind: Counter[str] = Counter()
        self.latency: list[float] = []
        self.acked: dict[str, str] = {}  # feedback id -> idempotency key
        self.replays_ok = 0
        self.replays_bad = 0
        self.retry_after_missing = 0
        self.transport_errors = 0


async def client_loop(
    base: str, role: str, key: str, deadline: float, tally: Tally, seed: int
) -> None:
    rng = random.Random(seed)
    written: list[tuple[str, dict[str, Any], str]] = []
    async with httpx.AsyncClient(
        base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=60
    ) as http:
        while time.monotonic() < deadline:
            roll = rng.random()
            kind = "classify"
            if role == "moderator" and roll < 0.35:
                kind = "feedback"
            elif role == "moderator" and roll < 0.42 and written:
                kind = "replay"
            elif roll > 0.93:
                kind = "list" if role == "moderator" else "info"
            t0 = time.perf_counter()
            try:
                if kind == "classify":
                    texts = [rng.choice(POSTS) for _ in range(rng.randint(1, 8))]
                    r = await http.post(
                        "/v1/classify", json={"texts": texts, "store": rng.random() < 0.2}
                    )
                elif kind == "feedback":
                    idem = uuid.uuid4().hex
                    body = {
                        "text": f"{rng.choice(POSTS)} #{uuid.uuid4().hex[:8]}",
                        "task": "toxicity",
                        "label": rng.choice(["CLEAN", "OFFENSIVE", "HATE"]),
                    }
                    r = await http.post(
                        "/v1/feedback", json=body, headers={"Idempotency-Key": idem}
                    )
                    if r.status_code == 201:
                        tally.acked[r.json()["id"]] = idem
                        written.append((idem, body, r.json()["id"]))
                elif kind == "replay":
                    idem, body, first = rng.choice(written)
                    r = await http.post(
                        "/v1/feedback", json=body, headers={"Idempotency-Key": idem}
                    )
                    if r.status_code in (200, 201):
                        if r.json()["id"] == first:
                            tally.replays_ok += 1
                        else:
                            tally.replays_bad += 1
                elif kind == "list":
                    r = await http.get("/v1/feedback", params={"limit": 20})
                else:
                    r = await http.get("/v1/info")
            except httpx.HTTPError:
                tally.transport_errors += 1
                continue
            tally.latency.append(time.perf_counter() - t0)
            tally.status[r.status_code] += 1
            tally.by_kind[f"{kind} {r.status_code}"] += 1
            if r.status_code in (429, 503) and "retry-after" not in r.headers:
                tally.retry_after_missing += 1
            if r.status_code == 429:
                await asyncio.sleep(
                    min(float(r.headers.get("retry-after", "1")), 2.0) * rng.random()
                )


def stored_counts(database_url: str, ids: list[str]) -> Counter[str]:
    from sqlalchemy import select

    from service.db import make_engine, session_factory
    from service.tables import Feedback

    engine = make_engine(database_url)
    found: Counter[str] = Counter()
    with session_factory(engine)() as session:
        for i in range(0, len(ids), 500):
            found.update(
                session.scalars(select(Feedback.id).where(Feedback.id.in_(ids[i : i + 500])))
            )
    engine.dispose()
    return found


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


def private_schema(url: str) -> tuple[str, str]:
    """A fresh PostgreSQL schema for this run (nothing shared is touched) and its URL."""
    from sqlalchemy import text

    from service.db import make_engine

    schema = f"vimod_bench_{uuid.uuid4().hex[:8]}"
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    sep = "&" if "?" in url else "?"
    return schema, f"{url}{sep}options=-csearch_path%3D{schema}"


def drop_schema(url: str, schema: str) -> None:
    from sqlalchemy import text

    from service.db import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


async def run(args: argparse.Namespace, tmp: Path, database_url: str) -> dict[str, Any]:
    registry = tmp / "registry"
    ensure_default_models(
        Registry(registry), ["toxicity", "misinformation"], ROOT.parent / "shared" / "data"
    )
    settings = {
        "VIMOD_REGISTRY_DIR": str(registry),
        "VIMOD_DATABASE_URL": database_url,
        "VIMOD_SECRETS_DIR": str(tmp / "secrets"),
        "VIMOD_QUOTA_REQUESTS_PER_MINUTE": str(args.rpm),
        "VIMOD_QUOTA_CHARS_PER_MINUTE": "100000000",
    }
    if args.redis_url:
        settings["VIMOD_REDIS_URL"] = args.redis_url
    port = free_port()
    proc = start_server(settings, port)
    base = f"http://127.0.0.1:{port}"
    try:
        keys = await make_keys(
            base, admin_headers(tmp / "secrets"), args.integrators, args.moderators, args.rpm
        )
        rss_before = rss_mb(proc.pid)
        tally = Tally()
        deadline = time.monotonic() + args.duration
        started = time.perf_counter()
        await asyncio.gather(
            *(
                client_loop(base, *keys[i % len(keys)], deadline, tally, seed=i)
                for i in range(args.clients)
            )
        )
        elapsed = time.perf_counter() - started
        rss_after = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    ids = list(tally.acked)
    found = stored_counts(database_url, ids)
    total = sum(tally.status.values())
    return {
        "clients": args.clients,
        "duration_s": round(elapsed, 1),
        "keys": {
            "integrator": args.integrators,
            "moderator": args.moderators,
            "requests_per_minute": args.rpm,
        },
        "database": "postgresql" if args.database_url else "sqlite",
        "quota_backend": "redis" if args.redis_url else "memory",
        "requests": total,
        "requests_per_s": round(total / elapsed, 1),
        "status": dict(sorted(tally.status.items())),
        "by_kind": dict(sorted(tally.by_kind.items())),
        "server_errors_5xx": sum(v for k, v in tally.status.items() if k >= 500 and k != 503),
        "status_503": tally.status.get(503, 0),
        "transport_errors": tally.transport_errors,
        "retry_after_missing": tally.retry_after_missing,
        "latency_ms": {
            "p50": round(pct(tally.latency, 0.50), 1),
            "p95": round(pct(tally.latency, 0.95), 1),
            "p99": round(pct(tally.latency, 0.99), 1),
        },
        "rss_mb": {"before": round(rss_before, 1), "after": round(rss_after, 1)},
        "feedback_acknowledged": len(ids),
        "feedback_stored_exactly_once": sum(1 for i in ids if found[i] == 1),
        "feedback_missing": sum(1 for i in ids if found[i] == 0),
        "idempotent_replays": {
            "same_record": tally.replays_ok,
            "different_record": tally.replays_bad,
        },
        "cpu_flags": cpu_flags(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of traffic")
    ap.add_argument("--integrators", type=int, default=4, help="integrator keys")
    ap.add_argument("--moderators", type=int, default=4, help="moderator keys")
    ap.add_argument("--rpm", type=int, default=1200, help="requests per minute per key")
    ap.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    ap.add_argument("--redis-url", default=None, help="share quotas through Redis")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    schema = None
    with tempfile.TemporaryDirectory() as tmp:
        database_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        if args.database_url:
            schema, database_url = private_schema(args.database_url)
        try:
            result = asyncio.run(run(args, Path(tmp), database_url))
        finally:
            if schema is not None:
                drop_schema(args.database_url, schema)
    emit(result, args.out)


if __name__ == "__main__":
    main()
