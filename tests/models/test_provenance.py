"""Manifests record what built a version; incompatible libraries are refused by name."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import numpy as np
import pytest
import sklearn

from models.baseline import BaselineClassifier
from models.errors import RegistryError
from models.provenance import check_libraries, library_versions
from models.registry import Registry
from models.tasks import TOXICITY


def _model() -> BaselineClassifier:
    texts = ["hay quá", "đồ ngu", "bắc kỳ chó"] * 3
    return BaselineClassifier(TOXICITY, {"min_df": 1}).fit(
        texts, ["CLEAN", "OFFENSIVE", "HATE"] * 3
    )


@pytest.fixture
def reg(tmp_path: Path) -> Registry:
    return Registry(tmp_path / "reg")


def _edit_manifest(reg: Registry, version: str, **changes: object) -> None:
    path = reg.path(version) / "manifest.json"
    data = json.loads(path.read_text("utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), "utf-8")


def test_save_records_library_versions_and_the_commit(reg: Registry) -> None:
    m = reg.save(_model(), data_fingerprint="f")
    data = json.loads((reg.path(m.version) / "manifest.json").read_text("utf-8"))
    libraries = data["libraries"]
    assert libraries["scikit-learn"] == sklearn.__version__
    assert libraries["numpy"] == np.__version__
    assert {"python", "scipy", "joblib"} <= set(libraries)
    assert "torch" not in libraries  # only a phobert version records torch/transformers
    commit = data["git_commit"]  # this checkout is a git work tree
    assert commit is None or re.fullmatch(r"[0-9a-f]{40}(-dirty)?", commit)


def test_a_phobert_version_records_torch_and_transformers() -> None:
    pytest.importorskip("transformers")
    assert {"torch", "transformers", "scikit-learn"} <= set(library_versions("phobert"))


def test_an_older_scikit_learn_is_refused_with_the_remedy(reg: Registry) -> None:
    m = reg.save(_model(), data_fingerprint="f")
    recorded = {**m.libraries, "scikit-learn": "1.4.2"}
    _edit_manifest(reg, m.version, libraries=recorded)

    with pytest.raises(RegistryError) as info:
        reg.load(m.version)
    message = info.value.message
    assert message.startswith(f"{m.version}: built with incompatible libraries")
    assert f"scikit-learn 1.4.2 recorded, {sklearn.__version__} installed" in message
    assert "major.minor differ" in message and "retrain or re-export" in message
    with pytest.raises(RegistryError, match=r"scikit-learn 1\.4\.2"):
        reg.activate(m.version)
    assert reg.active_version("toxicity") is None


def test_a_patch_release_of_scikit_learn_still_loads(reg: Registry) -> None:
    major, minor = sklearn.__version__.split(".")[:2]
    m = reg.save(_model(), data_fingerprint="f")
    _edit_manifest(reg, m.version, libraries={**m.libraries, "scikit-learn": f"{major}.{minor}.99"})
    model, _ = reg.load(m.version)
    assert model.predict_proba(["đồ ngu"]).shape == (1, 3)


def test_another_numpy_major_is_refused() -> None:
    with pytest.raises(RegistryError, match=r"v1: .*numpy 1\.26\.4 recorded, .* \(major differ\)"):
        check_libraries("v1", {"numpy": "1.26.4", "scikit-learn": sklearn.__version__})


def test_an_old_manifest_without_libraries_or_new_keys_still_loads(
    reg: Registry, caplog: pytest.LogCaptureFixture
) -> None:
    """As written before provenance and typed configs: no libraries, a since-removed key."""
    m = reg.save(_model(), data_fingerprint="f")
    path = reg.path(m.version) / "manifest.json"
    data = json.loads(path.read_text("utf-8"))
    for key in ("libraries", "git_commit"):
        del data[key]
    config = {k: v for k, v in data["config"].items() if k not in ("knn", "folds", "max_chars")}
    data["config"] = {**config, "char_accented": False}
    path.write_text(json.dumps(data), "utf-8")

    with caplog.at_level(logging.WARNING, logger="models.configs"):
        model, manifest = reg.load(m.version)

    assert manifest.libraries == {} and manifest.git_commit is None
    assert model.config["knn"] == 0 and "char_accented" not in model.config
    assert "char_accented" in caplog.text and m.version in caplog.text
