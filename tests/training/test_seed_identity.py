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
    assert all(unicodedata.is_normalized("NFC", e.text) for e in train)
    assert len({_key(e.text) for e in train}) == len(train)
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


def test_fit_and_holdout_split_the_corpus_for_choosing_its_weight(tmp_path: Path) -> None:
    context = DataContext(TOXICITY, tmp_path)
    whole = load_dataset("seed:identity", context)
    fit = load_dataset("seed:identity-fit", context)
    holdout = load_dataset("seed:identity-holdout", context)
    assert not {e.text for e in fit} & {e.text for e in holdout}
    assert sorted(e.text for e in [*fit, *holdout]) == sorted(e.text for e in whole)
    assert 0.15 * len(whole) <= len(holdout) <= 0.35 * len(whole)
    assert {e.group for e in holdout} == set(GROUPS)


def test_repeat_weighs_a_corpus_n_times_and_keeps_the_eval_only_guard(tmp_path: Path) -> None:
    context = DataContext(TOXICITY, tmp_path)
    once = load_dataset("seed:identity-holdout", context)
    thrice = load_dataset("repeat:3:seed:identity-holdout", context)
    assert Counter(e.text for e in thrice) == Counter({e.text: 3 for e in once})
    for bad in ("repeat:0:seed:identity", "repeat:x:seed:identity", "repeat:3", "repeat"):
        with pytest.raises(InputError, match="repeat: wants"):
            load_dataset(bad, context)
    with pytest.raises(InputError, match="evaluation-only"):
        load_dataset("repeat:5:identity", context)


def test_urgent_fit_and_holdout_keep_a_post_and_its_plain_copy_together(tmp_path: Path) -> None:
    context = DataContext(MISINFORMATION, tmp_path)
    whole = load_dataset("seed:urgent", context)
    fit = load_dataset("seed:urgent-fit", context)
    holdout = load_dataset("seed:urgent-holdout", context)
    assert sorted(e.text for e in [*fit, *holdout]) == sorted(e.text for e in whole)
    assert 0.15 * len(whole) <= len(holdout) <= 0.35 * len(whole)
    assert {e.label for e in holdout} == {"RELIABLE", "UNRELIABLE"}
    assert not {_key(e.text) for e in fit} & {_key(e.text) for e in holdout}
    with pytest.raises(InputError, match="misinformation corpus"):
        load_dataset("seed:urgent-holdout", DataContext(TOXICITY, tmp_path))
