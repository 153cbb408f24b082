"""Resolve ``"module:attribute"`` targets lazily, so optional kinds cost nothing until used."""

from __future__ import annotations

import importlib
from typing import Any


def resolve(target: str) -> Any:
    """Import ``module`` and return its ``attribute``; ``ImportError`` propagates to the caller."""
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)
