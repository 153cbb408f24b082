"""The span datasets: ViHOS ranges, the plain: transform's offsets, the team's seed spans."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from models.errors import InputError
from models.span_features import tokenize
from models.tasks import SPANS, TOXICITY
from training.datasets import DataContext, Example, load_dataset
from training.datasets.plain import strip_aligned, strip_example
from training.datasets.vihos import index_ranges


def test_index_ranges_joins_runs() -> None:
    assert index_ranges([7, 1, 2, 3]) == ((1, 4), (7, 8))
    assert index_ranges([]) == ()


def test_strip_aligned_keeps_offsets_for_nfc_and_nfd() -> None:
    nfc = "Đồ ngu như bò"
    nfd = unicodedata.normalize("NFD", nfc)
    for text in (nfc, nfd):
        plain, positions = strip_aligned(text)
        assert plain == "Do ngu nhu bo"
        start = text.index("ngu")
        example = Example(text, "OFFENDING", "t", spans=((start, len(text)),))
        stripped = strip_example(example)
        assert stripped.spans is not None
        ((s, e),) = stripped.spans
        assert stripped.text[s:e] == "ngu nhu bo"
        assert positions[0] == 0 and positions[-1] == len(plain)
    assert len(nfd) > len(nfc)  # the NFD post really had combining marks to drop


def test_seed_spans_are_in_range_and_lexicon_words() -> None:
    from training.seed.make_toxicity_spans import lexicon_phrases, mark

    phrases = lexicon_phrases()
    raw = resources.files("training").joinpath("seed/toxicity_spans.csv").read_text("utf-8")
    labels = resources.files("training").joinpath("seed/toxicity.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    posts = list(csv.DictReader(io.StringIO(labels)))
    assert [r["text"] for r in rows] == [p["text"] for p in posts]
    words = {t.word for phrase in phrases for t in phrase} | {
        t.bare for phrase in phrases for t in phrase
    }
    marked = 0
    for row, post in zip(rows, posts, strict=True):
        spans = [tuple(s) for s in json.loads(row["spans"])]
        text = row["text"]
        for start, end in spans:
            assert 0 <= start < end <= len(text)
            # every syllable of a span is a lexicon word (as typed, or its bare form)
            assert all(t.word in words or t.bare in words for t in tokenize(text[start:end]))
        if post["label"] == "CLEAN":
            assert spans == []
        marked += bool(spans)
        assert spans == [tuple(s) for s in mark(text, phrases)] or post["label"] == "CLEAN"
    assert marked > 600


def test_seed_span_corpus_loads_as_span_examples() -> None:
    examples = load_dataset("seed:toxicity_spans", DataContext(SPANS, Path("unused")))
    assert len(examples) == 2000
    assert all(e.spans is not None for e in examples)
    assert {e.label for e in examples} == set(SPANS.labels)
    with pytest.raises(InputError):
        load_dataset("seed:toxicity", DataContext(SPANS, Path("unused")))


def test_vihos_splits(data_dir: Path) -> None:
    if not (data_dir / "vihos" / "train.csv").is_file():
        pytest.skip("ViHOS not present")
    sizes = {}
    for split in ("train", "dev", "test"):
        examples = load_dataset(f"vihos:{split}", DataContext(SPANS, data_dir))
        sizes[split] = len(examples)
        for e in examples[:500]:
            assert e.spans is not None
            assert all(0 <= s < t <= len(e.text) for s, t in e.spans)
            assert (e.label == "OFFENDING") == bool(e.spans)
    assert sizes["dev"] > 1000 and sizes["train"] > 8000
    plain = load_dataset("plain:vihos:dev", DataContext(SPANS, data_dir))
    assert len(plain) == sizes["dev"]
    assert all(p.text.isascii() or not any(ch in p.text for ch in "ăâđêôơư") for p in plain)
    with pytest.raises(InputError):
        load_dataset("vihos:dev", DataContext(TOXICITY, data_dir))
