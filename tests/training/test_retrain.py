"""Retraining rules: conflicts, trust, the holdout, the merge, and a run on seed data."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from models.registry import Registry
from training.datasets import Example
from training.feedback_plan import in_holdout, merge, plan_feedback, resolve_labels
from training.label_quality import LabelRecord, SubjectInfo, text_key
from training.recipe import FeedbackSettings, Recipe
from training.retrain import HOLDOUT_KEY, retrain, serving_version

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def rec(text: str, label: str, who: str, minutes: int = 0) -> LabelRecord:
    return LabelRecord(text, label, who, T0 + timedelta(minutes=minutes))


def _by_text(records: list[LabelRecord], subjects: list[SubjectInfo] | None = None):
    return {r.key: r for r in resolve_labels(records, subjects or [])}


def test_majority_of_distinct_subjects_wins_and_relabels_count_once() -> None:
    records = [
        rec("x", "HATE", "a", 0),
        rec("x", "HATE", "a", 1),  # the same subject again: still one vote
        rec("x", "CLEAN", "b", 2),
        rec("x", "CLEAN", "c", 3),
    ]
    out = _by_text(records)["x"]
    assert (out.label, out.rule, out.votes, out.trusted) == ("CLEAN", "majority", 2, True)


def test_a_subjects_latest_label_is_its_vote() -> None:
    out = _by_text([rec("x", "HATE", "a", 0), rec("x", "CLEAN", "a", 5)])["x"]
    assert (out.label, out.rule, out.trusted) == ("CLEAN", "single", False)


def test_ties_go_to_the_trusted_subjects_recent_label_else_the_most_recent() -> None:
    records = [rec("x", "HATE", "boss", 0), rec("x", "CLEAN", "b", 5)]
    trusted = [SubjectInfo("boss", "boss", trusted=True)]
    out = _by_text(records, trusted)["x"]
    assert (out.label, out.rule, out.trusted) == ("HATE", "trusted-recent", True)
    out = _by_text(records)["x"]
    assert (out.label, out.rule, out.trusted) == ("CLEAN", "recent", False)


def test_texts_are_grouped_by_normalised_text() -> None:
    out = resolve_labels([rec("Hoà  bình", "CLEAN", "a"), rec("hòa bình", "CLEAN", "b", 1)], [])
    assert len(out) == 1 and out[0].rule == "unanimous" and out[0].trusted


def test_holdout_is_stable_and_near_its_share() -> None:
    keys = [f"post {i}" for i in range(5000)]
    chosen = [k for k in keys if in_holdout(k, 0.2)]
    assert chosen == [k for k in keys if in_holdout(k, 0.2)]
    assert 0.17 < len(chosen) / len(keys) < 0.23
    assert set(chosen) <= {k for k in keys if in_holdout(k, 0.5)}


def test_plan_holds_out_trusted_texts_only_and_drops_evaluation_texts() -> None:
    records = []
    for i in range(400):
        records.append(rec(f"both {i}", "HATE", "a", i))
        records.append(rec(f"both {i}", "HATE", "b", i))
        records.append(rec(f"one {i}", "CLEAN", "a", i))
    records.append(rec("in test", "HATE", "a"))
    excluded = [r.subject_id == "b" and r.text == "both 0" for r in records]
    plan = plan_feedback(records, excluded, [], FeedbackSettings(), {text_key("In test")})
    facts = plan.facts
    assert facts["excluded_records"] == {"b": 1}
    assert facts["dropped_in_evaluation_splits"] == 1
    assert facts["trusted_texts"] == 399  # "both 0" lost b's confirmation
    assert all(e.text.startswith("both") for e in plan.holdout)
    assert 40 < facts["holdout"] < 120
    assert facts["train"] + facts["holdout"] + 1 == facts["texts"] == 801


def test_merge_replaces_dataset_rows_with_feedback_and_removes_holdout_texts() -> None:
    base = [Example("a", "CLEAN", "d"), Example("A ", "CLEAN", "d"), Example("b", "HATE", "d")]
    base.append(Example("c", "HATE", "d"))
    plan = plan_feedback(
        [rec("a", "HATE", "x"), rec("b", "HATE", "x"), rec("new", "CLEAN", "x")],
        [False] * 3,
        [],
        FeedbackSettings(holdout_share=0.0),
        set(),
    )
    plan.holdout.append(Example("c", "HATE", "feedback"))
    rows, facts = merge(base, plan)
    assert sorted((e.text, e.label, e.source) for e in rows) == [
        ("a", "HATE", "feedback"),
        ("b", "HATE", "feedback"),
        ("new", "CLEAN", "feedback"),
    ]
    assert facts == {"base_replaced": 4, "base_relabelled": 2}


def test_serving_version_follows_the_activation_history() -> None:
    history = [
        {"at": (T0 + timedelta(hours=1)).isoformat(), "version": "v2", "previous": "v1"},
        {"at": (T0 + timedelta(hours=3)).isoformat(), "version": "v3", "previous": "v2"},
    ]
    assert serving_version(history, T0) == "v1"
    assert serving_version(history, T0 + timedelta(hours=2)) == "v2"
    assert serving_version(history, T0 + timedelta(hours=4)) == "v3"
    assert serving_version([], T0) is None


def test_retrain_on_seed_records_the_facts(registry: Registry, tmp_path: Path) -> None:
    data = tmp_path / "train.csv"
    rows = [("hay quá", "CLEAN"), ("đồ ngu", "OFFENSIVE"), ("bắc kỳ chó", "HATE")]
    with open(data, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(
            [("text", "label"), *[(f"{t} {i}", y) for i in range(8) for t, y in rows]]
        )
    recipe = Recipe(
        task="toxicity",
        datasets=[f"csv:{data}"],
        benchmark=["seed:toxicity"],
        config={"min_df": 1},
        feedback=FeedbackSettings(holdout_share=0.5),
    )
    records = [rec(f"trusted {i}", "HATE", who, i) for i in range(20) for who in ("a", "b")]
    records += [
        rec("hay quá 1", "OFFENSIVE", "a"),
        rec("Đi đường không nhìn à, mù hả", "HATE", "a"),
    ]
    result = retrain(recipe, records, [], registry, tmp_path, show=False)
    manifest = registry.manifest(result.manifest.version)
    facts = manifest.training["feedback"]
    assert facts["records"] == 42 and facts["texts"] == 22
    assert facts["dropped_in_evaluation_splits"] == 1  # a seed:toxicity post
    assert facts["base_relabelled"] == 1
    assert facts["holdout"] > 0 and HOLDOUT_KEY in manifest.metrics
    assert "seed:toxicity" in manifest.metrics
    assert manifest.training["recipe"]["benchmark"] == ["seed:toxicity"]
    assert facts["active_version"] == registry.active_version("toxicity")
    assert facts["rescored_by"] == {facts["active_version"]: 42}
    assert {q["name"] for q in manifest.training["label_quality"]} == {"a", "b"}
    assert manifest.training["datasets"] == [f"csv:{data}", "feedback"]
