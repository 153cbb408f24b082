"""The urgent notices vs hoaxes evaluation set: its shape, and that nothing trains on it."""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from cli.main import app
from models.errors import InputError
from models.tasks import MISINFORMATION, TOXICITY
from training.datasets import DataContext, Example, load_dataset
from training.evaluate import flag_lines, flagged_by_source
from training.gate import load_evaluations
from training.recipe import load_recipe

NOTICE_KINDS = {"weather", "road", "health", "schedule", "school", "power", "water", "police"}
HOAX_KINDS = {"chain-hoax", "fake-cure", "fake-prize", "fake-disaster", "fake-policy"}
LANDSLIDE = "Cảnh báo: đường lên đèo Ô Quy Hồ đang sạt lở, mọi người chú ý an toàn"


def _scoring(tmp_path: Path, task=MISINFORMATION) -> DataContext:  # type: ignore[no-untyped-def]
    return DataContext(task, tmp_path, evaluation=True)


def test_the_set_has_enough_notices_and_hoaxes_of_known_kinds(tmp_path: Path) -> None:
    rows = load_dataset("notices", _scoring(tmp_path))
    labels = Counter(e.label for e in rows)
    assert labels["RELIABLE"] >= 50 and labels["UNRELIABLE"] >= 50
    kinds = {
        label: {e.source.removeprefix("notices:") for e in rows if e.label == label}
        for label in labels
    }
    assert kinds == {"RELIABLE": NOTICE_KINDS, "UNRELIABLE": HOAX_KINDS}
    texts = [e.text for e in rows]
    assert len(set(texts)) == len(texts)
    assert all(unicodedata.is_normalized("NFC", t) and t == t.strip() for t in texts)
    assert LANDSLIDE in texts
    # some are typed the way people share them: without any diacritic
    assert sum(t.isascii() for t in texts) >= 10


def test_no_row_is_also_a_seed_corpus_row(tmp_path: Path) -> None:
    seed = {
        e.text for e in load_dataset("seed:misinformation", DataContext(MISINFORMATION, tmp_path))
    }
    seed |= {e.text for e in load_dataset("seed:toxicity", DataContext(TOXICITY, tmp_path))}
    seed |= {e.text for e in load_dataset("seed:urgent", DataContext(MISINFORMATION, tmp_path))}
    assert not seed & {e.text for e in load_dataset("notices", _scoring(tmp_path))}


@pytest.mark.parametrize("spec", ["notices", "chat:notices"])
def test_training_contexts_refuse_it(spec: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="evaluation-only"):
        load_dataset(spec, DataContext(MISINFORMATION, tmp_path))


def test_wrong_task_or_a_split_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="misinformation evaluation set"):
        load_dataset("notices", _scoring(tmp_path, TOXICITY))
    with pytest.raises(InputError, match="no splits"):
        load_dataset("notices:test", _scoring(tmp_path))


@pytest.mark.parametrize(
    "text",
    [
        'datasets = ["reintel:train", "notices"]\n',
        'datasets = ["reintel:train"]\ndev = "notices"\n',
    ],
)
def test_recipes_refuse_it_for_training_and_dev(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.toml"
    path.write_text('task = "misinformation"\n' + text, "utf-8")
    with pytest.raises(InputError, match="evaluation-only"):
        load_recipe(path)


def test_recipes_and_the_gate_may_benchmark_on_it(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        'task = "misinformation"\ndatasets = ["seed:misinformation"]\nbenchmark = ["notices"]\n',
        "utf-8",
    )
    assert load_recipe(path).benchmark == ["notices"]
    ((name, rows),) = load_evaluations(["notices"], DataContext(MISINFORMATION, tmp_path))
    assert name == "notices" and len(rows) >= 100


def test_flag_lines_give_false_alarms_recall_and_counts_per_kind() -> None:
    examples = [Example("a", "RELIABLE", "notices:road")] * 4
    examples += [Example("b", "UNRELIABLE", "notices:fake-cure")] * 2
    counts = flagged_by_source(examples, np.array([1, 0, 0, 0, 1, 0], dtype=bool))
    assert counts == {"notices:fake-cure": [1, 2], "notices:road": [1, 4]}
    metrics = {
        "per_label": {
            "RELIABLE": {"recall": 0.75, "support": 4},
            "UNRELIABLE": {"recall": 0.5, "support": 2},
        },
        "flagged_by_source": counts,
    }
    assert flag_lines(metrics) == [
        "flagged: 25.0% of 4 RELIABLE (false alarms), 50.0% of 2 UNRELIABLE (recall)",
        "  notices:fake-cure: 1/2 flagged",
        "  notices:road: 1/4 flagged",
    ]
    three: dict[str, dict[str, dict[str, float]]] = {
        "per_label": {"CLEAN": {}, "OFFENSIVE": {}, "HATE": {}}
    }
    assert flag_lines(three) == []


def test_cli_evaluates_on_it_and_refuses_to_train_on_it(tmp_path: Path) -> None:
    env = {
        "VIMOD_REGISTRY_DIR": str(tmp_path / "registry"),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "VIMOD_DATA_DIR": str(tmp_path),
    }
    runner = CliRunner()
    base = ["train", "--task", "misinformation", "--set", "min_df=1", "--set", "lexicon=false"]
    out = runner.invoke(app, [*base, "--data", "notices"], env=env)
    assert out.exit_code == 1 and "evaluation-only" in out.output
    data = tmp_path / "train.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("text", "label"))
        for _ in range(6):
            writer.writerow(("Sở Y tế thông báo lịch tiêm chủng tháng này", "RELIABLE"))
            writer.writerow(("SHARE NGAY kẻo muộn, uống lá ổi khỏi tiểu đường!!!", "UNRELIABLE"))
    out = runner.invoke(app, [*base, "--data", f"csv:{data}", "--dev", "notices"], env=env)
    assert out.exit_code == 1 and "evaluation-only" in out.output
    out = runner.invoke(app, [*base, "--data", f"csv:{data}"], env=env)
    assert out.exit_code == 0, out.output
    version = out.output.strip().splitlines()[-1]
    out = runner.invoke(app, ["evaluate", version, "--data", "notices"], env=env)
    assert out.exit_code == 0, out.output
    assert "ECE" in out.output and "(false alarms)" in out.output
    assert "notices:weather:" in out.output and "notices:fake-prize:" in out.output


@pytest.mark.data
def test_no_row_is_copied_from_the_public_data(data_dir: Path) -> None:
    public: set[str] = set()
    for path in data_dir.rglob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                public.update(cell.strip().lower() for cell in row if len(cell) >= 25)
    rows = load_dataset("notices", DataContext(MISINFORMATION, data_dir, evaluation=True))
    assert [e.text for e in rows if e.text.strip().lower() in public] == []
