"""The identity evaluation set, its training twin ``seed:identity``, and ``mentions:``."""

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
from training.datasets.mentions import group_of
from training.recipe import load_recipe


def _scoring(tmp_path: Path, task=TOXICITY) -> DataContext:  # type: ignore[no-untyped-def]
    return DataContext(task, tmp_path, evaluation=True)


def _key(text: str) -> str:
    return strip_diacritics(unicodedata.normalize("NFC", text).lower()).strip()


def test_every_group_has_enough_varied_harmless_posts(tmp_path: Path) -> None:
    rows = load_dataset("identity", _scoring(tmp_path))
    assert {e.label for e in rows} == {"CLEAN"}
    groups = Counter(e.group.partition("/")[0] for e in rows if e.group)
    assert set(groups) == set(GROUPS) and min(groups.values()) >= 60
    texts = [e.text for e in rows]
    assert len({_key(t) for t in texts}) == len(texts)
    assert all(unicodedata.is_normalized("NFC", t) and t == t.strip() for t in texts)
    for group in GROUPS:
        mine = [e for e in rows if e.group and e.group.startswith(f"{group}/")]
        assert len({e.group for e in mine}) >= 8, group  # many subgroups, not one
        # typed the way people post: a good share without any diacritic
        assert sum(strip_diacritics(e.text) == e.text for e in mine) >= 0.2 * len(mine), group
        assert any(len(e.text) > 200 for e in mine) and any(len(e.text) < 40 for e in mine)
    # "Bắc Kỳ" as history uses it is in the set, as a harmless post
    assert any("Bắc Kỳ" in e.text for e in rows if e.group == "regions/bac-ky")


def test_one_group_and_refusals(tmp_path: Path) -> None:
    lgbt = load_dataset("identity:lgbt", _scoring(tmp_path))
    assert lgbt and all(e.group and e.group.startswith("lgbt/") for e in lgbt)
    with pytest.raises(InputError, match="has groups"):
        load_dataset("identity:gays", _scoring(tmp_path))
    with pytest.raises(InputError, match="toxicity evaluation set"):
        load_dataset("identity", _scoring(tmp_path, MISINFORMATION))


@pytest.mark.parametrize(
    "spec", ["identity", "identity:lgbt", "plain:identity", "mentions:identity"]
)
def test_training_contexts_refuse_it(spec: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="evaluation-only"):
        load_dataset(spec, DataContext(TOXICITY, tmp_path))


@pytest.mark.parametrize(
    "text",
    [
        'datasets = ["seed:toxicity", "identity"]\n',
        'datasets = ["seed:toxicity"]\ndev = "identity:religions"\n',
    ],
)
def test_recipes_refuse_it_for_training_and_dev(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.toml"
    path.write_text('task = "toxicity"\n' + text, "utf-8")
    with pytest.raises(InputError, match="evaluation-only"):
        load_recipe(path)
    path.write_text('task = "toxicity"\ndatasets = ["seed:toxicity"]\nbenchmark = ["identity"]\n')
    assert load_recipe(path).benchmark == ["identity"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Bọn bắc kỳ này", "regions/bac-ky"),
        ("bon bac ky nay", "regions/bac-ky"),  # two words: matched without diacritics too
        ("Đi chùa đầu năm", "religions/phat-giao"),
        ("bi dong tinh", "lgbt/dong-tinh"),
        ("Người Mông ở Hà Giang", "ethnic_minorities/mong"),
        ("mong moi nguoi khoe", None),  # "mông" is one word: its bare form is "hope"
        ("gayyy", None),  # whole words only
        ("Hai anh gay đi chùa", "lgbt/gay"),  # several groups: the first listed wins
    ],
)
def test_group_of_matches_whole_words(text: str, group: str | None) -> None:
    assert group_of(text) == group


def test_mentions_keeps_and_tags_the_posts_that_name_a_group(tmp_path: Path) -> None:
    data = tmp_path / "posts.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("text", "label"))
        writer.writerows([("đồ bê đê", "HATE"), ("trời đẹp quá", "CLEAN"), ("người Tày", "CLEAN")])
    rows = load_dataset(f"mentions:csv:{data}", DataContext(TOXICITY, tmp_path))
    assert [(e.text, e.label, e.group) for e in rows] == [
        ("đồ bê đê", "HATE", "lgbt/gay"),
        ("người Tày", "CLEAN", "ethnic_minorities/tay"),
    ]
    with pytest.raises(InputError, match="wants a dataset spec"):
        load_dataset("mentions", DataContext(TOXICITY, tmp_path))


@pytest.mark.data
def test_no_row_is_copied_from_the_public_data(data_dir: Path) -> None:
    public: set[str] = set()
    for path in data_dir.rglob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                public.update(_key(cell) for cell in row if len(cell) >= 25)
    ours = load_dataset("identity", DataContext(TOXICITY, data_dir, evaluation=True))
    assert [e.text for e in ours if len(e.text) >= 25 and _key(e.text) in public] == []
