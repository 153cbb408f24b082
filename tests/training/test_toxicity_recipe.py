"""The production toxicity recipe: typed config, and no ViHOS text (a subset of ViHSD's)."""

from __future__ import annotations

from models.configs import BaselineConfig, resolve_config
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
