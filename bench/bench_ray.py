"""``vimod classify`` on one file: a single process against ``--ray`` on a local cluster.

Each run is the real command in a fresh process (``python -m cli classify``), so both pay the
interpreter and model loading; the Ray run also starts its cluster, then two actors that each
load the models. The Ray run prints ``ray: started in S s, scored in T s``, read here to give
the time without the cluster's start-up. Runs alternate (single, Ray, single, Ray, ...) so a
shared machine's load swings hit both alike; medians are reported, and the outputs are
compared byte for byte. Each path also scores the file's first ``--small`` posts: the time that
does not grow with the file (start-up, model loading) against the marginal rate of the rest.

The file is ViHSD's test split (6,680 posts) when ``../shared/data`` exists, else the seed
toxicity posts repeated to the same size; both tasks are scored with the default models built
from the seed corpora in a temporary registry (or ``--registry``).

    python bench/bench_ray.py --out bench/results/ray.json
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._output import emit  # noqa: E402
from bench.bench_trust import cpu_flags  # noqa: E402
from models.registry import Registry  # noqa: E402
from training.bootstrap import ensure_default_models  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SIZE = 6680  # ViHSD test
TIMES = re.compile(r"ray: started in ([\d.]+) s, scored in ([\d.]+) s")


def texts() -> tuple[list[str], str]:
    path = DATA / "vihsd" / "test.csv"
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            return [r["free_text"] for r in csv.DictReader(fh)], "ViHSD test"
    with open(ROOT / "training" / "seed" / "toxicity.csv", encoding="utf-8", newline="") as fh:
        seed = [r["text"] for r in csv.DictReader(fh)]
    return [seed[i % len(seed)] for i in range(SIZE)], "seed toxicity posts, repeated"


def run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cli", "classify", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"vimod classify failed:\n{done.stderr[-2000:]}")
    return wall, done.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeats", type=int, default=2, help="runs of each path, alternating")
    ap.add_argument("--num-cpus", type=int, default=2, help="the local Ray cluster's CPUs")
    ap.add_argument("--small", type=int, default=100, help="posts of the fixed-cost runs")
    ap.add_argument("--registry", type=Path, default=None, help="default: seed models, in /tmp")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    posts, source = texts()
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        registry = args.registry or root / "registry"
        ensure_default_models(Registry(registry), ["toxicity", "misinformation"], DATA)
        src, small = root / "posts.csv", root / "small.csv"
        for path, chosen in ((src, posts), (small, posts[: args.small])):
            with open(path, "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(["text"])
                writer.writerows([t] for t in chosen)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "VIMOD_REGISTRY_DIR": str(registry),
            "VIMOD_DATABASE_URL": f"sqlite:///{root / 'bench.db'}",
        }
        ray_args = ["--ray", "--num-cpus", str(args.num_cpus)]
        walls: dict[str, list[float]] = {
            k: [] for k in ("single", "ray", "single_small", "ray_small")
        }
        startup: list[float] = []
        scoring: list[float] = []
        identical = True
        for _ in range(args.repeats):
            for name, path in (("", src), ("_small", small)):
                wall, _err = run([str(path), "-o", str(root / "single.csv")], env)
                walls[f"single{name}"].append(wall)
                wall, err = run([str(path), "-o", str(root / "ray.csv"), *ray_args], env)
                walls[f"ray{name}"].append(wall)
                identical &= filecmp.cmp(root / "single.csv", root / "ray.csv", shallow=False)
                found = TIMES.search(err)
                if found is None:
                    raise SystemExit("the --ray run printed no timing line")
                if not name:
                    startup.append(float(found.group(1)))
                    scoring.append(float(found.group(2)))
    med = statistics.median
    m = {k: med(v) for k, v in walls.items()}
    more = len(posts) - args.small
    grown = {p: m[p] - m[f"{p}_small"] for p in ("single", "ray")}
    rate = {p: round(more / g, 1) if g > 0 else None for p, g in grown.items()}  # None: noise
    result: dict[str, Any] = {
        "what": "vimod classify FILE (both tasks, seed baselines): one process vs --ray, "
        f"local cluster of {args.num_cpus} CPUs, one actor per CPU; fresh process per run",
        "texts": source,
        "posts": len(posts),
        "repeats": args.repeats,
        "wall_s": {k: [round(t, 2) for t in v] for k, v in walls.items()},
        "ray_startup_s": startup,
        "ray_scoring_s": scoring,
        "ratio_ray_over_single": round(m["ray"] / m["single"], 2),
        "ratio_ray_without_startup_over_single": round((m["ray"] - med(startup)) / m["single"], 2),
        "fixed_cost_s": {p: round(m[f"{p}_small"], 2) for p in ("single", "ray")},
        "small_posts": args.small,
        "marginal_posts_per_s": rate,
        "outputs_identical": identical,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "cpu_flags": cpu_flags(),
        "load_average_start_end": [load_start, os.getloadavg()],
    }
    emit(result, args.out)


if __name__ == "__main__":
    main()
