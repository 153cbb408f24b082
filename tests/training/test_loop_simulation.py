"""The moderation-loop simulation on ViHSD (``training/recipes/simulation.toml``).

Same run as ``python bench/loop_simulation.py --unfiltered``: v1 on a hashed 70 % of
``vihsd:train``, two moderators' feedback on the rest (v2), 600 HATE↔CLEAN flips by a third
subject (v3, and v3 with the flagged labels kept). Prints every version's ``vihsd:test``
and holdout macro-F1 and who was flagged. About 4 trainings on 17-24k posts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.loop_simulation import headline, run
from training.recipe import load_recipe


@pytest.mark.data
@pytest.mark.slow
def test_simulation_on_vihsd(data_dir: Path, tmp_path: Path) -> None:
    recipe = load_recipe("simulation")
    assert recipe.simulation is not None
    summary = run(recipe, data_dir, tmp_path, unfiltered=True)
    print(headline(summary))  # noqa: T201 - the figures are the point of this test

    flips = recipe.simulation.poison_flips
    assert summary["v2"]["flagged"] == []
    assert summary["v3"]["flagged"] == ["mallory"]
    assert summary["v3"]["feedback"]["excluded_records"] == {"mallory": flips}
    assert summary["v3_unfiltered"]["feedback"]["base_relabelled"] >= flips
    for name in ("v1", "v2", "v3", "v3_unfiltered"):
        assert 0.4 < summary[name]["metrics"]["vihsd:test"]["macro_f1"] < 0.8
