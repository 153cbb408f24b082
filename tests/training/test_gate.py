"""The promotion gate on constructed cases: an equal candidate passes, a worse one is refused."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from models.baseline import BaselineClassifier
from models.errors import ConflictError, InputError
from models.registry import Registry
from models.tasks import TASKS, TOXICITY
from tests.conftest import DATA_DIR
from tests.gate_versions import seed_examples, train_version
from training.gate import (
    DEFAULT_TOLERANCE,
    GateRow,
    benchmark_specs,
    gate,
    gate_table,
    gated_metrics,
    promote,
)

RESAMPLES = 200  # enough for the intervals these tests read


@pytest.fixture(scope="module")
def candidates(seed_registry: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed registry plus candidates: toxicity like the active one, and worse ones."""
    root = tmp_path_factory.mktemp("gate") / "registry"
    shutil.copytree(seed_registry, root)
    reg = Registry(root)
    names = {
        "toxicity": {
            "same": train_version(reg, "toxicity", DATA_DIR),
            "worse": train_version(reg, "toxicity", DATA_DIR, flip=True),
        },
        "misinformation": {"worse": train_version(reg, "misinformation", DATA_DIR, flip=True)},
    }
    (root / "candidates.json").write_text(json.dumps(names))
    return root


@pytest.fixture
def reg(candidates: Path, tmp_path: Path) -> Registry:
    shutil.copytree(candidates, tmp_path / "registry")
    return Registry(tmp_path / "registry")


def _version(reg: Registry, task: str, which: str) -> str:
    version: str = json.loads((reg.root / "candidates.json").read_text())[task][which]
    return version


def _seed(task: str) -> list[tuple[str, list]]:
    return [(f"seed:{task}", seed_examples(task, DATA_DIR))]


def test_an_equal_candidate_passes_and_the_outcome_is_recorded(reg: Registry) -> None:
    candidate, active = _version(reg, "toxicity", "same"), reg.active_version("toxicity")

    result = gate(reg, candidate, evaluations=_seed("toxicity"), resamples=RESAMPLES)

    assert result.passed and result.against == active and not result.failing
    assert [m.metric for m in result.metrics] == list(gated_metrics("toxicity"))
    for m in result.metrics:
        assert m.tolerance == DEFAULT_TOLERANCE
        assert m.diff.value >= -DEFAULT_TOLERANCE and m.diff.contains(m.diff.value)
    reports = reg.path(candidate) / "reports"
    data = json.loads((reports / f"gate_{active}.json").read_text("utf-8"))
    assert data["passed"] is True and len(data["metrics"]) == 4
    assert "**PASSED**" in (reports / f"gate_{active}.md").read_text("utf-8")
    summary = reg.gate_record(candidate)
    assert summary is not None
    assert (summary["against"], summary["passed"], summary["failing"]) == (active, True, [])
    [evaluation] = summary["evaluations"]
    assert evaluation["name"] == "seed:toxicity" and evaluation["n"] == 2000
    assert evaluation["fingerprint"].startswith("sha256:")
    assert summary["at"] and summary["report"] == f"reports/gate_{active}.md"
    assert reg.active_version("toxicity") == active  # gate() alone never activates


def test_a_worse_candidate_is_refused_with_both_values_and_intervals(reg: Registry) -> None:
    candidate, active = _version(reg, "toxicity", "worse"), reg.active_version("toxicity")

    result = promote(reg, candidate, evaluations=_seed("toxicity"), resamples=RESAMPLES)

    assert not result.passed
    assert reg.active_version("toxicity") == active
    failing = {m.metric: m for m in result.failing}
    assert {"macro_f1", "f1:HATE"} <= set(failing)
    for m in failing.values():
        assert m.candidate.value < m.active.value - DEFAULT_TOLERANCE
        assert m.diff.low is not None and m.diff.high is not None
        assert m.diff.low <= m.diff.value <= m.diff.high < 0
    summary = reg.gate_record(candidate)
    assert summary is not None and summary["passed"] is False
    row = next(f for f in summary["failing"] if f["metric"] == "macro_f1")
    m = failing["macro_f1"]
    assert (row["active"], row["candidate"]) == (m.active.value, m.candidate.value)
    assert (row["low"], row["high"], row["tolerance"]) == (m.diff.low, m.diff.high, 0.005)
    report = (reg.path(candidate) / "reports" / f"gate_{active}.md").read_text("utf-8")
    assert "**REFUSED**" in report and "## Failing" in report
    assert f"macro-F1: active {m.active.value:.3f}, candidate {m.candidate.value:.3f}" in report
    with pytest.raises(ConflictError, match="its last gate failed against"):
        reg.activate(candidate, require_gate=True)


