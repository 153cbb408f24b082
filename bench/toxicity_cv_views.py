"""Screen second text views for the toxicity baseline (3-fold CV on ViHSD train+dev).

Issue 11 goals 1–2: does a cheap second view, averaged with the baseline's probabilities,
lift ViHSD macro-F1? Each fold (stratified, ``--seed``, as ``vimod crossval``) fits the
baseline's own features and logistic regression (``BaselineClassifier``'s code, default
toxicity config), then each variant on the same features:

* ``nb``: NB-LR, one-vs-rest logistic regressions on naive-Bayes log-count-ratio-scaled
  features (``models.nblr``, what ``nb_view`` serves), normalised, averaged with the baseline's probabilities;
* ``sgd``: an SGD ``modified_huber`` linear model (SVM-like margins with probabilities),
  averaged in the same way;
* ``w13``: the baseline refitted with word 1–3-grams (its own features; no averaging).

Labels are the argmax (no ``offset_folds``, no ``augment_plain``: each would multiply the
fits, which the shared cores could not afford). A variant is kept only if every fold gains
and the mean gain is at least ``MIN_GAIN`` (``bench._views.paired``).

    python bench/toxicity_cv_views.py --seed 42 --out bench/results/toxicity_cv_views_42.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scipy import sparse  # noqa: E402
from sklearn.linear_model import LogisticRegression, SGDClassifier  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from bench._output import emit  # noqa: E402
from bench._views import paired  # noqa: E402
from models.baseline import BaselineClassifier  # noqa: E402
from models.nblr import fit_nblr, nblr_proba  # noqa: E402
from models.tasks import TOXICITY  # noqa: E402
from training.datasets.base import DataContext, load_dataset  # noqa: E402

MIN_GAIN = 0.005
VARIANTS = ("nb", "sgd", "w13")
SHARED = ("nb", "sgd")  # variants reusing the baseline's features


def _features(
    overrides: dict[str, Any], train: Sequence[str], held: Sequence[str]
) -> tuple[BaselineClassifier, sparse.csr_matrix, sparse.csr_matrix]:
    """The baseline's feature union (its own normalisation) fitted on ``train``."""
    clf = BaselineClassifier(TOXICITY, overrides)
    union = clf._build_features()
    return clf, union.fit_transform(clf._prepare(train)), union.transform(clf._prepare(held))


def _lr(clf: BaselineClassifier, x: sparse.spmatrix, y: np.ndarray) -> LogisticRegression:
    cfg = clf.params
    return LogisticRegression(C=cfg.C, class_weight=cfg.class_weight, max_iter=2000).fit(x, y)


def sgd_proba(x: sparse.spmatrix, y: np.ndarray, xh: sparse.spmatrix) -> np.ndarray:
    """Probabilities of a ``modified_huber`` SGD model (one-vs-rest, normalised by sklearn)."""
    model = SGDClassifier(
        loss="modified_huber", alpha=2e-5, class_weight="balanced", max_iter=30, tol=None
    )
    return model.set_params(random_state=0).fit(x, y).predict_proba(xh)


def macro_f1(y: np.ndarray, proba: np.ndarray) -> float:
    return float(f1_score(y, proba.argmax(axis=1), average="macro"))


def _fold(
    texts: list[str], y: np.ndarray, tr: np.ndarray, held: np.ndarray, variants: Sequence[str]
) -> dict[str, float]:
    train, test = [texts[i] for i in tr], [texts[i] for i in held]
    ytr, yh = y[tr], y[held]
    scores: dict[str, float] = {}
    if any(v in SHARED for v in variants) or "base" in variants:
        clf, x, xh = _features({}, train, test)
        base = _lr(clf, x, ytr).predict_proba(xh)
        scores["base"] = macro_f1(yh, base)
        if "nb" in variants:
            nb = fit_nblr(x, ytr, base.shape[1], C=clf.params.C, class_weight="balanced")
            scores["nb"] = macro_f1(yh, (base + nblr_proba(nb, xh)) / 2)
        if "sgd" in variants:
            scores["sgd"] = macro_f1(yh, (base + sgd_proba(x, ytr, xh)) / 2)
    if "w13" in variants:
        clf, x, xh = _features({"word_ngrams": [1, 3]}, train, test)
        scores["w13"] = macro_f1(yh, _lr(clf, x, ytr).predict_proba(xh))
    return scores


def run(data_dir: Path, seed: int, folds: int, variants: Sequence[str]) -> dict[str, Any]:
    context = DataContext(TOXICITY, data_dir)
    examples = [e for s in ("vihsd:train", "vihsd:dev") for e in load_dataset(s, context)]
    index = {lab: i for i, lab in enumerate(TOXICITY.labels)}
    y = np.array([index[e.label] for e in examples])
    texts = [e.text for e in examples]
    per_fold: list[dict[str, float]] = []
    started = time.perf_counter()
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for n, (tr, held) in enumerate(splitter.split(np.zeros(len(y)), y)):
        per_fold.append(_fold(texts, y, tr, held, variants))
        sys.stderr.write(
            f"fold {n + 1}/{folds}: {per_fold[-1]}, {time.perf_counter() - started:.0f} s\n"
        )
    return {
        "seed": seed,
        "folds": folds,
        "posts": len(y),
        "per_fold": per_fold,
        "seconds": time.perf_counter() - started,
    }


def summarise(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Merge runs of the same seed and folds (e.g. variants run in parallel) and compare
    every variant with ``base``, fold by fold."""
    first = results[0]
    if any((r["seed"], r["folds"]) != (first["seed"], first["folds"]) for r in results):
        raise ValueError("runs of different seeds or fold counts cannot be paired")
    per_fold = [
        {k: v for r in results for k, v in r["per_fold"][i].items()} for i in range(first["folds"])
    ]
    base = [f["base"] for f in per_fold]
    names = [k for k in per_fold[0] if k != "base"]
    return {
        "seed": first["seed"],
        "folds": first["folds"],
        "posts": first["posts"],
        "min_gain": MIN_GAIN,
        "per_fold": per_fold,
        "base": paired(base, base, MIN_GAIN) | {"gain": 0.0, "kept": False},
        "variants": {k: paired(base, [f[k] for f in per_fold], MIN_GAIN) for k in names},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--variants", default=",".join(("base", *VARIANTS)))
    parser.add_argument(
        "--merge",
        type=Path,
        nargs="+",
        default=None,
        help="summarise earlier runs' JSON instead of running",
    )
    args = parser.parse_args()
    if args.merge:
        result = summarise([json.loads(p.read_text(encoding="utf-8")) for p in args.merge])
    else:
        variants = tuple(v for v in args.variants.split(",") if v)
        result = run(args.data_dir, args.seed, args.folds, variants)
    emit(result, args.out)


if __name__ == "__main__":
    main()
