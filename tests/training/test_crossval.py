"""``vimod crossval``: every post scored once, by a model that never trained on it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from cli.main import app
from models import configs
from models.base import PostMetadata
from models.errors import InputError
from models.tasks import MISINFORMATION, Task
from models.text import strip_diacritics
from training import train as train_module
from training.crossval import cross_validate
from training.datasets import DataContext, Example, load_dataset
from training.train import TrainJob


class Memoriser:
    """Certain about posts it trained on, clueless (0.5) about any other."""

    def __init__(self, job: TrainJob) -> None:
        self.task: Task = job.task
        self.seen = {e.text: e.label for e in job.train}

    def predict_proba(
        self, texts: Sequence[str], metadata: Sequence[PostMetadata | None] | None = None
    ) -> np.ndarray:
        positive = self.task.labels[1]
        rows = [
            [0.5, 0.5]
            if t not in self.seen
            else [0.0, 1.0]
            if self.seen[t] == positive
            else [1.0, 0.0]
            for t in texts
        ]
        return np.array(rows)


class MemoriserConfig(configs.KindConfig):
    """The memoriser takes no settings."""

    kind = "memoriser"


def _seed() -> list[Example]:
    return load_dataset("seed:misinformation", DataContext(MISINFORMATION, Path(".")))


def test_held_out_posts_never_leak_into_their_training_folds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(train_module.TRAINERS, "memoriser", f"{__name__}:Memoriser")
    monkeypatch.setitem(configs.CONFIGS, "memoriser", MemoriserConfig)
    result = cross_validate("memoriser", MISINFORMATION, _seed(), folds=4, show_progress=False)
    assert result.metrics["roc_auc"] == 0.5  # a leak would make the memoriser perfect
    assert result.metrics["n"] == len(_seed()) and len(result.per_fold) == 4
    assert result.text_only is None  # the seed corpus has no metadata


def test_extra_examples_are_trained_on_in_every_fold_and_never_scored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(train_module.TRAINERS, "memoriser", f"{__name__}:Memoriser")
    monkeypatch.setitem(configs.CONFIGS, "memoriser", MemoriserConfig)
    seed = _seed()
    scored, extra = seed[:200], seed[200:]
    result = cross_validate(
        "memoriser", MISINFORMATION, scored, folds=4, show_progress=False, extra=seed
    )
    assert result.metrics["roc_auc"] == 1.0  # every scored post was in every fold's extra
    assert result.metrics["n"] == len(scored)
    apart = cross_validate(
        "memoriser", MISINFORMATION, scored, folds=4, show_progress=False, extra=extra
    )
    assert apart.metrics["roc_auc"] == 0.5 and apart.metrics["n"] == len(scored)


def test_a_config_typo_fails_before_any_fold(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_training(kind: str) -> None:
        raise AssertionError("a trainer was fetched")

    monkeypatch.setattr("training.crossval.get_trainer", no_training)
    with pytest.raises(InputError, match="unknown baseline config key knnn"):
        cross_validate("baseline", MISINFORMATION, _seed(), config={"knnn": 5}, folds=2)


def test_baseline_scores_every_post_with_and_without_metadata() -> None:
    rng = np.random.default_rng(0)
    examples = [
        Example(
            e.text,
            e.label,
            "seed",
            PostMetadata(shares=float(rng.integers(200, 900) if e.label == "UNRELIABLE" else 3)),
        )
        for e in _seed()
    ]
    result = cross_validate(
        "baseline",
        MISINFORMATION,
        examples,
        config={"min_df": 1},
        folds=3,
        seed=1,
        show_progress=False,
    )
    assert result.text_only is not None
    assert result.metrics["roc_auc"] > result.text_only["roc_auc"] > 0.75
    assert (result.folds, result.seed) == (3, 1)


def test_cli_prints_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "cv.json"
    env = {"VIMOD_REGISTRY_DIR": str(tmp_path / "reg"), "VIMOD_DATA_DIR": str(tmp_path)}
    args = ["crossval", "--task", "misinformation", "--data", "seed:misinformation"]
    result = CliRunner().invoke(
        app, [*args, "--set", "min_df=1", "--folds", "3", "--out", str(out)], env=env
    )
    assert result.exit_code == 0, result.output
    assert "3 folds" in result.output and "ROC-AUC" in result.output
    saved = json.loads(out.read_text("utf-8"))
    assert saved["folds"] == 3 and 0.5 < saved["metrics"]["roc_auc"] <= 1.0


class StripSensitive(Memoriser):
    """The memoriser, but any post without a diacritic left is called the positive label."""

    def predict_proba(
        self, texts: Sequence[str], metadata: Sequence[PostMetadata | None] | None = None
    ) -> np.ndarray:
        proba = super().predict_proba(texts, metadata)
        bare = np.array([strip_diacritics(t) == t for t in texts])
        proba[bare] = [0.0, 1.0]
        return proba


def test_plain_scores_the_held_out_posts_stripped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(train_module.TRAINERS, "memoriser", f"{__name__}:StripSensitive")
    monkeypatch.setitem(configs.CONFIGS, "memoriser", MemoriserConfig)
    examples = _seed()
    result = cross_validate(
        "memoriser", MISINFORMATION, examples, folds=3, show_progress=False, plain=True
    )
    assert result.plain is not None and result.plain["n"] == len(examples)
    # every stripped post is called UNRELIABLE: recall 1 there, not as written
    assert result.plain["per_label"]["UNRELIABLE"]["recall"] == 1.0
    assert result.metrics["per_label"]["UNRELIABLE"]["recall"] < 1.0
    assert (
        cross_validate("memoriser", MISINFORMATION, examples, folds=3, show_progress=False).plain
        is None
    )
