"""Fine-tune a tiny PhoBERT to tag ``MARKER`` and find it, in raw offsets, in unseen posts.

Posts are synthetic (``tests.tiny_phobert.span_rows``); the tagger is cased and segmented,
the classifier's defaults, since the tiny vocab was learned on segmented, cased text.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from models.errors import InputError, RegistryError
from models.span_contract import syllable_offsets
from models.span_words import cut
from tests.tiny_phobert import MARKER, long_text, span_rows

pytest.importorskip("torch")

from models.phobert_spans import PhobertSpanTagger, load
from training.trainers.phobert_spans import (
    THRESHOLDS,
    char_f1,
    syllable_labels,
    train_phobert_spans,
    training_windows,
)

pytestmark = pytest.mark.slow

# Enough for the tiny model to learn the marker (test char F1 ~0.97) in ~10 s on one core.
TINY = {"epochs": 5, "lr": 0.005, "batch_size": 16, "max_len": 128, "stride": 32}


def _split(
    rows: list[tuple[str, list[tuple[int, int]]]],
) -> tuple[list[str], list[list[tuple[int, int]]]]:
    return [t for t, _ in rows], [s for _, s in rows]


@pytest.fixture(scope="module")
def tagger(tiny_phobert_dir: Path) -> PhobertSpanTagger:
    texts, spans = _split(span_rows(100, seed=1))
    dev = _split(span_rows(40, seed=2))
    config = {**TINY, "base": str(tiny_phobert_dir)}
    return train_phobert_spans(texts, spans, dev, config=config, progress=False)


def test_finds_the_marker_in_held_out_posts(tagger: PhobertSpanTagger) -> None:
    texts, gold = _split(span_rows(40, seed=3))
    predicted = tagger.predict_spans(texts)
    scores = [char_f1(p, g) for p, g in zip(predicted, gold, strict=True)]
    exact = [[(s.start, s.end) for s in p] == g for p, g in zip(predicted, gold, strict=True)]
    assert np.mean(scores) >= 0.85 and sum(exact) >= 32, (np.mean(scores), sum(exact))
    clean = [p for p, g in zip(predicted, gold, strict=True) if not g]
    assert sum(bool(p) for p in clean) <= 2  # few false alarms on posts without the marker
    assert tagger.config["threshold"] in THRESHOLDS.tolist()  # chosen on dev, recorded


@pytest.mark.parametrize(
    "text",
    [
        f"Tôi ghét {MARKER} 😂😂👍",
        f"Bạn thích {MARKER} quá",
        "Ông bà ủng hộ khốnnnnn kiếpppp luôn",  # stretched: squeezed before the network
        unicodedata.normalize("NFD", f"Cô giáo {MARKER} rồi nhé"),  # combining marks
        f"  {MARKER}!!!  ",
    ],
)
def test_spans_are_raw_offsets_of_the_marker_as_typed(tagger: PhobertSpanTagger, text: str) -> None:
    (spans,) = tagger.predict_spans([text])
    words = [text[s:e] for s, e in syllable_offsets(text)]
    marker = next(i for i, w in enumerate(words) if w.lower().startswith("kh"))
    start, end = syllable_offsets(text)[marker][0], syllable_offsets(text)[marker + 1][1]
    assert [(s.start, s.end) for s in spans] == [(start, end)], (text, spans)
    assert 0.0 <= spans[0].score <= 1.0


@pytest.mark.parametrize("text", ["dm m ngu vl", "thang nay ngu vl khon kiep", "😂😂😂", ""])
def test_other_spellings_keep_offsets_in_range(tagger: PhobertSpanTagger, text: str) -> None:
    (spans,) = tagger.predict_spans([text])
    starts = {s for s, _ in syllable_offsets(text)}
    ends = {e for _, e in syllable_offsets(text)}
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start in starts and span.end in ends


def test_marker_past_the_first_windows_of_a_long_post(tagger: PhobertSpanTagger) -> None:
    text = long_text(60, marker_at_end=True)
    ((ids, _),) = tagger.encode(cut([text], tagger.params.text))
    assert len(ids) > 3 * tagger.params.max_len
    (spans,) = tagger.predict_spans([text])
    at = text.rindex(MARKER)
    assert (at, at + len(MARKER)) in [(s.start, s.end) for s in spans]


def test_save_and_load_give_identical_spans(tagger: PhobertSpanTagger, tmp_path: Path) -> None:
    tagger.save(tmp_path)
    for name in ("config.json", "model.safetensors", "vocab.txt", "bpe.codes", "tokenizer.json"):
        assert (tmp_path / name).is_file(), name
    loaded = load(tmp_path, tagger.config, {"device": "cpu"})
    texts, _ = _split(span_rows(20, seed=4))
    texts += [long_text(30, marker_at_end=True), unicodedata.normalize("NFD", texts[1])]
    assert loaded.predict_spans(texts) == tagger.predict_spans(texts)
    assert loaded.config == tagger.config


def test_load_refuses_a_checkpoint_without_an_o_span_head(
    tagger: PhobertSpanTagger, tmp_path: Path
) -> None:
    tagger.save(tmp_path)
    config = json.loads((tmp_path / "config.json").read_text())
    config["id2label"] = {"0": "CLEAN", "1": "OFFENSIVE", "2": "HATE"}
    (tmp_path / "config.json").write_text(json.dumps(config))
    with pytest.raises(RegistryError, match="3 labels"):
        load(tmp_path, tagger.config, {"device": "cpu"})


def test_labels_go_to_first_subtokens_only(tagger: PhobertSpanTagger) -> None:
    text = f"Giáo viên {MARKER} đi học"
    start = text.index(MARKER)
    labels = syllable_labels(syllable_offsets(text), [(start + 1, start + 3)])
    assert labels.tolist() == [False, False, True, False, False, False]  # overlap counts
    windows, targets = training_windows(tagger, [text], [[(start, start + len(MARKER))]])
    (window,), (target,) = windows, targets
    assert target[0] == target[-1] == -100 and len(window) == len(target)
    assert (target == 1).sum() == 1  # khốn_kiếp is one segmented word
    assert set(target.tolist()) <= {-100, 0, 1}


def test_bad_training_input_is_refused(tiny_phobert_dir: Path) -> None:
    base = {"base": str(tiny_phobert_dir)}
    with pytest.raises(InputError, match="outside"):
        train_phobert_spans(["abc"], [[(1, 9)]], config=base, progress=False)
    with pytest.raises(InputError, match="2 texts but 1"):
        train_phobert_spans(["a", "b"], [[]], config=base, progress=False)
    with pytest.raises(InputError, match="base"):
        train_phobert_spans(["a"], [[]], progress=False)
    with pytest.raises(InputError, match="unknown"):
        train_phobert_spans(["a"], [[]], config={**base, "epoch": 3}, progress=False)


def test_registry_trains_saves_and_loads_the_kind(tiny_phobert_dir: Path, tmp_path: Path) -> None:
    """``vimod train --task spans --model phobert_spans``: trainer table → registry → loader."""
    from models.kinds import load_span_tagger
    from models.lazy import resolve
    from models.registry import Registry
    from models.tasks import SPANS
    from training.datasets.base import Example
    from training.train import TRAINERS, TrainJob

    def examples(seed: int, n: int) -> list[Example]:
        return [
            Example(text=t, label=SPANS.labels[bool(s)], source="toy", spans=tuple(s))
            for t, s in span_rows(n, seed=seed)
        ]

    job = TrainJob(
        task=SPANS,
        train=examples(1, 100),
        dev=examples(2, 40),
        config={**TINY, "base": str(tiny_phobert_dir)},
        show_progress=False,
    )
    tagger = resolve(TRAINERS["phobert_spans"])(job)
    registry = Registry(tmp_path / "registry")
    manifest = registry.save(tagger, data_fingerprint="sha256:toy", activate=True)
    loaded = load_span_tagger(
        "phobert_spans", registry.path(manifest.version), manifest.config, {"device": "cpu"}
    )
    texts, gold = _split(span_rows(20, seed=3))
    assert loaded.predict_spans(texts) == tagger.predict_spans(texts)
    assert (
        np.mean([char_f1(p, g) for p, g in zip(loaded.predict_spans(texts), gold, strict=True)])
        >= 0.8
    )
