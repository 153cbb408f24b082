"""Screen second text views and fusion settings for the misinformation stack (5-fold CV).

Issue 11 goal 4: which first-stage text features, beyond the word TF-IDF logit and the
neighbour votes, carry signal the fusion can use? Each outer fold (stratified, ``--seed``,
as ``vimod crossval``) runs the stack's own inner out-of-fold loop once with every
candidate column computed, then refits only the fusion on each variant's columns:

* ``char``: logit of a logistic regression on character 2–5-grams (``char_wb``);
* ``bare``: logit of one on word 1–2-grams of the accent-stripped text;
* ``nb``: logit of one on naive-Bayes log-count-ratio-scaled word features (NB-LR);
* ``c1``/``c16``: the word model at other regularisation strengths;
* ``svd``: 16 SVD components of the word TF-IDF.

The compound lexicon is learned once from all train+dev texts (vocabulary only, no
labels), as in ``bench/misinfo_cv_extras.py``. Confirm a winner with ``vimod crossval``.

    python bench/misinfo_cv_views.py --seed 42 --out bench/results/misinfo_cv_views_42.json
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

from scipy import sparse  # noqa: E402
from sklearn.decomposition import TruncatedSVD  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from bench._output import emit  # noqa: E402
from models import metadata as metadata_module  # noqa: E402
from models.baseline import BaselineClassifier  # noqa: E402
from models.lexicon import CompoundLexicon  # noqa: E402
from models.metadata import MetadataFusion, cross_fit  # noqa: E402
from models.nblr import nb_ratio  # noqa: E402
from models.neighbors import NeighbourVotes  # noqa: E402
from models.tasks import MISINFORMATION  # noqa: E402
from models.text import segment, strip_diacritics  # noqa: E402
from models.textstats import text_stats  # noqa: E402
from training.datasets import DataContext, load_dataset  # noqa: E402

TOKENS = r"(?u)[\w<>]+|[^\w\s]"
N_SVD = 16


def _word(texts: list[str]) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=(1, 2),
        token_pattern=TOKENS,
        min_df=2,
        max_features=300_000,
        sublinear_tf=True,
        lowercase=False,
    ).fit(texts)


def _char(texts: list[str]) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 5),
        min_df=2,
        max_features=300_000,
        sublinear_tf=True,
        lowercase=False,
    ).fit(texts)


def _lr(x: sparse.spmatrix, y: np.ndarray, c: float = 4.0) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(x, y)


def _logit(model: LogisticRegression, x: sparse.spmatrix) -> np.ndarray:
    return np.asarray(model.decision_function(x)).reshape(-1, 1)


# column groups (views), in the order _stage computes them
GROUPS = {"logit": 1, "knn": 3, "char": 1, "bare": 1, "nb": 1, "c1": 1, "c16": 1, "svd": N_SVD}
VIEWS = ("char", "bare", "nb", "c1", "c16", "svd")


def _stage(
    seg: list[str],
    bare: list[str],
    y: np.ndarray,
    seg_h: list[str],
    bare_h: list[str],
    views: tuple[str, ...],
) -> np.ndarray:
    """Fit the word stage and each of ``views`` on (seg, bare, y); held-out features."""
    word = _word(seg)
    x, xh = word.transform(seg), word.transform(seg_h)
    parts = [_logit(_lr(x, y), xh), NeighbourVotes(10, 2).fit(x, y).transform(xh)]
    for view in views:
        if view == "char":
            char = _char(seg)
            parts.append(_logit(_lr(char.transform(seg), y), char.transform(seg_h)))
        elif view == "bare":
            bw = _word(bare)
            parts.append(_logit(_lr(bw.transform(bare), y), bw.transform(bare_h)))
        elif view == "nb":
            r = nb_ratio(x, y)
            parts.append(_logit(_lr(x.multiply(r).tocsr(), y), xh.multiply(r).tocsr()))
        elif view in ("c1", "c16"):
            parts.append(_logit(_lr(x, y, float(view[1:])), xh))
        elif view == "svd":
            parts.append(TruncatedSVD(N_SVD, random_state=0).fit(x).transform(xh))
    return np.hstack(parts)


def _columns(views: tuple[str, ...]) -> dict[str, list[int]]:
    start, spans = 0, {}
    for name in ("logit", "knn", *views):
        spans[name] = list(range(start, start + GROUPS[name]))
        start += GROUPS[name]
    stats = list(range(start, start + 10))
    base = spans["logit"] + spans["knn"] + stats
    out = {"base": base}
    for name in views:
        out[f"+{name}"] = base + spans[name]
    pairs = [v for v in ("char", "bare", "nb") if v in views]
    if len(pairs) >= 2:
        out["+" + "+".join(pairs)] = base + [c for v in pairs for c in spans[v]]
    return out


FUSIONS: dict[str, dict[str, Any]] = {
    "hgb": {},
    "hgb600_lr02": {"max_iter": 600, "learning_rate": 0.02},
    "hgb_l2_5_leaf60": {"l2_regularization": 5.0, "min_samples_leaf": 60},
}


def run(data_dir: Path, seed: int, views: tuple[str, ...] = VIEWS) -> dict[str, Any]:
    context = DataContext(MISINFORMATION, data_dir)
    examples = [e for s in ("reintel:train", "reintel:dev") for e in load_dataset(s, context)]
    y = np.array([e.label == "UNRELIABLE" for e in examples], dtype=int)
    texts = [e.text for e in examples]
    meta = [e.metadata for e in examples]
    probe = BaselineClassifier(MISINFORMATION)
    norm = probe._normalize(texts)
    lexicon = CompoundLexicon.from_segmented(segment(t) for t in norm if t)
    seg = [lexicon.segment(t) for t in norm]
    bare = [strip_diacritics(t) for t in seg]
    stats = text_stats(texts, 20_000)
    cols = _columns(views)
    keys = [(c, f) for c in cols for f in FUSIONS]
    proba = {k: np.zeros(len(y)) for k in keys}
    text_only = {k: np.zeros(len(y)) for k in keys}
    started = time.perf_counter()
    outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    for n_fold, (tr, held) in enumerate(outer.split(np.zeros(len(y)), y)):
        ytr = y[tr]

        def inner(a: np.ndarray, b: np.ndarray, tr: np.ndarray = tr) -> np.ndarray:
            ia, ib = tr[a], tr[b]
            return _stage(
                [seg[i] for i in ia],
                [bare[i] for i in ia],
                y[ia],
                [seg[i] for i in ib],
                [bare[i] for i in ib],
                views,
            )

        oof = np.hstack([cross_fit(inner, ytr, folds=5, seed=0), stats[tr]])
        feats_h = np.hstack(
            [
                _stage(
                    [seg[i] for i in tr],
                    [bare[i] for i in tr],
                    ytr,
                    [seg[i] for i in held],
                    [bare[i] for i in held],
                    views,
                ),
                stats[held],
            ]
        )
        meta_tr, meta_h = [meta[i] for i in tr], [meta[i] for i in held]
        for name, fname in keys:
            c = cols[name]
            saved = dict(metadata_module.HGB_PARAMS)
            metadata_module.HGB_PARAMS.update(FUSIONS[fname])
            try:
                fusion = MetadataFusion(2).fit(oof[:, c], meta_tr, ytr)
            finally:
                metadata_module.HGB_PARAMS.clear()
                metadata_module.HGB_PARAMS.update(saved)
            proba[(name, fname)][held] = fusion.predict_proba(feats_h[:, c], meta_h)[:, 1]
            text_only[(name, fname)][held] = fusion.predict_proba(feats_h[:, c], None)[:, 1]
        sys.stderr.write(f"fold {n_fold + 1}/5 done, {time.perf_counter() - started:.0f} s\n")
    return {
        "seed": seed,
        "views": list(views),
        "posts": len(y),
        "roc_auc": {f"{c}|{f}": float(roc_auc_score(y, proba[(c, f)])) for c, f in keys},
        "roc_auc_text_only": {
            f"{c}|{f}": float(roc_auc_score(y, text_only[(c, f)])) for c, f in keys
        },
        "seconds": time.perf_counter() - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--views", default=",".join(VIEWS), help="comma-separated subset")
    args = parser.parse_args()
    result = run(args.data_dir, args.seed, tuple(v for v in args.views.split(",") if v))
    emit(result, args.out)


if __name__ == "__main__":
    main()
