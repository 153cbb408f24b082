"""``seed:identity``: the team's harmless posts about groups, for training, apart from the set."""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from models.errors import InputError
from models.tasks import MISINFORMATION, TOXICITY
from models.text import strip_diacritics
from training.datasets import DataContext, load_dataset
from training.datasets.identity import GROUPS


def _key(text: str) -> str:
    return strip_diacritics(unicodedata.normalize("NFC", text).lower()).strip()


def test_the_training_corpus_is_harmless_and_shares_no_post_with_the_set(tmp_path: Path) -> None:
    train = load_dataset("seed:identity", DataContext(TOXICITY, tmp_path))
    assert {e.label for e in train} == {"CLEAN"}
    assert {e.group for e in train} == set(GROUPS)
    assert min(Counter(e.group for e in train).values()) >= 50
    scoring = DataContext(TOXICITY, tmp_path, evaluation=True)
    held = {_key(e.text) for e in load_dataset("identity", scoring)}
    seed = load_dataset("seed:toxicity", DataContext(TOXICITY, tmp_path))
    assert not held & {_key(e.text) for e in [*train, *seed]}
    with pytest.raises(InputError, match="toxicity corpus"):
        load_dataset("seed:identity", DataContext(MISINFORMATION, tmp_path))


@pytest.mark.data
def test_no_post_is_copied_from_the_public_data(data_dir: Path) -> None:
    public: set[str] = set()
    for path in data_dir.rglob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                public.update(_key(cell) for cell in row if len(cell) >= 25)
    ours = load_dataset("seed:identity", DataContext(TOXICITY, data_dir))
    assert [e.text for e in ours if len(e.text) >= 25 and _key(e.text) in public] == []
