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
from models.tasks import Task

Loader = Callable[[Path, Task, dict[str, Any], dict[str, Any]], Classifier]

# kind -> "module:function" taking (directory, task, manifest config, runtime options)
KINDS: dict[str, str] = {
    "baseline": "models.baseline:load",
    "phobert": "models.phobert:load",
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
