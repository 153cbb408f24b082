"""Screen stacking extras for the misinformation baseline by 5-fold CV on train+dev.

``vimod crossval`` refits the whole model per variant. The extras (``text_stats``,
``markers``, fusion settings) change only the second stage, so this harness fits the first
stage once per outer fold (with every extra column computed) and refits only the fusion
on each variant's columns. Same folds and protocol as ``vimod crossval`` (stratified,
``--seed``), with one simplification: the compound lexicon is learned once from all
train+dev texts (compound vocabulary only, no labels), which is what made the screening
harness of docs/misinformation.md 0.001 off ``vimod crossval``. Confirm the chosen variant
with ``vimod crossval``.

    python bench/misinfo_cv_extras.py --seed 42 --out bench/results/misinfo_cv_extras_42.json
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from bench._output import emit  # noqa: E402
from bench.bench_trust import cpu_flags  # noqa: E402
from models import baseline as baseline_module  # noqa: E402
from models.baseline import BaselineClassifier  # noqa: E402
from models.lexicon import CompoundLexicon  # noqa: E402
from models.markers import marker_patterns  # noqa: E402
from models.metadata import MetadataFusion  # noqa: E402
from models.tasks import MISINFORMATION  # noqa: E402
from models.text import segment  # noqa: E402
from models.textstats import STAT_COLUMNS  # noqa: E402
from training.datasets import DataContext, load_dataset  # noqa: E402

BASE = 4  # logit + neighbour features (max sim per class, UNRELIABLE vote share)
N_STATS = len(STAT_COLUMNS)


def _variants() -> dict[str, list[int]]:
    stats = list(range(BASE, BASE + N_STATS))
    markers = list(range(BASE + N_STATS, BASE + N_STATS + len(marker_patterns())))
    base = list(range(BASE))
    no_len = [c for c in stats if c != BASE + STAT_COLUMNS.index("log_chars")]
    return {
        "base": base,
        "stats": base + stats,
        "stats_no_length": base + no_len,
        "markers": base + markers,
        "stats_markers": base + stats + markers,
    }


def run(data_dir: Path, seed: int, extra_specs: list[str]) -> dict[str, Any]:
    context = DataContext(MISINFORMATION, data_dir)
    examples = [e for s in ("reintel:train", "reintel:dev") for e in load_dataset(s, context)]
    extra = [e for s in extra_specs for e in load_dataset(s, context)]
    y = np.array([e.label == "UNRELIABLE" for e in examples], dtype=int)
    probe = BaselineClassifier(MISINFORMATION, {"text_stats": True, "markers": True})
    norm_all = probe._normalize([e.text for e in [*examples, *extra]])
    lexicon = CompoundLexicon.from_segmented(segment(t) for t in norm_all if t)
    baseline_module.BaselineClassifier._learn_lexicon = lambda self, norm: lexicon  # type: ignore[method-assign]
    captured: dict[str, Any] = {}
    original_fit = MetadataFusion.fit

    def capture(self: MetadataFusion, feats: np.ndarray, meta: Any, yy: np.ndarray) -> Any:
        captured.update(feats=feats, meta=meta, y=yy)
        return original_fit(self, feats, meta, yy)

    MetadataFusion.fit = capture  # type: ignore[method-assign,assignment]
    variants = _variants()
    proba = {name: np.zeros(len(y)) for name in variants}
    text_only = {name: np.zeros(len(y)) for name in variants}
    splitter = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    started = time.perf_counter()
    for train_idx, held_idx in splitter.split(np.zeros(len(y)), y):
        train = [*(examples[i] for i in train_idx), *extra]
        held = [examples[i] for i in held_idx]
        model = BaselineClassifier(MISINFORMATION, {"text_stats": True, "markers": True})
        model.fit([e.text for e in train], [e.label for e in train], [e.metadata for e in train])
        texts = [e.text for e in held]
        x = model._transform(model._prepare(texts))
        stack = model._with_extras(model._stack_features(x, model._model, model._neighbours), texts)
        meta = [e.metadata for e in held]
        for name, cols in variants.items():
            fusion = original_fit(
                MetadataFusion(2), captured["feats"][:, cols], captured["meta"], captured["y"]
            )
            proba[name][held_idx] = fusion.predict_proba(stack[:, cols], meta)[:, 1]
            text_only[name][held_idx] = fusion.predict_proba(stack[:, cols], None)[:, 1]
    return {
        "seed": seed,
        "extra": extra_specs,
        "posts": len(y),
        "roc_auc": {n: float(roc_auc_score(y, p)) for n, p in proba.items()},
        "roc_auc_text_only": {n: float(roc_auc_score(y, p)) for n, p in text_only.items()},
        "seconds": time.perf_counter() - started,
        "cpu_flags": cpu_flags(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--extra", action="append", default=[], help="train-only dataset spec")
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    result = run(args.data_dir, args.seed, args.extra)
    emit(result, args.out)


if __name__ == "__main__":
    main()
