"""In-process cost of two misinformation versions on 64 ViHSD test comments, as a ratio.

Both versions are loaded in one process and timed interleaved (one warm-up call each,
then ``--rounds`` alternating calls of ``predict_proba`` on the same 64 comments, text
only as most requests are), so a busy machine slows both alike. Reports the median
milliseconds of each and B / A.

    VIMOD_REGISTRY_DIR=/tmp/reg python bench/misinfo_speed.py A B \\
        --out bench/results/misinfo_speed.json
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._output import emit  # noqa: E402
from bench.bench_trust import cpu_flags  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.tasks import TOXICITY  # noqa: E402
from training.datasets import DataContext, load_dataset  # noqa: E402


def run(registry: Registry, a: str, b: str, data_dir: Path, rounds: int) -> dict[str, Any]:
    comments = [e.text for e in load_dataset("vihsd:test", DataContext(TOXICITY, data_dir))][:64]
    models = {name: registry.load(name)[0] for name in (a, b)}
    times: dict[str, list[float]] = {a: [], b: []}
    for model in models.values():
        model.predict_proba(comments)
    for _ in range(rounds):
        for name, model in models.items():
            started = time.perf_counter()
            model.predict_proba(comments)
            times[name].append(1000 * (time.perf_counter() - started))
    median = {name: statistics.median(t) for name, t in times.items()}
    return {
        "posts": len(comments),
        "rounds": rounds,
        "median_ms": median,
        "ratio_b_over_a": median[b] / median[a],
        "cpu_flags": cpu_flags(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--registry", type=Path, default=None)
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    from service.config import Settings

    root = args.registry or Settings().registry_dir
    result = run(Registry(root), args.a, args.b, args.data_dir, args.rounds)
    emit(result, args.out)


if __name__ == "__main__":
    main()
