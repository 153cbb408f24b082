"""How large the review queue grows per 1,000 stored everyday comments.

Scores ViHSD's test comments (``../shared/data/vihsd/test.csv``) with the embedded default
toxicity model (the seed baseline ``vimod serve`` builds when a task has none), stores them
through ``service.review.queue.store_for_review`` (what ``POST /v1/classify`` with
``"store": true`` calls) into a temporary SQLite store at the default settings, and counts the
queued items and slots. A sweep over margins (same triage function, no store) shows what the
setting is worth. Only counts are written; no comment leaves the data folder.

    python bench/review_queue.py --out bench/results/review_queue.json
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from models.base import to_predictions  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.scorer import load_active_models  # noqa: E402
from models.tasks import TOXICITY  # noqa: E402
from service.config import Settings  # noqa: E402
from service.db import make_engine, session_factory, upgrade_database  # noqa: E402
from service.review.priority import triage  # noqa: E402
from service.review.queue import store_for_review  # noqa: E402
from service.review.tables import ReviewItem, ReviewSlot  # noqa: E402
from service.tables import DEFAULT_TENANT  # noqa: E402
from training.bootstrap import ensure_default_models  # noqa: E402

LABELS = ("CLEAN", "OFFENSIVE", "HATE")
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
CHUNK = 500


def _comments(data_dir: Path) -> list[tuple[str, str]]:
    with open(data_dir / "vihsd" / "test.csv", encoding="utf-8") as fh:
        return [
            (row["free_text"], LABELS[int(row["label_id"])])
            for row in csv.DictReader(fh)
            if row["free_text"].strip()
        ]


def _per_1000(count: int, total: int) -> float:
    return round(1000 * count / total, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/review_queue.json")
    args = parser.parse_args()
    settings = Settings(data_dir=args.data_dir)
    comments = _comments(args.data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        registry = Registry(Path(tmp) / "registry")
        ensure_default_models(registry, ["toxicity"], args.data_dir)
        model = load_active_models(registry, ["toxicity"])["toxicity"]
        started = time.perf_counter()
        proba = model.classifier.predict_proba([t for t, _ in comments], None)
        scored_s = time.perf_counter() - started
        own = {"toxicity": model.thresholds()}
        predictions = to_predictions(TOXICITY, proba, own["toxicity"])
        categories = [
            {
                "toxicity": {
                    "label": p.label,
                    "scores": p.scores,
                    "flagged": p.flagged,
                    "model": model.manifest.kind,
                    "model_version": model.version,
                }
            }
            for p in predictions
        ]
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        engine = make_engine(url)
        upgrade_database(url, engine)
        sessions = session_factory(engine)
        started = time.perf_counter()
        for start in range(0, len(comments), CHUNK):
            items = [
                (str(uuid.uuid4()), text, cats)
                for (text, _), cats in zip(
                    comments[start : start + CHUNK], categories[start : start + CHUNK], strict=True
                )
            ]
            with sessions() as session:
                store_for_review(
                    session=session,
                    settings=settings,
                    tenant_id=DEFAULT_TENANT,
                    items=items,
                    thresholds=own,
                )
        stored_s = time.perf_counter() - started
        with sessions() as session:
            reasons = Counter(session.scalars(select(ReviewItem.reason)).all())
            slots = len(session.scalars(select(ReviewSlot.id)).all())
        engine.dispose()

    n = len(comments)
    queued = sum(reasons.values())
    sweep = {}
    for margin in MARGINS:
        verdicts = [triage(c, own, margin) for c in categories]
        by_gold: Counter[str] = Counter(
            gold for (_, gold), v in zip(comments, verdicts, strict=True) if v.reason
        )
        sweep[str(margin)] = {
            "queued_per_1000": _per_1000(sum(1 for v in verdicts if v.reason), n),
            "flagged_per_1000": _per_1000(sum(1 for v in verdicts if v.flagged), n),
            "uncertain_only_per_1000": _per_1000(
                sum(1 for v in verdicts if v.reason == "uncertain"), n
            ),
            "queued_by_true_label_per_1000": {k: _per_1000(by_gold[k], n) for k in LABELS},
        }
    result: dict[str, Any] = {
        "dataset": "vihsd test.csv",
        "comments": n,
        "true_label_share": {
            k: round(v / n, 4) for k, v in Counter(g for _, g in comments).items()
        },
        "model": {"kind": model.manifest.kind, "version": model.version, "thresholds": own},
        "default_margin": settings.review_margin,
        "double_review_share": settings.review_double_share,
        "stored_through_service": {
            "queued_items": queued,
            "queued_per_1000": _per_1000(queued, n),
            "by_reason_per_1000": {k: _per_1000(v, n) for k, v in sorted(reasons.items())},
            "slots_per_1000": _per_1000(slots, n),
            "store_seconds": round(stored_s, 2),
        },
        "margin_sweep": sweep,
        "score_seconds": round(scored_s, 2),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result["stored_through_service"], indent=2))


if __name__ == "__main__":
    main()
