"""How configs are shown to people: the key listing and one-line validation errors.

Kept apart from ``models.configs`` (the config models and how they are built) so each stays
small; ``models.configs`` re-exports ``describe`` and ``known_keys``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

if TYPE_CHECKING:
    from models.configs import KindConfig


def known_keys(cls: type[KindConfig]) -> list[str]:
    """Every settable key of ``cls``, nested ones dotted (``text.segment``)."""
    return [key for key, _, _ in describe(cls)]


def describe(cls: type[KindConfig]) -> list[tuple[str, Any, str]]:
    """``(dotted key, default, description)`` for every key of ``cls``, sorted."""
    schema = cls.model_json_schema()
    defaults = dict(_flatten(cls().to_dict()))
    rows = []
    for key, description in _descriptions(schema["properties"], schema.get("$defs", {}), ""):
        rows.append((key, defaults.get(key), description))
    return sorted(rows, key=lambda row: row[0].lower())


def explain(cls: type[KindConfig], exc: ValidationError) -> str:
    """A pydantic error as one line: unknown keys with the known ones, or bad values."""
    unknown: list[str] = []
    problems: list[str] = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"])
        if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            unknown.append(key)
        elif key:
            problems.append(f"{key}={error.get('input')!r}: {_message(error['msg'])}")
        else:
            problems.append(_message(error["msg"]))
    parts = []
    if unknown:
        known = known_keys(cls)
        hints = [h for k in unknown for h in difflib.get_close_matches(k, known, n=1)]
        hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
        parts.append(
            f"unknown {cls.kind} config key{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(unknown)}{hint}; known keys: {', '.join(known)}"
        )
    if problems:
        parts.append(f"bad {cls.kind} config value: {'; '.join(problems)}")
    return "; ".join(parts)


def _message(msg: str) -> str:
    return msg.removeprefix("Value error, ")


def _flatten(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _descriptions(
    properties: Mapping[str, Any], defs: Mapping[str, Any], prefix: str
) -> Iterator[tuple[str, str]]:
    for name, prop in properties.items():
        ref = prop.get("$ref")
        if ref:
            nested = defs[ref.rsplit("/", 1)[-1]]["properties"]
            yield from _descriptions(nested, defs, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", prop.get("description", "")
