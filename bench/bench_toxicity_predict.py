"""In-process cost of toxicity models: ``predict_proba`` on batches of 64 ViHSD comments.

Compares registered versions in one run, interleaved round by round so that a loaded
machine slows each alike; the first version is the reference and every other one is
reported as a ratio to it (time per batch, lower is faster). The normalisation cache is
cleared before each pass, so no version reuses another's work.

    python bench/bench_toxicity_predict.py --registry var/tox/registry \\
        --versions REFERENCE OTHER [...] --out bench/results/toxicity_predict.json
"""

from __future__ import annotations

import argparse
import csv
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._output import emit  # noqa: E402
from bench.bench_trust import cpu_flags  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.text import _normalize_cached  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "vihsd" / "test.csv"


def _comments(path: Path, limit: int) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row["free_text"] for row in csv.DictReader(fh) if row["free_text"].strip()][:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registry", type=Path, required=True)
    parser.add_argument("--versions", nargs="+", required=True, help="reference first")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--posts", type=int, default=3200, help="comments per pass")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    texts = _comments(args.data, args.posts)
    batches = [texts[i : i + args.batch] for i in range(0, len(texts), args.batch)]
    registry = Registry(args.registry)
    models = {v: registry.load(v)[0] for v in args.versions}
    for model in models.values():  # warm up: first-call costs are not serving costs
        model.predict_proba(batches[0])
    per_batch: dict[str, list[float]] = {v: [] for v in args.versions}
    for _ in range(args.rounds):
        for version, model in models.items():
            _normalize_cached.cache_clear()
            start = time.perf_counter()
            for batch in batches:
                model.predict_proba(batch)
            per_batch[version].append((time.perf_counter() - start) / len(batches))
    reference = statistics.median(per_batch[args.versions[0]])
    result = {
        "what": f"predict_proba, batches of {args.batch} ViHSD test comments, in process",
        "posts": len(texts),
        "rounds": args.rounds,
        "cpu": platform.processor() or platform.machine(),
        "cpu_flags": cpu_flags(),
        "versions": {
            v: {
                "median_ms_per_batch": round(statistics.median(t) * 1000, 3),
                "posts_per_s": round(args.batch / statistics.median(t), 1),
                "ratio_to_reference": round(statistics.median(t) / reference, 3),
            }
            for v, t in per_batch.items()
        },
    }
    emit(result, args.out)


if __name__ == "__main__":
    main()
