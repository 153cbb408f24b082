"""How a baseline version's fitted state is stored: skops, with an explicit allow-list.

A pickle runs whatever code its bytes name when it is loaded, so anyone who can write a
registry file could run code in the service. ``skops.io`` stores the same objects as a
zip of JSON and ``.npy`` arrays (``allow_pickle=False``) and, when loading, refuses any
type that is neither one of its defaults (builtins, numpy, scikit-learn estimators) nor in
the list passed to it. ``TRUSTED_TYPES`` is that list for a baseline: vimod's own
neighbour and fusion classes, the accent-stripping preprocessor, scipy's CSR matrix and
scikit-learn's tree predictor. A file naming anything else is refused with a
``RegistryError`` before any of it is built.

skops writes a dict entry per node, which made a TF-IDF vocabulary (tens of thousands of
``term -> column`` entries) cost seconds to load and minutes to save; so are the compound
lexicon's tuples. Both are stored instead as one UTF-8 byte array plus offsets and rebuilt
after loading (``_pack``/``_unpack``), which keeps loading as fast as the pickle was.

Trusting a type lets a file build it, not vouch for its contents. Two trusted types hold
indices that compiled code follows: scikit-learn's ``TreePredictor`` (skops leaves it out
of its defaults for that reason), which vimod never runs (the fusion predicts through
``models.forest.FlatForest``, plain numpy indexing, which is bounds-checked), and the
neighbour index's CSR matrix, which ``read_state`` checks in full before use.

Importing ``skops.io`` lists every scikit-learn estimator by walking all of scikit-learn's
packages, which imports torch through scikit-learn's array-API shim whenever torch is
installed: 200 MB and seconds more for a process that only serves baselines.
``_skops_io`` hides that one shim during the import (vimod never uses scikit-learn's
array-API dispatch), which keeps the invariant that serving a baseline never imports
torch.

Versions saved as ``baseline.joblib`` (before this module) are refused with a message
that says how to replace them; no pickle is ever loaded.
"""

from __future__ import annotations

import copy
import itertools
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from models.errors import RegistryError
from models.lexicon import CompoundLexicon
from models.metadata import MetadataFusion
from models.neighbors import NeighbourVotes

MODEL_FILE = "baseline.skops"
LEGACY_FILE = "baseline.joblib"  # a pickle, written before skops; never loaded


def _type_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


TRUSTED_TYPES = [
    _type_name(NeighbourVotes),
    _type_name(MetadataFusion),
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",  # the fusion's trees
    _type_name(sparse.csr_matrix),
    "models.baseline._accent_blind",  # the accent-blind vectorizer's preprocessor
]
_TORCH_SHIM = "sklearn.externals.array_api_compat.torch"


@cache
def _skops_io() -> ModuleType:
    """``skops.io``, imported without importing torch (see the module docstring)."""
    hide = _TORCH_SHIM not in sys.modules
    if hide:
        sys.modules[_TORCH_SHIM] = None  # type: ignore[assignment]  # "absent" to importers
    try:
        import skops.io
    finally:
        if hide:
            del sys.modules[_TORCH_SHIM]
    return skops.io


def write_state(state: dict[str, Any], path: Path) -> None:
    """Write a baseline's fitted objects (``features``, ``model``, ...) to ``path``."""
    _skops_io().dump(_portable(state), path)


def read_state(directory: Path) -> dict[str, Any]:
    """Load what ``write_state`` wrote into ``directory``, trusting only ``TRUSTED_TYPES``."""
    sio = _skops_io()
    from skops.io.exceptions import UntrustedTypesFoundException

    path = directory / MODEL_FILE
    if not path.is_file() and (directory / LEGACY_FILE).is_file():
        raise RegistryError(
            f"{directory.name}: saved as a pickle ({LEGACY_FILE}) by an older vimod; pickles "
            "are no longer loaded because a tampered one runs code. Retrain it with `vimod "
            "train` (an empty task is given a fresh default model at `vimod serve`)"
        )
    try:
        loaded = sio.load(path, trusted=TRUSTED_TYPES)
    except UntrustedTypesFoundException as exc:
        raise RegistryError(
            f"{directory.name}: {MODEL_FILE} names types vimod does not trust, refused "
            f"unloaded (tampered or foreign file?): {exc}"
        ) from None
    if not isinstance(loaded, dict):
        raise RegistryError(f"{directory.name}: {MODEL_FILE} holds no baseline state")
    neighbours = loaded.get("neighbours")
    if neighbours is not None:  # indices out of bounds would be read by compiled code
        _check_matrix(directory.name, getattr(neighbours, "_x", None))
    return _restored(loaded)


def _check_matrix(version: str, matrix: object) -> None:
    if not isinstance(matrix, sparse.csr_matrix):
        raise RegistryError(f"{version}: the neighbour index is not a CSR matrix")
    try:
        matrix.check_format(full_check=True)
    except ValueError as exc:
        raise RegistryError(f"{version}: the neighbour index is malformed: {exc}") from None


def _portable(state: dict[str, Any]) -> dict[str, Any]:
    """``state`` with vocabularies and the lexicon packed into arrays (see the docstring)."""
    out = dict(state)
    features: FeatureUnion | None = state.get("features")
    if features is not None:
        features = copy.copy(features)
        parts, vocabularies = [], {}
        for name, vectorizer in features.transformer_list:
            bare = copy.copy(vectorizer)
            vocabulary: dict[str, int] = bare.__dict__.pop("vocabulary_")
            vocabularies[name] = _pack(sorted(vocabulary, key=vocabulary.__getitem__))
            parts.append((name, bare))
        features.transformer_list = parts
        out["features"], out["vocabularies"] = features, vocabularies
    context: TfidfVectorizer | None = state.get("context_features")
    if context is not None:  # the context block (``models.baseline``), packed the same way
        bare = copy.copy(context)
        vocabulary = bare.__dict__.pop("vocabulary_")
        out["context_features"] = bare
        out["context_vocabulary"] = _pack(sorted(vocabulary, key=vocabulary.__getitem__))
    lexicon: CompoundLexicon | None = state.get("lexicon")
    if lexicon is not None:
        out["lexicon"] = _pack(sorted(" ".join(c) for c in lexicon.compounds))
    return out


def _restored(state: dict[str, Any]) -> dict[str, Any]:
    """Undo ``_portable``: vocabularies back into the vectorizers, the lexicon rebuilt."""
    out = dict(state)
    vocabularies = out.pop("vocabularies", {})
    features = out.get("features")
    if features is not None:
        for name, vectorizer in features.transformer_list:
            terms = _unpack(*vocabularies[name])
            vectorizer.vocabulary_ = {term: i for i, term in enumerate(terms)}
    context_vocabulary = out.pop("context_vocabulary", None)
    if out.get("context_features") is not None and context_vocabulary is not None:
        terms = _unpack(*context_vocabulary)
        out["context_features"].vocabulary_ = {term: i for i, term in enumerate(terms)}
    if out.get("lexicon") is not None:
        out["lexicon"] = CompoundLexicon(tuple(c.split(" ")) for c in _unpack(*out["lexicon"]))
    return out


def _pack(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Strings as one UTF-8 byte array and the ``len + 1`` offsets that cut it."""
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8).copy(), offsets


def _unpack(data: np.ndarray, offsets: np.ndarray) -> list[str]:
    raw = np.asarray(data, dtype=np.uint8).tobytes()
    bounds = np.asarray(offsets, dtype=np.int64).tolist()
    return [raw[a:b].decode("utf-8") for a, b in itertools.pairwise(bounds)]
