"""Baseline files are skops with an allow-list: untrusted types and pickles are refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import joblib
import numpy as np
import pytest

from models.base import PostMetadata
from models.baseline import BaselineClassifier, load
from models.baseline_io import LEGACY_FILE, MODEL_FILE, _skops_io, read_state, write_state
from models.errors import RegistryError
from models.registry import Registry
from models.tasks import MISINFORMATION, TOXICITY

TEXTS = ["hay quá", "đồ ngu", "bắc kỳ chó", "Bộ Y tế thông báo", "nghe nói tỏi chữa khỏi"]


class Payload:
    """Stands for anything a tampered file could name: it is not on vimod's list."""

    def __setstate__(self, state: dict[str, object]) -> None:
        raise AssertionError("an untrusted type was built")


def _fitted_toxicity() -> BaselineClassifier:
    model = BaselineClassifier(TOXICITY, {"min_df": 1})
    return model.fit(TEXTS[:3] * 3, ["CLEAN", "OFFENSIVE", "HATE"] * 3)


def _toxicity(tmp_path: Path) -> None:
    _fitted_toxicity().save(tmp_path)


@pytest.fixture(scope="module")
def stacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[BaselineClassifier, Path]:
    """Every trusted type at once: lexicon, neighbours (CSR), fusion (trees); saved once."""
    rng = np.random.default_rng(0)
    texts, labels, meta = [], [], []
    for i in range(240):
        bad = i % 3 == 0
        texts.append(f"{TEXTS[3 + bad]} {rng.integers(0, 50)} học sinh y tế")
        labels.append("UNRELIABLE" if bad else "RELIABLE")
        meta.append(PostMetadata(likes=float(rng.integers(0, 99)), shares=500.0 if bad else 5.0))
    model = BaselineClassifier(MISINFORMATION, {"min_df": 1, "folds": 2})
    model.fit(texts, labels, meta)
    directory = tmp_path_factory.mktemp("stacked")
    model.save(directory)
    return model, directory


def test_a_stacked_model_round_trips_exactly(stacked: tuple[BaselineClassifier, Path]) -> None:
    model, directory = stacked
    assert model._fusion is not None and model._neighbours is not None
    assert model._lexicon is not None
    assert (directory / MODEL_FILE).is_file() and not (directory / LEGACY_FILE).exists()

    again = load(directory, MISINFORMATION, model.config, {})

    assert again._lexicon is not None and again._lexicon.compounds == model._lexicon.compounds
    for (name, a), (_, b) in zip(
        model._features.transformer_list,  # type: ignore[union-attr]
        again._features.transformer_list,  # type: ignore[union-attr]
        strict=True,
    ):
        assert a.vocabulary_ == b.vocabulary_, name
    probe = [*TEXTS, "xin chào 😂", ""]
    meta = [PostMetadata(shares=700.0)] * len(probe)
    np.testing.assert_array_equal(again.predict_proba(probe), model.predict_proba(probe))
    np.testing.assert_array_equal(
        again.predict_proba(probe, meta), model.predict_proba(probe, meta)
    )


def test_a_file_naming_an_untrusted_type_is_refused_unbuilt(tmp_path: Path) -> None:
    _toxicity(tmp_path)
    state = read_state(tmp_path)
    state["extra"] = Payload()  # what a tampered file would carry
    write_state(state, tmp_path / MODEL_FILE)

    with pytest.raises(RegistryError, match="types vimod does not trust") as info:
        load(tmp_path, TOXICITY, {}, {})
    assert "test_baseline_io.Payload" in info.value.message
    assert info.value.message.startswith(f"{tmp_path.name}: {MODEL_FILE}")


def test_a_legacy_pickle_is_never_loaded(tmp_path: Path) -> None:
    reg = Registry(tmp_path / "reg")
    manifest = reg.save(_fitted_toxicity(), data_fingerprint="f")
    directory = reg.path(manifest.version)
    (directory / MODEL_FILE).unlink()
    joblib.dump({"model": Payload()}, directory / LEGACY_FILE)  # unpickling would run code

    with pytest.raises(RegistryError) as info:
        reg.load(manifest.version)
    message = info.value.message
    assert message.startswith(f"{manifest.version}: saved as a pickle (baseline.joblib)")
    assert "Retrain it with `vimod train`" in message


def test_a_malformed_neighbour_index_is_refused(
    stacked: tuple[BaselineClassifier, Path], tmp_path: Path
) -> None:
    model, directory = stacked
    state = read_state(directory)
    state["neighbours"]._x.indices[:] = 10**9  # columns far outside the matrix
    write_state(state, tmp_path / MODEL_FILE)

    with pytest.raises(RegistryError, match="neighbour index is malformed"):
        load(tmp_path, MISINFORMATION, model.config, {})


def test_loading_a_baseline_does_not_import_torch(tmp_path: Path) -> None:
    _toxicity(tmp_path)
    code = (
        "import sys; from models.baseline import load; from models.tasks import TOXICITY; "
        f"load(__import__('pathlib').Path({str(tmp_path)!r}), TOXICITY, {{}}, {{}}); "
        "assert 'torch' not in sys.modules, 'torch was imported'"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert _skops_io().__name__ == "skops.io"
