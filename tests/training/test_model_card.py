"""``MODEL_CARD.md``: written at training time, refreshed by evaluate and the gate."""

from __future__ import annotations

import json
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest

from models.registry import Registry
from models.tasks import TOXICITY
from training.compare import compare_versions, default_out_dir
from training.compare_report import write_comparison
from training.datasets import DataContext, Example
from training.evaluate import evaluate_version
from training.gate import gate
from training.model_card import CardProse, build_card, card_prose
from training.train import TrainJob, run_training

POSTS = [
    ("cảm ơn bạn nhiều", "CLEAN"),
    ("bài viết hay quá", "CLEAN"),
    ("đồ ngu như bò", "OFFENSIVE"),
    ("câm mồm đi thằng ngu", "OFFENSIVE"),
    ("lũ súc vật cút khỏi đây", "HATE"),
    ("bọn chúng là lũ súc vật", "HATE"),
]
EXAMPLES = [Example(text, label, "test") for text, label in POSTS]


@pytest.fixture
def version(registry: Registry) -> str:
    job = TrainJob(task=TOXICITY, train=EXAMPLES, config={"min_df": 1}, show_progress=False)
    return run_training("baseline", job, registry, datasets=["csv:posts.csv"]).version


def _card(registry: Registry, version: str) -> str:
    return (registry.path(version) / "MODEL_CARD.md").read_text("utf-8")


def test_training_writes_the_card(registry: Registry, version: str) -> None:
    card = _card(registry, version)
    manifest = registry.manifest(version)
    prose, common = card_prose("toxicity")

    assert card.startswith(f"# Model card: toxicity {version}")
    assert "- sources: csv:posts.csv" in card
    assert "- examples: 6 (CLEAN 2, OFFENSIVE 2, HATE 2)" in card
    assert manifest.data_fingerprint in card
    assert "- none chosen on dev data" in card
    assert "- served (task defaults, then chosen): OFFENSIVE ≥ 0.50, HATE ≥ 0.50" in card
    assert prose.intended_use in card and f"Not for: {prose.not_for}" in card
    assert all(f"- {limit}" in card for limit in (*prose.limits, *common.limits))
    assert "No evaluation recorded yet" in card and "Not gated yet" in card
    assert not any(text in card for text, _ in POSTS)  # the card quotes no posts


def test_evaluate_and_gate_refresh_the_card(
    registry: Registry, version: str, tmp_path: Path
) -> None:
    data = tmp_path / "posts.csv"
    data.write_text("text,label\n" + "".join(f"{t},{label}\n" for t, label in POSTS), "utf-8")
    active = registry.active_version("toxicity")

    evaluate_version(registry, version, f"csv:{data}", DataContext(TOXICITY, tmp_path), show=False)
    assert f"| csv:{data} | 6 | 1.000 | 1.000 |" in _card(registry, version)

    gate(registry, version, evaluations=[("posts", EXAMPLES)], resamples=100)
    card = _card(registry, version)

    assert f"**passed** against {active}" in card
    assert "Evaluation sets: posts (6 posts, sha256:" in card
    assert "| posts | macro-F1 | 1.000 [" in card
    assert "| difference [95%] | result |" in card and "| pass |" in card


def test_card_reads_provenance_and_slices_when_recorded(registry: Registry, version: str) -> None:
    path = registry.path(version) / "manifest.json"
    data = json.loads(path.read_text("utf-8"))
    installed = {
        "scikit-learn": installed_version("scikit-learn"),
        "numpy": installed_version("numpy"),
    }
    data.update(libraries=installed, git_commit="abc1234")
    path.write_text(json.dumps(data), "utf-8")
    active = registry.active_version("toxicity")
    assert active is not None
    result = compare_versions(
        registry,
        active,
        version,
        ["seed:toxicity"],
        DataContext(TOXICITY, Path(".")),
        resamples=100,
        show=False,
    )
    write_comparison(result, default_out_dir(registry, active, version, ["seed:toxicity"]))

    card = build_card(registry, version)
    other = build_card(registry, active)

    assert "- git commit: abc1234" in card
    assert (
        f"- libraries: numpy {installed['numpy']}, scikit-learn {installed['scikit-learn']}" in card
    )
    assert f"## Slices\n\nFrom `vimod models compare` against {active} on seed:toxicity" in card
    assert "| no_diacritics |" in card and f"against {version}" in other
    m = next(s for s in result.slices if s.name == "short").metrics["macro_f1"]
    mine = f"{m.b.value:.3f}"
    assert (
        f"| short | {next(s.n for s in result.slices if s.name == 'short')} | macro-F1 | {mine}"
        in card
    )
    flipped = f"{-m.diff.value:+.3f}"
    assert flipped in other  # the other version's card reads the difference from its side


def test_card_template_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError, match=r"\[toxicity\] has unknown key\(s\) intended"):
        CardProse.from_dict("toxicity", {"intended": "typo"})
