"""``plain:SPEC``: the same rows, without diacritics."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import InputError
from models.tasks import MISINFORMATION, TOXICITY
from training.datasets import DataContext, load_dataset


def test_plain_strips_every_diacritic_and_keeps_labels_and_order(tmp_path: Path) -> None:
    f = tmp_path / "posts.csv"
    f.write_text(
        'text,label\nĐồ ngu như bò,OFFENSIVE\n"Hoà bình, thuỷ chung",CLEAN\nok 👍,CLEAN\n', "utf-8"
    )
    # the same post in decomposed (NFD) form loses its marks too
    f.write_text(f.read_text("utf-8") + "Mày ngu vl,OFFENSIVE\n".replace("à", "a\u0300"), "utf-8")
    ctx = DataContext(TOXICITY, tmp_path)
    plain = load_dataset(f"plain:csv:{f}", ctx)
    assert [(e.text, e.label) for e in plain] == [
        ("Do ngu nhu bo", "OFFENSIVE"),
        ("Hoa binh, thuy chung", "CLEAN"),
        ("ok 👍", "CLEAN"),
        ("May ngu vl", "OFFENSIVE"),
    ]
    assert {e.source for e in plain} == {"plain:posts.csv"}


def test_plain_needs_a_spec_and_passes_the_context_on(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="wants a dataset spec"):
        load_dataset("plain", DataContext(TOXICITY, tmp_path))
    with pytest.raises(InputError, match="evaluation-only"):
        load_dataset("plain:notices", DataContext(MISINFORMATION, tmp_path))
    scoring = DataContext(MISINFORMATION, tmp_path, evaluation=True)
    marked, plain = load_dataset("notices", scoring), load_dataset("plain:notices", scoring)
    assert [e.label for e in plain] == [e.label for e in marked]
    assert plain[0].text == "Canh bao: duong len deo O Quy Ho dang sat lo, moi nguoi chu y an toan"
