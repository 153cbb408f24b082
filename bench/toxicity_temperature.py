"""Could one temperature calibrate a model on every source? ECE per split and pooled NLL.

A served model does not know which source a post comes from, so a calibration step would
have to be one temperature for all. This scores a registered version on each ``--data``
split (dev splits: choosing on test would be tuning on it), rescales its probabilities as
``softmax(log p / T)`` for each ``--temperatures`` value (the labels do not change: the
arg-max is the same for every T > 0), and reports ECE per split and the pooled negative
log-likelihood, the criterion a fitted temperature would minimise.

    python bench/toxicity_temperature.py --registry REG --version V \\
        --data vihsd:dev --data safesense:dev --out bench/results/toxicity_temperature.json
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

import numpy as np
from scipy.special import softmax

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._output import emit  # noqa: E402
from bench.bench_trust import cpu_flags  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.tasks import TOXICITY  # noqa: E402
from training.datasets import DataContext, load_dataset  # noqa: E402
from training.metrics import expected_calibration_error  # noqa: E402

DATA_DIR = ROOT.parent / "shared" / "data"


def with_temperature(proba: np.ndarray, temperature: float) -> np.ndarray:
    """``softmax(log p / T)``: T < 1 sharpens, T > 1 softens; the arg-max is unchanged."""
    return np.asarray(softmax(np.log(np.clip(proba, 1e-12, 1.0)) / temperature, axis=1))


def scan(
    splits: dict[str, tuple[np.ndarray, np.ndarray]], temperatures: list[float]
) -> list[dict[str, object]]:
    """ECE per split and pooled NLL for each temperature."""
    rows = []
    for t in temperatures:
        ece, nll, n = {}, 0.0, 0
        for name, (proba, y) in splits.items():
            scaled = with_temperature(proba, t)
            ece[name] = round(expected_calibration_error(y, scaled), 4)
            nll -= float(np.log(scaled[np.arange(len(y)), y] + 1e-12).sum())
            n += len(y)
        rows.append({"temperature": t, "ece": ece, "pooled_nll": round(nll / n, 4)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registry", type=Path, required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--data", action="append", required=True, help="a split; repeat")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument(
        "--temperatures", type=float, nargs="+", default=[1.2, 1.0, 0.9, 0.8, 0.7, 0.6]
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    model = Registry(args.registry).load(args.version)[0]
    context = DataContext(TOXICITY, args.data_dir)
    splits = {}
    for spec in args.data:
        examples = load_dataset(spec, context)
        proba = model.predict_proba([e.text for e in examples], [e.metadata for e in examples])
        y = np.array([TOXICITY.labels.index(e.label) for e in examples])
        splits[spec] = (proba, y)
    emit(
        {
            "what": "one temperature on every split: ECE per split, pooled NLL",
            "version": args.version,
            "posts": {spec: len(y) for spec, (_, y) in splits.items()},
            "cpu": platform.machine(),
            "cpu_flags": cpu_flags(),
            "rows": scan(splits, args.temperatures),
        },
        args.out,
    )


if __name__ == "__main__":
    main()
