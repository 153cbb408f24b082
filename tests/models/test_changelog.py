"""The integrators' changelog: what every activation and rollback writes, and how it is read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from models.changelog import CHANGES, metrics_delta, read_changes, record_change
from models.registry import Registry
from tests.deploy.harness import clone_active_version


def test_delta_is_new_minus_old_on_the_sets_both_were_measured_on() -> None:
    new = {"vihsd:test": {"n": 900, "macro_f1": 0.61, "ece": 0.05}, "only-new": {"macro_f1": 1}}
    old = {"vihsd:test": {"n": 1000, "macro_f1": 0.58, "accuracy": 0.8}, "dev": {"macro_f1": 0.5}}

    assert metrics_delta(new, old) == {"vihsd:test": {"macro_f1": 0.03}}
    assert metrics_delta({}, old) == {}


def test_activation_and_rollback_are_logged_with_who_why_and_delta(
    registry: Registry, registry_dir: Path
) -> None:
    seed = registry.active_version("toxicity")
    assert seed is not None
    new = clone_active_version(registry_dir, "toxicity", "d4d4")
    registry.update_metrics(seed, "vihsd:test", {"macro_f1": 0.5, "n": 10})
    registry.update_metrics(new, "vihsd:test", {"macro_f1": 0.75, "n": 10})

    registry.activate(new, forced=True, reason="hotfix", by="Ana", by_id="subj-1")
    registry.rollback("toxicity", by="cli:bob", reason="  too many flags  ")

    back, forward = read_changes(registry_dir, limit=2)  # the seed registry logged its own
    assert (forward["version"], forward["previous"], forward["action"]) == (new, seed, "activate")
    assert (forward["by"], forward["reason"]) == ("subj-1", "hotfix")
    assert forward["metrics_delta"] == {"vihsd:test": {"macro_f1": 0.25}}
    assert (back["version"], back["previous"], back["action"]) == (seed, new, "rollback")
    assert (back["by"], back["reason"]) == ("cli:bob", "too many flags")
    assert back["metrics_delta"] == {"vihsd:test": {"macro_f1": -0.25}}


def test_reading_filters_by_task_time_and_limit_and_skips_bad_lines(tmp_path: Path) -> None:
    first = record_change(tmp_path, {"task": "toxicity", "version": "a"})
    (tmp_path / CHANGES).open("a").write("not json\n")
    record_change(tmp_path, {"task": "misinformation", "version": "b"})
    record_change(tmp_path, {"task": "toxicity", "version": "c"})
    after_first = datetime.fromisoformat(first["at"])

    assert [e["version"] for e in read_changes(tmp_path)] == ["c", "b", "a"]
    assert [e["version"] for e in read_changes(tmp_path, task="toxicity")] == ["c", "a"]
    assert [e["version"] for e in read_changes(tmp_path, limit=1)] == ["c"]
    assert [e["version"] for e in read_changes(tmp_path, since=after_first)] == ["c", "b"]
    future = datetime.now(UTC) + timedelta(days=1)
    assert read_changes(tmp_path, since=future) == []
    assert read_changes(tmp_path / "nowhere") == []
