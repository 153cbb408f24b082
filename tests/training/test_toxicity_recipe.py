"""The production toxicity recipe: typed config, no ViHOS text (a subset of ViHSD's), and
the SafeSense comment-only view it is measured on across sources."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from models.configs import BaselineConfig, resolve_config
from models.errors import InputError
from models.tasks import TOXICITY
from training.datasets import DataContext, load_dataset
from training.recipe import load_recipe


def _sources(spec: str) -> list[str]:
    """Every adapter a spec goes through: ``plain:vihsd:train`` → ``plain``, ``vihsd``, ..."""
    return [part for part in spec.split(":") if part.isidentifier()]


def test_config_resolves_and_trains_on_stripped_copies() -> None:
    recipe = load_recipe("toxicity")
    config = resolve_config(recipe.model, recipe.task, recipe.config)
    assert isinstance(config, BaselineConfig)
    assert config.augment_plain


def test_never_trains_or_tunes_on_vihos() -> None:
    """ViHOS comments are a subset of ViHSD's, test ones included: scoring on vihsd:test
    would be scoring posts the model trained on."""
    recipe = load_recipe("toxicity")
    specs = [*recipe.datasets, *([recipe.dev] if recipe.dev else [])]
    assert all("vihos" not in _sources(spec) for spec in specs)
    assert _sources("plain:vihos:train") == ["plain", "vihos", "train"]


def test_safesense_comment_part_keeps_the_rows_and_drops_the_titles(tmp_path: Path) -> None:
    folder = tmp_path / "safesense"
    folder.mkdir()
    rows = [
        ("tin mới nhất </s> bài viết hay quá", 0),
        ("thảm án giết người </s> đồ ngu", 1),
        ("không có tiêu đề", 2),
    ]
    with open(folder / "safesense_vi.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["input_text", "label"])
        writer.writerows(rows)
    ctx = DataContext(TOXICITY, tmp_path)
    whole = load_dataset("safesense:all", ctx)
    comments = load_dataset("safesense:all/comment", ctx)
    assert [e.text for e in comments] == ["bài viết hay quá", "đồ ngu", "không có tiêu đề"]
    assert [e.label for e in comments] == [e.label for e in whole]
    assert (whole[0].text, whole[0].context) == ("bài viết hay quá", "tin mới nhất")
    with pytest.raises(InputError, match="only part is 'comment'"):
        load_dataset("safesense:all/title", ctx)
