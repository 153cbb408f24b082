"""Glue between settings and ``training.bootstrap``."""

from __future__ import annotations

from rich.console import Console

from models.registry import Registry
from service.config import Settings
from training.bootstrap import ensure_default_models as _ensure


def ensure_default_models(cfg: Settings) -> None:
    for manifest in _ensure(Registry(cfg.registry_dir), cfg.tasks, cfg.data_dir):
        Console(stderr=True).print(
            f"built default {manifest.task} model [bold]{manifest.version}[/] from the seed corpus"
        )
