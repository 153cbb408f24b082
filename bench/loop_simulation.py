"""The moderation loop, simulated on real data with the ``simulation`` recipe.

The recipe's datasets are split by a hash of the normalised text: v1 trains on
``base_share`` of them; the rest is written to the feedback store by two moderators
(``double_review`` of the posts by both; the second replaces ``mislabel_rate`` of her
labels by a random other one) and ``vimod retrain``'s function makes v2; a third subject
then writes ``poison_flips`` HATE↔CLEAN flips of base posts nobody else labelled and the
retrain makes v3 (and, with ``--unfiltered``, v3 with the flagged labels kept, to measure
what leaving them out is worth). Labels are written with ``service.store.record_feedback``
(what ``POST /v1/feedback`` calls) and read back as ``vimod retrain`` reads them.

    python bench/loop_simulation.py --out bench/results/loop_simulation.json --unfiltered

Writes one JSON summary: every version's benchmark and holdout metrics, conflicts, holdout
size, left-out labels and the per-subject quality table.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cli.retrain_cmd import read_labels  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.tasks import get_task  # noqa: E402
from service.config import Settings  # noqa: E402
from service.db import make_engine, session_factory, upgrade_database  # noqa: E402
from service.identity import Principal, Role, get_or_create_subject  # noqa: E402
from service.store import record_feedback  # noqa: E402
from service.tables import DEFAULT_TENANT  # noqa: E402
from training.datasets import DataContext, Example, load_dataset  # noqa: E402
from training.gate import gate, load_evaluations  # noqa: E402
from training.label_quality import text_key  # noqa: E402
from training.recipe import Recipe, load_recipe  # noqa: E402
from training.retrain import HOLDOUT_KEY, RetrainResult, retrain  # noqa: E402

FLIP = {"HATE": "CLEAN", "CLEAN": "HATE"}


def in_base(example: Example, share: float) -> bool:
    digest = hashlib.sha256(f"vimod-simulation\x00{text_key(example.text)}".encode()).hexdigest()
    return int(digest[:8], 16) < share * 16**8


def _principal(session: Any, name: str) -> Principal:
    subject = get_or_create_subject(session=session, tenant_id=DEFAULT_TENANT, name=name)
    session.commit()
    return Principal(
        key_id=f"sim-{name}"[:32],
        tenant_id=DEFAULT_TENANT,
        subject_id=subject.id,
        subject_name=name,
        role=Role.moderator,
    )


def _post(session: Any, who: Principal, task: str, labels: list[tuple[str, str]]) -> None:
    for text, label in labels:
        record_feedback(session=session, author=who, task=task, label=label, text=text)


def _summary(result: RetrainResult) -> dict[str, Any]:
    keep = ("n", "macro_f1", "accuracy", "roc_auc", "pr_auc")
    facts = dict(result.facts)
    return {
        "version": result.manifest.version,
        "metrics": {spec: {k: m[k] for k in keep if k in m} for spec, m in result.metrics.items()},
        "per_label_f1": {
            spec: {lab: v.get("f1") for lab, v in m.get("per_label", {}).items()}
            for spec, m in result.metrics.items()
            if spec != HOLDOUT_KEY
        },
        "feedback": facts,
        "flagged": sorted(q.name for q in result.quality.values() if q.flagged),
        "quality": [
            {k: v for k, v in q.as_dict().items() if k != "weeks"} for q in result.quality.values()
        ],
    }


def _gated(
    registry: Registry,
    candidate: RetrainResult,
    against: str,
    evaluations: list[tuple[str, list[Example]]],
) -> dict[str, Any]:
    """The promotion gate of ``candidate`` against ``against``: every metric with intervals.

    The gate runs with the default tolerance on the recipe's benchmark and on the
    candidate's feedback holdout, exactly as ``vimod retrain --promote`` would.
    """
    sets = [*evaluations, *([(HOLDOUT_KEY, candidate.holdout)] if candidate.holdout else [])]
    result = gate(registry, candidate.manifest.version, evaluations=sets, against=against)

    def interval(i: Any) -> list[float | None]:
        return [round(i.value, 4), *(None if x is None else round(x, 4) for x in (i.low, i.high))]

    return {
        "against": against,
        "passed": result.passed,
        "metrics": [
            {
                "evaluation": m.evaluation,
                "metric": m.metric,
                "active": interval(m.active),
                "candidate": interval(m.candidate),
                "difference": interval(m.diff),
                "tolerance": m.tolerance,
                "passed": m.passed,
            }
            for m in result.metrics
        ],
        "failing": [f"{m.evaluation} {m.metric}" for m in result.failing],
    }


def run(recipe: Recipe, data_dir: Path, work: Path, *, unfiltered: bool = False) -> dict[str, Any]:
    """Run the whole simulation in ``work`` (registry, store, base CSV); return the summary."""
    sim = recipe.simulation
    if sim is None:
        raise SystemExit("the recipe has no [simulation] table")
    started = time.perf_counter()
    task = get_task(recipe.task)
    rng = random.Random(sim.seed)
    examples = [e for s in recipe.datasets for e in load_dataset(s, DataContext(task, data_dir))]
    base = [e for e in examples if in_base(e, sim.base_share)]
    base_keys = {text_key(e.text) for e in base}
    posts = [e for e in examples if text_key(e.text) not in base_keys]
    base_csv = work / "base.csv"
    with open(base_csv, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "label"])
        writer.writerows((e.text, e.label) for e in base)
    base_recipe = recipe.model_copy(update={"datasets": [f"csv:{base_csv}"]})
    cfg = Settings(
        database_url=f"sqlite:///{work / 'store.db'}",
        registry_dir=work / "registry",
        data_dir=data_dir,
    )
    registry = Registry(cfg.registry_dir)
    out: dict[str, Any] = {
        "recipe": recipe.model_dump(mode="json"),
        "examples": len(examples),
        "base": len(base),
        "posted": len(posts),
    }
    v1 = retrain(base_recipe, [], [], registry, data_dir)
    registry.activate(v1.manifest.version)
    out["v1"] = _summary(v1)

    upgrade_database(cfg.database_url)
    engine = make_engine(cfg.database_url)
    with session_factory(engine)() as session:
        lan, minh, mallory = (_principal(session, n) for n in ("lan", "minh", "mallory"))
        by: dict[str, list[tuple[str, str]]] = {"lan": [], "minh": []}
        double = mislabelled = 0
        for i, example in enumerate(posts):
            both = rng.random() < sim.double_review
            double += both
            for who in ("lan", "minh") if both else (("lan", "minh")[i % 2],):
                label = example.label
                if who == "minh" and rng.random() < sim.mislabel_rate:
                    label = rng.choice([x for x in task.labels if x != label])
                    mislabelled += 1
                by[who].append((example.text, label))
        _post(session, lan, task.name, by["lan"])
        _post(session, minh, task.name, by["minh"])
        out["double_reviewed"], out["mislabelled"] = double, mislabelled
        v2 = retrain(base_recipe, *read_labels(cfg, task.name), registry, data_dir)
        benchmark = load_evaluations(recipe.benchmark, DataContext(task, data_dir))
        out["v2"] = _summary(v2)
        out["v2"]["gate"] = _gated(registry, v2, v1.manifest.version, benchmark)
        registry.activate(v2.manifest.version)  # promoted whatever the gate says: v3 is the test

        half = sim.poison_flips // 2
        targets = [
            *rng.sample([e for e in base if e.label == "HATE"], half),
            *rng.sample([e for e in base if e.label == "CLEAN"], sim.poison_flips - half),
        ]
        _post(session, mallory, task.name, [(e.text, FLIP[e.label]) for e in targets])
    engine.dispose()
    records, subjects = read_labels(cfg, task.name)
    v3 = retrain(base_recipe, records, subjects, registry, data_dir)
    out["v3"] = _summary(v3)
    out["v3"]["gate"] = _gated(registry, v3, v2.manifest.version, benchmark)
    if unfiltered:
        kept = base_recipe.feedback.model_copy(update={"leave_out_flagged": False})
        report_only = base_recipe.model_copy(update={"feedback": kept})
        forced = retrain(report_only, records, subjects, registry, data_dir)
        out["v3_unfiltered"] = _summary(forced)
        out["v3_unfiltered"]["gate"] = _gated(registry, forced, v2.manifest.version, benchmark)
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def headline(summary: dict[str, Any]) -> str:
    """One line per version: benchmark and holdout macro-F1, conflicts, who was left out."""
    lines = []
    for name in ("v1", "v2", "v3", "v3_unfiltered"):
        if name not in summary:
            continue
        s = summary[name]
        scores = ", ".join(f"{k} {m['macro_f1']:.4f}" for k, m in s["metrics"].items())
        facts = s["feedback"]
        gated = s.get("gate")
        verdict = (
            ""
            if gated is None
            else (
                f"; gate vs {gated['against']}: "
                + ("passed" if gated["passed"] else "refused: " + ", ".join(gated["failing"]))
            )
        )
        lines.append(
            f"{name} {s['version']}: macro-F1 {scores}; conflicts {facts['conflicts']}, "
            f"holdout {facts['holdout']}, flagged {s['flagged']}, "
            f"left out {facts['excluded_records']}{verdict}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipe", default="simulation")
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--work-dir", type=Path, help="Keep the registry and store here.")
    parser.add_argument("--out", type=Path, help="Write the JSON summary here.")
    parser.add_argument("--unfiltered", action="store_true", help="Also train v3 unfiltered.")
    args = parser.parse_args()
    recipe = load_recipe(args.recipe)
    with tempfile.TemporaryDirectory(prefix="vimod-loop-") as tmp:
        work = args.work_dir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        summary = run(recipe, args.data_dir, work, unfiltered=args.unfiltered)
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", "utf-8")
    print(headline(summary))


if __name__ == "__main__":
    main()