def test_tolerance_is_respected_overall_and_per_metric(reg: Registry) -> None:
    candidate = _version(reg, "toxicity", "worse")
    refused = gate(reg, candidate, evaluations=_seed("toxicity"), resamples=RESAMPLES)
    drops = {m.metric: -m.diff.value for m in refused.metrics}
    worst = max(drops.values())

    loose = gate(
        reg, candidate, evaluations=_seed("toxicity"), tolerance=worst + 0.01, resamples=100
    )
    assert loose.passed
    assert reg.gate_record(candidate)["passed"] is True  # type: ignore[index]

    smallest = min(drops, key=lambda k: drops[k])
    per_metric = {"*": worst + 0.01, smallest: drops[smallest] - 0.01}
    one = gate(reg, candidate, evaluations=_seed("toxicity"), tolerance=per_metric, resamples=100)
    assert [m.metric for m in one.failing] == [smallest]

    with pytest.raises(InputError, match="f1:SPAM: not gated"):
        gate(reg, candidate, evaluations=_seed("toxicity"), tolerance={"f1:SPAM": 0.1})


def test_misinformation_gates_roc_auc_and_f1_unreliable_on_each_set(reg: Registry) -> None:
    candidate = _version(reg, "misinformation", "worse")
    seed = seed_examples("misinformation", DATA_DIR)
    holdout = seed[::3]  # a second evaluation set, judged on its own

    result = gate(
        reg,
        candidate,
        evaluations=[("seed:misinformation", seed), ("holdout", holdout)],
        resamples=RESAMPLES,
    )

    assert [(m.evaluation, m.metric) for m in result.metrics] == [
        ("seed:misinformation", "roc_auc"),
        ("seed:misinformation", "f1:UNRELIABLE"),
        ("holdout", "roc_auc"),
        ("holdout", "f1:UNRELIABLE"),
    ]
    assert not result.passed and {m.evaluation for m in result.failing} == {
        "seed:misinformation",
        "holdout",
    }
    assert [e["n"] for e in result.evaluations] == [len(seed), len(holdout)]


def test_a_metric_undefined_on_the_data_fails(reg: Registry) -> None:
    candidate = _version(reg, "misinformation", "worse")
    reliable = [e for e in seed_examples("misinformation", DATA_DIR) if e.label == "RELIABLE"]

    result = gate(reg, candidate, evaluations=[("reliable only", reliable)], resamples=100)

    undefined = next(m for m in result.failing if m.metric == "roc_auc")
    assert math.isnan(undefined.diff.value) and math.isnan(undefined.active.value)
    failing = {f["metric"]: f for f in result.summary()["failing"]}
    assert failing["roc_auc"]["diff"] is None  # JSON-ready: NaN as null
    assert "undefined on this data" in (
        reg.path(candidate) / "reports" / f"gate_{result.against}.md"
    ).read_text("utf-8")


def test_with_no_active_version_the_gate_passes_and_promote_activates(tmp_path: Path) -> None:
    reg = Registry(tmp_path / "empty")
    model = BaselineClassifier(TOXICITY, {"min_df": 1}).fit(
        ["hay quá", "đồ ngu", "bắc kỳ chó"] * 3, ["CLEAN", "OFFENSIVE", "HATE"] * 3
    )
    version = reg.save(model, data_fingerprint="f").version

    result = promote(reg, version, evaluations=[])

    assert result.passed and result.against is None and result.metrics == []
    assert reg.active_version("toxicity") == version
    assert (reg.path(version) / "reports" / "gate_first.md").is_file()
    [entry] = [json.loads(x) for x in (reg.root / "toxicity" / "history.jsonl").open()]
    assert entry["gated"] is True and "by" not in entry and "forced" not in entry


