"""``compare_versions``: two seed-trained versions compared on the seed corpora."""

from __future__ import annotations

import json
import math
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from sklearn.metrics import f1_score

from models.errors import InputError
from models.registry import Registry
from models.tasks import MISINFORMATION, TOXICITY, Task
from training import compare as compare_module
from training.bootstrap_ci import Interval
from training.compare import compare_versions, default_out_dir
from training.compare_report import write_comparison
from training.compare_result import MIN_INTERVAL_N, ComparisonResult
from training.datasets import DataContext, load_dataset
from training.evaluate import decide, label_indices
from training.train import TrainJob, run_training

RESAMPLES = 200  # enough to exercise the intervals; the data test runs 1,000


@dataclass(frozen=True)
class Pair:
    """A registry with the seed default (A) and a smaller, weaker model (B) per task."""

    registry: Registry
    versions: dict[str, tuple[str, str]]


@pytest.fixture(scope="module")
def pair(seed_registry: Path, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    root = tmp_path_factory.mktemp("compare") / "registry"
    shutil.copytree(seed_registry, root)
    reg = Registry(root)
    versions = {}
    for task in (TOXICITY, MISINFORMATION):
        rows = load_dataset(f"seed:{task.name}", DataContext(task, Path(".")))
        job = TrainJob(task, rows[::3], rows[1::3], {"min_df": 1, "C": 0.3}, show_progress=False)
        b = run_training("baseline", job, reg).version
        a = reg.active_version(task.name)
        assert a is not None
        versions[task.name] = (a, b)
    return Pair(reg, versions)


@pytest.fixture(scope="module")
def toxicity(pair: Pair) -> ComparisonResult:
    """A vs B on seed:toxicity, every changed post kept."""
    return _compare(pair, TOXICITY, max_examples=10_000)


def _compare(pair: Pair, task: Task, **kwargs: Any) -> ComparisonResult:
    a, b = pair.versions[task.name]
    kwargs = {"resamples": RESAMPLES, "show": False, "a": a, "b": b, **kwargs}
    ctx = DataContext(task, Path("."))
    return compare_versions(pair.registry, specs=[f"seed:{task.name}"], context=ctx, **kwargs)


def _intervals(result: ComparisonResult) -> Iterator[tuple[str, Interval]]:
    for name, m in result.metrics.items():
        yield from ((f"{name}.{side}", getattr(m, side)) for side in ("a", "b", "diff"))
    for s in result.slices:
        for name, m in s.metrics.items():
            yield from ((f"{s.name}.{name}.{side}", getattr(m, side)) for side in ("a", "b"))


@pytest.fixture
def figure_texts(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """File name → all text drawn in the figure saved there."""
    seen: dict[str, str] = {}
    original: Callable[..., None] = Figure.savefig

    def spy(self: Figure, fname: Any, *args: Any, **kwargs: Any) -> None:
        seen[Path(fname).name] = " ".join(t.get_text() for t in self.findobj(Text))
        original(self, fname, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", spy)
    return seen


def test_toxicity_report_files_plots_and_intervals(
    pair: Pair, toxicity: ComparisonResult, tmp_path: Path, figure_texts: dict[str, str]
) -> None:
    result = toxicity
    a, b = pair.versions["toxicity"]
    assert result.n == 2000 and result.task == "toxicity"
    for label in TOXICITY.labels:
        assert {f"precision:{label}", f"recall:{label}", f"f1:{label}"} <= set(result.metrics)
    assert {"macro_f1", "roc_auc:OFFENSIVE", "roc_auc:HATE"} <= set(result.metrics)
    for name, interval in _intervals(result):
        if not math.isnan(interval.value) and interval.low is not None:
            assert interval.contains(interval.value), name
    assert result.metrics["macro_f1"].diff.value < 0  # B saw a third of the data

    paths = write_comparison(result, tmp_path / "out")
    names = {p.name for p in paths}
    assert names == {"comparison.json", "report.md", "roc.png", "pr.png"} | {
        "confusion_diff.png",
        "f1.png",
    }
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in paths if p.suffix == ".png")
    for plot in ("roc.png", "pr.png", "confusion_diff.png", "f1.png"):
        assert a in figure_texts[plot] and b in figure_texts[plot], plot
        assert "seed:toxicity" in figure_texts[plot], plot
    data = json.loads((tmp_path / "out" / "comparison.json").read_text("utf-8"))
    assert data["a"] == a and data["metrics"]["macro_f1"]["diff"]["value"] < 0
    report = (tmp_path / "out" / "report.md").read_text("utf-8")
    assert a in report and b in report and "McNemar" in report and "no_diacritics" in report


def test_misinformation_uses_each_versions_threshold(pair: Pair, tmp_path: Path) -> None:
    result = _compare(pair, MISINFORMATION)
    a, b = pair.versions["misinformation"]
    thresholds = pair.registry.manifest(b).thresholds
    assert thresholds and result.thresholds["b"] == thresholds
    assert {"roc_auc", "pr_auc", "f1:UNRELIABLE"} <= set(result.metrics)
    rows = load_dataset("seed:misinformation", DataContext(MISINFORMATION, Path(".")))
    y = label_indices(MISINFORMATION, rows)
    expected = f1_score(y, decide(MISINFORMATION, result.proba_b, thresholds))
    assert result.metrics["f1:UNRELIABLE"].b.value == pytest.approx(expected)
    for name, interval in _intervals(result):
        if not math.isnan(interval.value) and interval.low is not None:
            assert interval.contains(interval.value), name
    paths = write_comparison(result, default_out_dir(pair.registry, a, b, result.datasets))
    assert paths[0].parent == pair.registry.root / "compare" / f"{a}__{b}__seed_misinformation"
    assert {"roc.png", "pr.png"} <= {p.name for p in paths}


def test_identical_versions_differ_by_zero(pair: Pair) -> None:
    a, _ = pair.versions["misinformation"]
    result = _compare(pair, MISINFORMATION, b=a)
    for name, m in result.metrics.items():
        assert m.diff.value == 0 and m.diff.low == 0 and m.diff.high == 0, name
        assert m.p_value == 1.0, name
    assert result.mcnemar.p_value == 1.0 and result.mcnemar.only_a == result.mcnemar.only_b == 0
    assert result.changed == 0 and not result.fixed and not result.broken


def test_changed_predictions_agree_with_the_decisions(
    pair: Pair, toxicity: ComparisonResult
) -> None:
    everything = toxicity
    assert len(everything.fixed) == everything.mcnemar.only_b
    assert len(everything.broken) == everything.mcnemar.only_a > 0
    rows = load_dataset("seed:toxicity", DataContext(TOXICITY, Path(".")))
    pred_a = everything.proba_a.argmax(axis=1)  # toxicity decides by arg-max
    pred_b = everything.proba_b.argmax(axis=1)
    assert everything.changed == int(np.sum(pred_a != pred_b))
    for e in everything.fixed:
        assert e.gold == e.b_label != e.a_label and rows[e.index].text == e.text
    for e in everything.broken:
        assert e.gold == e.a_label != e.b_label and rows[e.index].label == e.gold
        assert max(e.a_scores, key=e.a_scores.__getitem__) == e.a_label
        assert e.a_scores[e.a_label] == pytest.approx(everything.proba_a[e.index].max(), abs=1e-4)
    few = _compare(pair, TOXICITY, max_examples=3, resamples=100)
    assert few.broken == everything.broken[:3]


def test_slices_count_posts_and_have_intervals_when_large(toxicity: ComparisonResult) -> None:
    result = toxicity
    rows = load_dataset("seed:toxicity", DataContext(TOXICITY, Path(".")))
    by_name = {s.name: s for s in result.slices}
    assert set(by_name) == {"no_diacritics", "teencode", "short", "long"}
    assert by_name["short"].n == sum(len(r.text) < 30 for r in rows)
    assert by_name["long"].n == sum(len(r.text) > 200 for r in rows)
    for s in result.slices:
        assert sum(s.label_counts.values()) == s.n
        if s.n >= MIN_INTERVAL_N:
            assert all(m.diff.low is not None for m in s.metrics.values()), s.name
        elif s.n:
            assert all(m.diff.low is None for m in s.metrics.values()), s.name
    assert by_name["no_diacritics"].n > MIN_INTERVAL_N and "macro_f1" in by_name["short"].metrics


def test_versions_of_different_tasks_are_refused(pair: Pair) -> None:
    a, _ = pair.versions["toxicity"]
    b, _ = pair.versions["misinformation"]
    with pytest.raises(InputError, match="misinformation"):
        _compare(pair, TOXICITY, a=a, b=b)


@pytest.mark.data
def test_vihsd_test_with_1000_resamples_is_quick(
    pair: Pair, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    timings: list[tuple[int, float]] = []
    original = compare_module.paired_bootstrap

    def timed(n: int, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        out = original(n, *args, **kwargs)
        timings.append((n, time.perf_counter() - start))
        return out

    monkeypatch.setattr(compare_module, "paired_bootstrap", timed)
    a, b = pair.versions["toxicity"]
    result = compare_versions(
        pair.registry, a, b, ["vihsd:test"], DataContext(TOXICITY, data_dir), show=False
    )
    assert result.n == 6680 and result.resamples == 1000
    whole = [seconds for n, seconds in timings if n == 6680]
    assert len(whole) == 1 and whole[0] < 30, timings  # seconds, not minutes (2 shared cores)
    assert result.metrics["macro_f1"].a.contains(result.metrics["macro_f1"].a.value)
