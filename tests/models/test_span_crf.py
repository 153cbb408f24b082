"""The span CRF kind: offsets into the raw text, save/load without pickle, typed config."""

from __future__ import annotations

import stat
import unicodedata
from pathlib import Path

import pytest

from models.configs import SpanCrfConfig, resolve_config
from models.errors import InputError, RegistryError
from models.registry import Registry
from models.smoke import span_problem
from models.span_contract import Span
from models.span_crf import LEXICON_FILE, MODEL_FILE, SpanCrf, fit
from models.span_post import POST_FILE
from models.tasks import SPANS
from training.datasets import DataContext, load_dataset

ODD = [
    "dm m ngu vl",
    "thang nay ngu nhu bo",
    "Đồ súc vật 😡😡 cút đi",
    unicodedata.normalize("NFD", "Thằng này ngu như bò"),
    "nguuuuu vãiii lồnnnn",
    "đ.m thằng chóooo",
    "",
    "   ",
    "😡",
]


@pytest.fixture(scope="module")
def tagger() -> SpanCrf:
    examples = load_dataset("seed:toxicity_spans", DataContext(SPANS, Path("unused")))[:600]
    config = SpanCrfConfig.resolve("spans", {"max_iterations": 40, "folds": 3})
    return fit([e.text for e in examples], [e.spans or () for e in examples], config)


def test_spans_index_the_raw_text(tagger: SpanCrf) -> None:
    result = tagger.predict_spans(ODD)
    assert span_problem(ODD, result) is None
    assert result[6] == [] and result[7] == []
    assert any("ngu" in ODD[0][s.start : s.end] for s in result[0])
    nfd = result[3]
    assert nfd and all(unicodedata.is_normalized("NFD", ODD[3][s.start : s.end]) for s in nfd)
    assert any("ngu" in unicodedata.normalize("NFC", ODD[3][s.start : s.end]) for s in nfd)


def test_threshold_changes_the_decision_not_the_scores(tagger: SpanCrf) -> None:
    low, high = tagger.with_threshold(0.05), tagger.with_threshold(0.95)
    assert sum(map(len, low.predict_spans(ODD))) >= sum(map(len, high.predict_spans(ODD)))
    assert low.token_scores(ODD[:2])[0][1] == high.token_scores(ODD[:2])[0][1]
    assert low.config["threshold"] == 0.05


def test_registry_round_trip_without_pickle(tagger: SpanCrf, tmp_path: Path) -> None:
    registry = Registry(tmp_path / "reg")
    manifest = registry.save(tagger, data_fingerprint="sha256:x", activate=True)
    assert manifest.task == "spans" and manifest.kind == "span_crf"
    directory = registry.path(manifest.version)
    assert {p.name for p in directory.iterdir()} >= {MODEL_FILE, LEXICON_FILE, POST_FILE}
    for path in directory.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o007 == 0  # closed to others
        assert not path.read_bytes().startswith(b"\x80")  # not a pickle
    loaded, _ = registry.load_spans(manifest.version)
    assert loaded.predict_spans(ODD) == tagger.predict_spans(ODD)
    active = registry.load_active_spans()
    assert active is not None and active[1].version == manifest.version
    with pytest.raises(RegistryError, match="load_spans"):
        registry.load(manifest.version)
    assert registry.load_active("toxicity") is None


def test_corrupt_model_file_is_a_registry_error(tagger: SpanCrf, tmp_path: Path) -> None:
    registry = Registry(tmp_path / "reg")
    version = registry.save(tagger, data_fingerprint="sha256:x").version
    (registry.path(version) / LEXICON_FILE).write_text("{not json", "utf-8")
    with pytest.raises(RegistryError, match=version):
        registry.load_spans(version)
    with pytest.raises(RegistryError):
        registry.activate(version)


def test_config_refuses_unknown_keys_and_bad_values() -> None:
    with pytest.raises(InputError, match="knnn"):
        resolve_config("span_crf", "spans", {"knnn": 5})
    with pytest.raises(InputError):
        resolve_config("span_crf", "spans", {"threshold": 1.5})
    with pytest.raises(InputError):
        resolve_config("span_crf", "spans", {"c1": "0.1"})
    assert resolve_config("span_crf", "spans", {"c1": 0.1}).to_dict()["c1"] == 0.1


def test_span_problem_catches_invalid_answers() -> None:
    texts = ["abc", "de"]
    assert span_problem(texts, [[Span(0, 3, 0.9)], []]) is None
    assert "outside" in (span_problem(texts, [[Span(0, 4, 0.9)], []]) or "")
    assert "outside" in (span_problem(texts, [[Span(2, 3, 0.9), Span(0, 1, 0.9)], []]) or "")
    assert "score" in (span_problem(texts, [[Span(0, 1, 1.5)], []]) or "")
    assert "2 posts" in (span_problem(texts, [[]]) or "")