def test_first_start_bootstrap_activates_without_data(seed_registry: Path) -> None:
    history = seed_registry / "toxicity" / "history.jsonl"
    [entry] = [json.loads(line) for line in history.read_text("utf-8").splitlines()]

    assert (entry["action"], entry["previous"], entry["gated"]) == ("activate", None, True)


def test_the_gate_needs_data_against_an_active_version(reg: Registry) -> None:
    with pytest.raises(InputError, match="needs evaluation data"):
        gate(reg, _version(reg, "toxicity", "same"), evaluations=[])
    misinformation = reg.active_version("misinformation")
    assert misinformation is not None
    with pytest.raises(InputError, match="is not a toxicity model"):
        gate(reg, _version(reg, "toxicity", "same"), evaluations=[], against=misinformation)


def test_activation_requires_a_gate_against_the_current_active_version(reg: Registry) -> None:
    same, worse = _version(reg, "toxicity", "same"), _version(reg, "toxicity", "worse")
    seed = reg.active_version("toxicity")

    with pytest.raises(ConflictError, match=f"vimod models promote {same}"):
        reg.activate(same, require_gate=True)
    gate(reg, same, evaluations=_seed("toxicity"), resamples=100)
    reg.activate(worse, forced=True, reason="test: make the recorded gate stale", by="alice")
    with pytest.raises(ConflictError, match=f"passed against {seed}"):
        reg.activate(same, require_gate=True)  # its gate was against a version no longer active

    with pytest.raises(InputError, match="needs a reason"):
        reg.activate(same, forced=True, reason="  ")
    assert reg.rollback("toxicity", by="bob").version == seed
    reg.activate(same, require_gate=True, by="carol")

    entries = [json.loads(x) for x in (reg.root / "toxicity" / "history.jsonl").open()]
    forced, rollback, gated = entries[-3:]
    assert forced["forced"] is True and forced["by"] == "alice"
    assert forced["reason"] == "test: make the recorded gate stale" and "gated" not in forced
    assert (rollback["action"], rollback["gated"], rollback["by"]) == ("rollback", False, "bob")
    assert (gated["version"], gated["gated"], gated["by"]) == (same, True, "carol")
    assert "forced" not in gated and "reason" not in gated


def test_the_gate_table_is_data_with_a_row_per_task() -> None:
    table = gate_table()

    assert set(TASKS) <= set(table) and "spans" in table
    assert table["toxicity"].metrics == ("macro_f1", "f1:CLEAN", "f1:OFFENSIVE", "f1:HATE")
    assert table["misinformation"].metrics == ("roc_auc", "f1:UNRELIABLE")
    assert table["spans"].metrics == ("span_f1",)
    with pytest.raises(InputError, match=r"\[x\] has unknown key\(s\) metric"):
        GateRow.from_dict("x", {"metric": ["macro_f1"]})
    with pytest.raises(InputError, match="non-empty list"):
        GateRow.from_dict("x", {"metrics": []})


def test_benchmark_specs_read_only_the_benchmark_key(tmp_path: Path) -> None:
    assert benchmark_specs("toxicity", tmp_path) == []  # no recipe: no benchmark
    (tmp_path / "toxicity.toml").write_text(
        'model = "baseline"\nbenchmark = ["vihsd:test", "safesense:test"]\n[config]\nC = 2\n'
    )
    assert benchmark_specs("toxicity", tmp_path) == ["vihsd:test", "safesense:test"]
    (tmp_path / "misinformation.toml").write_text('benchmark = "reintel:test"\n')
    with pytest.raises(InputError, match="list of dataset specs"):
        benchmark_specs("misinformation", tmp_path)
