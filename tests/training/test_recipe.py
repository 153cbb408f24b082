"""Typed recipes: the shipped files parse, and a typo or a wrong type is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import InputError
from training.recipe import Recipe, load_recipe


@pytest.mark.parametrize("name", ["toxicity", "misinformation", "simulation"])
def test_shipped_recipes_parse(name: str) -> None:
    recipe = load_recipe(name)
    assert isinstance(recipe, Recipe) and recipe.benchmark and recipe.dev
    assert not set(recipe.benchmark) & set(recipe.datasets)
    assert recipe.feedback.include and 0 < recipe.feedback.holdout_share < 1
    assert (recipe.simulation is not None) == (name == "simulation")


def test_production_recipes_name_the_agreed_splits() -> None:
    tox, mis = load_recipe("toxicity"), load_recipe("misinformation")
    assert "vihsd:train" in tox.datasets and tox.dev == "vihsd:dev"
    assert tox.benchmark == ["vihsd:test", "safesense:test"]
    assert mis.datasets == ["reintel:train", "chat:vihsd:train@500", "seed:urgent"]
    assert (mis.dev, mis.benchmark) == ("reintel:dev", ["reintel:test"])


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "r.toml"
    path.write_text('task = "toxicity"\ndatasets = ["seed:toxicity"]\n' + text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("benchmarks = []\n", "benchmarks"),
        ("[feedback]\nholdout = 0.2\n", "feedback.holdout"),
        ("[feedback]\nholdout_share = 1.5\n", "feedback.holdout_share"),
        ("[quality]\nmin_labels = 'many'\n", "quality.min_labels"),
        ("[simulation]\npoison = 3\n", "simulation.poison"),
    ],
)
def test_unknown_keys_and_bad_values_are_refused(tmp_path: Path, text: str, where: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_recipe(path)
    assert str(path) in info.value.message and where in info.value.message


def test_bad_task_missing_file_and_bad_toml(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text('task = "spam"\ndatasets = ["x"]\n', "utf-8")
    with pytest.raises(InputError, match=r"r.toml: task: .*unknown task 'spam'"):
        load_recipe(path)
    with pytest.raises(InputError, match="shipped: misinformation, simulation, toxicity"):
        load_recipe("nope")
    with pytest.raises(InputError, match="not found"):
        load_recipe(tmp_path / "missing.toml")
    path.write_text("task = ", "utf-8")
    with pytest.raises(InputError, match="invalid TOML"):
        load_recipe(path)


def test_config_table_is_passed_through(tmp_path: Path) -> None:
    recipe = load_recipe(_write(tmp_path, "[config]\nC = 2.0\n[config.text]\nsegment = true\n"))
    assert recipe.config == {"C": 2.0, "text": {"segment": True}}
