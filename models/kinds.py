"""The explicit table of model kinds. Adding a kind means adding one line here.

Loaders import their implementation lazily so that serving a baseline never imports torch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.base import Classifier
from models.errors import RegistryError
from models.lazy import resolve
from models.span_contract import SpanTagger
from models.tasks import Task

Loader = Callable[[Path, Task, dict[str, Any], dict[str, Any]], Classifier]
SpanLoader = Callable[[Path, dict[str, Any], dict[str, Any]], SpanTagger]

# kind -> "module:function" taking (directory, task, manifest config, runtime options)
KINDS: dict[str, str] = {
    "baseline": "models.baseline:load",
    "phobert": "models.phobert:load",
}

# Span kinds (``models.span_contract.SpanTagger``): "module:function" taking (directory,
# manifest config, runtime options).
SPAN_KINDS: dict[str, str] = {
    "span_crf": "models.span_crf:load",
    "phobert_spans": "models.phobert_spans:load",
}


def load_classifier(
    kind: str, directory: Path, task: Task, config: dict[str, Any], options: dict[str, Any]
) -> Classifier:
    """Load a model of ``kind`` from ``directory``; unknown kinds raise ``RegistryError``."""
    target = KINDS.get(kind)
    if target is None:
        raise RegistryError(f"unknown model kind {kind!r}; known: {', '.join(KINDS)}")
    try:
        loader: Loader = resolve(target)
    except ImportError as exc:
        raise RegistryError(
            f"model kind {kind!r} needs extra packages ({exc.name}); install vimod[phobert]"
        ) from exc
    return loader(directory, task, config, options)


def load_span_tagger(
    kind: str, directory: Path, config: dict[str, Any], options: dict[str, Any]
) -> SpanTagger:
    """Load a span model of ``kind`` from ``directory``; unknown kinds raise ``RegistryError``."""
    target = SPAN_KINDS.get(kind)
    if target is None:
        raise RegistryError(f"unknown span model kind {kind!r}; known: {', '.join(SPAN_KINDS)}")
    try:
        loader: SpanLoader = resolve(target)
    except ImportError as exc:
        raise RegistryError(f"span model kind {kind!r} needs extra packages ({exc.name})") from exc
    return loader(directory, config, options)
