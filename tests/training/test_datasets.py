"""Dataset adapters: spec strings, generic files, feedback exports, seed corpora, real data."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from models.errors import InputError
from models.tasks import MISINFORMATION, TOXICITY
from training.datasets import DataContext, load_dataset


def _ctx(tmp_path: Path, task=TOXICITY) -> DataContext:  # type: ignore[no-untyped-def]
    return DataContext(task, tmp_path)


def test_csv_with_names_and_indices(tmp_path: Path) -> None:
    f = tmp_path / "posts.csv"
    f.write_text("text,label\nhay quá,CLEAN\nđồ ngu,1\n   ,HATE\nbắc kỳ,hate\n", "utf-8")
    rows = load_dataset(f"csv:{f}", _ctx(tmp_path))
    assert [(r.text, r.label) for r in rows] == [
        ("hay quá", "CLEAN"),
        ("đồ ngu", "OFFENSIVE"),
        ("bắc kỳ", "HATE"),
    ]


def test_csv_bad_label_names_the_row(tmp_path: Path) -> None:
    f = tmp_path / "posts.csv"
    f.write_text("text,label\nhay,CLEAN\nxấu,SPAM\n", "utf-8")
    with pytest.raises(InputError, match="row 2"):
        load_dataset(f"csv:{f}", _ctx(tmp_path))


def test_jsonl_with_metadata(tmp_path: Path) -> None:
    f = tmp_path / "posts.jsonl"
    f.write_text(
        json.dumps({"text": "tin giả", "label": "UNRELIABLE", "likes": 5, "shares": ""})
        + "\n\n"
        + json.dumps({"text": "tin thật", "label": 0})
        + "\n",
        "utf-8",
    )
    rows = load_dataset(f"jsonl:{f}", _ctx(tmp_path, MISINFORMATION))
    assert (
        rows[0].metadata is not None
        and rows[0].metadata.likes == 5
        and rows[0].metadata.shares is None
    )
    assert rows[1].label == "RELIABLE" and rows[1].metadata is None


def test_a_context_column_becomes_the_posts_context(tmp_path: Path) -> None:
    f = tmp_path / "posts.csv"
    f.write_text("text,label,context\nđồ ngu,1,Bài: giá xăng tăng\nhay quá,0,\n", "utf-8")
    rows = load_dataset(f"csv:{f}", _ctx(tmp_path))
    assert rows[0].context == "Bài: giá xăng tăng" and rows[0].metadata is not None
    assert rows[0].metadata.likes is None
    assert rows[1].context is None and rows[1].metadata is None


def test_jsonl_parse_error_names_the_line(tmp_path: Path) -> None:
    f = tmp_path / "posts.jsonl"
    f.write_text('{"text": "a", "label": 0}\n{oops\n', "utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_dataset(f"jsonl:{f}", _ctx(tmp_path))


def test_feedback_export_latest_label_wins_and_task_filtered(tmp_path: Path) -> None:
    f = tmp_path / "feedback.jsonl"
    rows = [
        {
            "text": "đồ ngu",
            "task": "toxicity",
            "label": "HATE",
            "created_at": "2026-01-01T00:00:00",
        },
        {
            "text": "đồ ngu",
            "task": "toxicity",
            "label": "OFFENSIVE",
            "created_at": "2026-01-02T00:00:00",
        },
        {
            "text": "tin giả",
            "task": "misinformation",
            "label": "UNRELIABLE",
            "created_at": "2026-01-01",
        },
    ]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    got = load_dataset(f"feedback:{f}", _ctx(tmp_path))
    assert [(e.text, e.label, e.source) for e in got] == [("đồ ngu", "OFFENSIVE", "feedback")]


@pytest.mark.parametrize("spec", ["nope:x", "vihsd:validation", "csv:/does/not/exist.csv"])
def test_bad_specs(spec: str, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_dataset(spec, _ctx(tmp_path))


def test_chat_posts_become_the_benign_label_of_a_claim_task(tmp_path: Path) -> None:
    f = tmp_path / "comments.csv"
    f.write_text("text,label\nhay quá,CLEAN\nđồ ngu,OFFENSIVE\nbắc kỳ chó,HATE\n", "utf-8")
    rows = load_dataset(f"chat:csv:{f}", _ctx(tmp_path, MISINFORMATION))
    assert [(r.text, r.label) for r in rows] == [
        ("hay quá", "RELIABLE"),
        ("đồ ngu", "RELIABLE"),  # rude, but no factual claim
        ("bắc kỳ chó", "RELIABLE"),
    ]
    assert {r.source for r in rows} == {"chat:comments.csv"}
    sample = load_dataset("chat:seed:toxicity@150", _ctx(tmp_path, MISINFORMATION))
    again = load_dataset("chat:seed:toxicity@150", _ctx(tmp_path, MISINFORMATION))
    assert len(sample) == 150 and [r.text for r in sample] == [r.text for r in again]
    assert len(load_dataset(f"chat:csv:{f}@99", _ctx(tmp_path, MISINFORMATION))) == 3


@pytest.mark.parametrize(
    ("spec", "task", "message"),
    [
        ("chat:seed:toxicity", TOXICITY, "insults"),
        ("chat:", MISINFORMATION, "toxicity corpus"),
        ("chat:seed:toxicity@0", MISINFORMATION, "positive integer"),
        ("chat:seed:toxicity@all", MISINFORMATION, "positive integer"),
    ],
)
def test_chat_refuses_toxicity_and_bad_specs(spec: str, task, message: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        load_dataset(spec, _ctx(tmp_path, task))


def test_seed_corpora_are_large_balanced_and_clean(tmp_path: Path) -> None:
    tox = load_dataset("seed:toxicity", _ctx(tmp_path))
    counts = Counter(e.label for e in tox)
    assert len(tox) >= 1500 and all(counts[label] >= 300 for label in TOXICITY.labels)
    assert len({e.text for e in tox}) == len(tox)
    mis = load_dataset("seed:misinformation", _ctx(tmp_path, MISINFORMATION))
    assert len(mis) >= 400 and set(Counter(e.label for e in mis)) == set(MISINFORMATION.labels)


@pytest.mark.data
def test_seed_corpus_shares_no_rows_with_the_public_data(data_dir: Path) -> None:
    import csv

    public: set[str] = set()
    for path in data_dir.rglob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                public.update(cell.strip().lower() for cell in row if len(cell) >= 25)
    seed = load_dataset("seed:toxicity", DataContext(TOXICITY, data_dir))
    seed += load_dataset("seed:misinformation", DataContext(MISINFORMATION, data_dir))
    seed += load_dataset("seed:urgent", DataContext(MISINFORMATION, data_dir))
    copied = [e.text for e in seed if e.text.strip().lower() in public]
    assert copied == []


@pytest.mark.data
def test_vihsd_splits(data_dir: Path) -> None:
    ctx = DataContext(TOXICITY, data_dir)
    sizes = {split: len(load_dataset(f"vihsd:{split}", ctx)) for split in ("train", "dev", "test")}
    assert sizes["train"] > 20_000 and sizes["dev"] > 2_000 and sizes["test"] > 6_000
    labels = Counter(e.label for e in load_dataset("vihsd:test", ctx))
    assert labels.most_common(1)[0][0] == "CLEAN"


@pytest.mark.data
def test_safesense_split_is_fixed_and_disjoint(data_dir: Path) -> None:
    ctx = DataContext(TOXICITY, data_dir)
    # A row is a (comment, title) pair: the split hashes the whole row, so the same comment
    # under two titles may land in two splits, but never the same row.
    parts = {
        s: [(e.text, e.context) for e in load_dataset(f"safesense:{s}", ctx)]
        for s in ("train", "dev", "test")
    }
    assert parts["test"] == [(e.text, e.context) for e in load_dataset("safesense:test", ctx)]
    assert not set(parts["train"]) & set(parts["test"])
    assert not set(parts["dev"]) & set(parts["test"])
    assert 0.07 < len(parts["test"]) / sum(map(len, parts.values())) < 0.13
    assert sum(map(len, parts.values())) == len(load_dataset("safesense:all", ctx))


def test_weight_multiplies_each_posts_weight(tmp_path: Path) -> None:
    f = tmp_path / "posts.csv"
    f.write_text("text,label\nđồ ngu,1\nhay quá,0\n", "utf-8")
    rows = load_dataset(f"weight:0.5:weight:3:csv:{f}", _ctx(tmp_path))
    assert [e.weight for e in rows] == [1.5, 1.5]
    assert [e.weight for e in load_dataset(f"csv:{f}", _ctx(tmp_path))] == [1.0, 1.0]


@pytest.mark.parametrize("spec", ["weight:0:seed:toxicity", "weight:x:seed:toxicity", "weight:2"])
def test_weight_refuses_bad_specs(spec: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="W:SPEC"):
        load_dataset(spec, _ctx(tmp_path))
