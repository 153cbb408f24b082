"""Flag rates per group: the served flag, the counts on a fake model, the report and the CLI."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from cli.main import app
from models import configs
from models.base import to_predictions
from models.tasks import MISINFORMATION, TOXICITY
from training import train as train_module
from training.crossval import cross_validate
from training.datasets import Example
from training.groups import false_positive_rates, flagged_mask, group_lines, group_rates
from training.metrics import compute_metrics
from training.report import write_report
from training.train import TrainJob


def test_flagged_mask_is_the_served_flag() -> None:
    rng = np.random.default_rng(0)
    for task, thresholds in ((TOXICITY, {"HATE": 0.3}), (TOXICITY, None), (MISINFORMATION, None)):
        proba = rng.dirichlet(np.ones(len(task.labels)), size=200)
        served = [p.flagged for p in to_predictions(task, proba, thresholds)]
        assert flagged_mask(task, proba, thresholds).tolist() == served


def _fake_proba(texts: list[str]) -> np.ndarray:
    """A fake toxicity model: HATE at 0.9 for any post with "gay" in it, else CLEAN at 0.9."""
    hate = np.array([[0.05, 0.05, 0.9]])
    clean = np.array([[0.9, 0.05, 0.05]])
    return np.vstack([hate if "gay" in t else clean for t in texts])


def test_group_rates_on_a_fake_model() -> None:
    examples = [
        Example("hai anh gay cưới nhau", "CLEAN", "x", group="lgbt/gay"),
        Example("người đồng tính", "CLEAN", "x", group="lgbt/dong-tinh"),
        Example("les dễ thương", "CLEAN", "x", group="lgbt/les"),
        Example("đồ gay bệnh hoạn", "HATE", "x", group="lgbt/gay"),
        Example("bọn bắc kỳ", "HATE", "x", group="regions/bac-ky"),
        Example("đi chùa", "CLEAN", "x", group="religions"),
        Example("trời đẹp", "CLEAN", "x"),  # no group: not counted anywhere
    ]
    proba = _fake_proba([e.text for e in examples])
    rates = group_rates(TOXICITY, examples, flagged_mask(TOXICITY, proba, None))
    assert rates is not None
    assert rates["groups"]["lgbt"]["CLEAN"] == {"flagged": 1, "total": 3, "share": 1 / 3}
    assert rates["groups"]["lgbt"]["HATE"] == {"flagged": 1, "total": 1, "share": 1.0}
    assert rates["groups"]["regions"] == {"HATE": {"flagged": 0, "total": 1, "share": 0.0}}
    assert rates["subgroups"]["lgbt/gay"]["CLEAN"]["flagged"] == 1
    assert "religions" not in rates["subgroups"]  # a group without a subgroup
    assert false_positive_rates(rates) == {"lgbt": 1 / 3, "religions": 0.0}
    lines = group_lines({"group_rates": rates})
    assert lines[0] == (
        "  group lgbt: CLEAN 1/3 flagged (FPR) 33.3%, HATE 1/1 recall 100.0% > goal"
    )
    assert lines[1] == "  group regions: HATE 0/1 recall 0.0%"
    assert group_rates(TOXICITY, examples[-1:], np.array([True])) is None


def test_the_report_has_the_table_and_the_plot(tmp_path: Path) -> None:
    examples = [
        Example("hai anh gay cưới nhau", "CLEAN", "x", group="lgbt/gay"),
        Example("người Mông", "CLEAN", "x", group="ethnic_minorities/mong"),
    ]
    proba = _fake_proba([e.text for e in examples])
    y_true = np.zeros(2, dtype=int)
    metrics = compute_metrics(TOXICITY, y_true, proba)
    metrics["group_rates"] = group_rates(TOXICITY, examples, flagged_mask(TOXICITY, proba, None))
    paths = write_report(
        tmp_path, title="v1 on identity", task=TOXICITY, metrics=metrics, y_true=y_true, proba=proba
    )
    assert tmp_path / "groups.png" in [*paths, *tmp_path.iterdir()]
    report = (tmp_path / "report.md").read_text("utf-8")
    assert (
        "| `lgbt` | 1/1 (100.0%) |" in report and "| `ethnic_minorities` | 0/1 (0.0%) |" in report
    )
    assert "![groups.png](groups.png)" in report
    saved = json.loads((tmp_path / "metrics.json").read_text("utf-8"))
    assert saved["group_rates"]["groups"]["lgbt"]["CLEAN"]["flagged"] == 1


def test_cli_evaluates_per_group_and_refuses_to_train_on_it(tmp_path: Path) -> None:
    env = {
        "VIMOD_REGISTRY_DIR": str(tmp_path / "registry"),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "VIMOD_DATA_DIR": str(tmp_path),
    }
    runner = CliRunner()
    base = ["train", "--set", "min_df=1"]
    out = runner.invoke(app, [*base, "--data", "identity"], env=env)
    assert out.exit_code == 1 and "evaluation-only" in out.output
    data = tmp_path / "train.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("text", "label"))
        for _ in range(4):
            writer.writerow(("hôm nay trời đẹp, đi chơi thôi", "CLEAN"))
            writer.writerow(("mày ngu như bò", "OFFENSIVE"))
            writer.writerow(("cút hết về nước đi lũ kia", "HATE"))
    out = runner.invoke(app, [*base, "--data", f"csv:{data}", "--dev", "identity"], env=env)
    assert out.exit_code == 1 and "evaluation-only" in out.output
    out = runner.invoke(app, [*base, "--data", f"csv:{data}"], env=env)
    assert out.exit_code == 0, out.output
    version = out.output.strip().splitlines()[-1]
    out = runner.invoke(app, ["evaluate", version, "--data", "identity"], env=env)
    assert out.exit_code == 0, out.output
    for group in ("regions", "ethnic_minorities", "religions", "lgbt"):
        assert f"group {group}: CLEAN " in out.output
    reports = tmp_path / "registry" / "toxicity" / version / "reports" / "identity"
    assert (reports / "groups.png").is_file()
    saved = json.loads((reports / "metrics.json").read_text("utf-8"))
    totals = {g: v["CLEAN"]["total"] for g, v in saved["group_rates"]["groups"].items()}
    assert sum(totals.values()) == saved["n"]
    manifest = json.loads((reports.parents[1] / "manifest.json").read_text("utf-8"))
    assert set(manifest["metrics"]["identity"]["group_fpr"]) == set(totals)


class KeywordModel:
    """A fake trainer's model: ``_fake_proba`` whatever it trained on."""

    def __init__(self, job: TrainJob) -> None:
        self.task = job.task

    def predict_proba(self, texts: Sequence[str], metadata: object = None) -> np.ndarray:
        return _fake_proba(list(texts))


class KeywordConfig(configs.KindConfig):
    """The keyword model takes no settings."""

    kind = "keyword"


def test_crossval_reports_out_of_fold_rates_and_the_ungrouped_posts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(train_module.TRAINERS, "keyword", f"{__name__}:KeywordModel")
    monkeypatch.setitem(configs.CONFIGS, "keyword", KeywordConfig)
    grouped = [Example(f"anh gay số {i}", "CLEAN", "s", group="lgbt") for i in range(3)]
    grouped += [
        Example(f"người Tày số {i}", "CLEAN", "s", group="ethnic_minorities") for i in range(3)
    ]
    plain = [Example(f"bài {i}", label, "v") for i in range(4) for label in TOXICITY.labels]
    result = cross_validate("keyword", TOXICITY, [*grouped, *plain], folds=2, show_progress=False)
    assert result.group_rates is not None
    assert false_positive_rates(result.group_rates) == {"ethnic_minorities": 0.0, "lgbt": 1.0}
    assert result.ungrouped is not None and result.ungrouped["n"] == len(plain)
    assert result.metrics["n"] == len(plain) + len(grouped)
    alone = cross_validate("keyword", TOXICITY, plain, folds=2, show_progress=False)
    assert alone.group_rates is None and alone.ungrouped is None
