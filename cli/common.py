"""Helpers shared by the CLI commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from models.errors import InputError, VimodError
from models.registry import Registry
from service.config import Settings
from training.datasets import DataContext, Example, load_dataset

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

console = Console(stderr=True)


def settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        console.print(f"[red]invalid VIMOD_* setting:[/] {exc}")
        raise typer.Exit(2) from None


def registry(cfg: Settings) -> Registry:
    return Registry(cfg.registry_dir)


def run_guarded(func: Callable[[], Any]) -> None:
    """Run a command body; domain errors become a one-line message and exit code 1."""
    try:
        func()
    except VimodError as exc:
        # The message quotes user input: printed as text, not markup ("[/x]" crashed rich),
        # and on one line whatever the width (rich wrapped at 80 columns when piped).
        console.print(f"[red]error ({exc.error_type}):[/] {escape(exc.message)}", soft_wrap=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]")
        sys.exit(130)


def parse_overrides(items: Sequence[str]) -> dict[str, Any]:
    """``["C=2", "text.segment=true"]`` → ``{"C": 2, "text": {"segment": True}}``.

    Values are JSON (``2``, ``true``, ``null``, ``[1,3]``); anything else is a string, which
    the kind's typed config then accepts or refuses. Keys are checked there too
    (``models.configs``): this only shapes them.
    """
    out: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        *parents, leaf = key.strip().split(".")
        if not sep or not all([*parents, leaf]):
            raise InputError(
                f"--set wants KEY=VALUE (KEY may be dotted: text.segment), got {item!r}"
            )
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        node = out
        for depth, part in enumerate(parents):
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise InputError(
                    f"--set {item!r} conflicts with --set {'.'.join(parents[: depth + 1])}=..."
                )
        if isinstance(node.get(leaf), dict):
            raise InputError(f"--set {item!r} conflicts with --set {key.strip()}.*=...")
        node[leaf] = value
    return out


def load_many(specs: Sequence[str], context: DataContext) -> list[Example]:
    examples: list[Example] = []
    for spec in specs:
        examples.extend(load_dataset(spec, context))
    return examples


@contextmanager
def store_session(cfg: Settings) -> Iterator[Session]:
    """A session on the migrated store of ``cfg`` (the engine is disposed afterwards)."""
    from service.db import make_engine, session_factory, upgrade_database

    upgrade_database(cfg.database_url)
    engine = make_engine(cfg.database_url)
    try:
        with session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()
