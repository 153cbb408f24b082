"""How a misinformation version's scores depend on length: news articles vs social posts.

On ReINTEL test (``../shared/data/reintel``), for one registered version:

* ROC-AUC, mean P(UNRELIABLE) and flag rate per length bin (characters of the post);
* padding: each post with 2, 5 and 10 neutral sentences appended
  (``bench/data/neutral_sentences.txt``, written by the team: village life, no claim);
  each post repeated twice; each post truncated to its first 200 / 500 characters. For each
  change: the mean score shift, and the share of RELIABLE / UNRELIABLE posts whose flag
  flips at the version's stored threshold. Scored text only (no metadata), since padding
  changes the text, not the engagement.

    VIMOD_REGISTRY_DIR=/tmp/reg python bench/misinfo_length.py VERSION \\
        --out bench/results/misinfo_length.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sklearn.metrics import roc_auc_score  # noqa: E402

from bench.bench_trust import cpu_flags  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.tasks import MISINFORMATION  # noqa: E402
from training.datasets import DataContext, load_dataset  # noqa: E402

NEUTRAL = ROOT / "bench" / "data" / "neutral_sentences.txt"
BINS = (0, 200, 500, 1000, 2000, 10**9)


def _pad(text: str, sentences: list[str], k: int) -> str:
    return " ".join([text, *(sentences[i % len(sentences)] for i in range(k))])


def _shift(base: np.ndarray, new: np.ndarray, y: np.ndarray, threshold: float) -> dict[str, float]:
    flag, flag_new = base >= threshold, new >= threshold
    return {
        "mean_shift": float(np.mean(new - base)),
        "mean_abs_shift": float(np.mean(np.abs(new - base))),
        "reliable_newly_flagged": float(np.mean(~flag[y == 0] & flag_new[y == 0])),
        "unreliable_newly_missed": float(np.mean(flag[y == 1] & ~flag_new[y == 1])),
        "auc": float(roc_auc_score(y, new)),
    }


def run(registry: Registry, version: str, data_dir: Path) -> dict[str, Any]:
    model, manifest = registry.load(version)
    threshold = manifest.thresholds.get("UNRELIABLE", 0.5)
    examples = load_dataset("reintel:test", DataContext(MISINFORMATION, data_dir))
    texts = [e.text for e in examples]
    y = np.array([e.label == "UNRELIABLE" for e in examples], dtype=int)
    meta = [e.metadata for e in examples]
    score = model.predict_proba(texts, meta)[:, 1]
    text_only = model.predict_proba(texts)[:, 1]
    lengths = np.array([len(t) for t in texts])
    bins = []
    for lo, hi in itertools.pairwise(BINS):
        rows = (lengths >= lo) & (lengths < hi)
        both = len(set(y[rows].tolist())) == 2
        bins.append(
            {
                "chars": f"{lo}-{hi if hi < 10**9 else ''}",
                "posts": int(rows.sum()),
                "unreliable_share": float(y[rows].mean()) if rows.any() else None,
                "auc": float(roc_auc_score(y[rows], score[rows])) if both else None,
                "auc_text_only": float(roc_auc_score(y[rows], text_only[rows])) if both else None,
                "mean_score": float(score[rows].mean()) if rows.any() else None,
                "flagged": float((score[rows] >= threshold).mean()) if rows.any() else None,
            }
        )
    sentences = [s for s in NEUTRAL.read_text("utf-8").splitlines() if s.strip()]
    changes = {
        **{f"pad_{k}": [_pad(t, sentences, k) for t in texts] for k in (2, 5, 10)},
        "repeat_2": [f"{t} {t}" for t in texts],
        "truncate_200": [t[:200] for t in texts],
        "truncate_500": [t[:500] for t in texts],
    }
    edits = {
        name: _shift(text_only, model.predict_proba(new)[:, 1], y, threshold)
        for name, new in changes.items()
    }
    corr = float(np.corrcoef(np.log1p(lengths), text_only)[0, 1])
    return {
        "version": version,
        "threshold": threshold,
        "auc": float(roc_auc_score(y, score)),
        "auc_text_only": float(roc_auc_score(y, text_only)),
        "corr_log_length_score_text_only": corr,
        "by_length": bins,
        "edits_text_only": edits,
        "cpu_flags": cpu_flags(),
        "machine": platform.machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version")
    parser.add_argument("--registry", type=Path, default=None)
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    from service.config import Settings

    root = args.registry or Settings().registry_dir
    result = run(Registry(root), args.version, args.data_dir)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
