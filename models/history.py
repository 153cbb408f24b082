"""``history.jsonl``: the log of a task's activations, and the chain that rollback walks.

One JSON object a line: ``at``, ``version``, ``previous`` and ``action`` (``activate`` or
``rollback``). Entries written before ``action`` existed lack it and count as activations.

Newer entries also say how the activation was allowed: ``gated`` (``true`` when the
version's manifest held a passed promotion gate against ``previous``, ``false`` for a
rollback or a direct library call), and for an override ``forced: true`` with the
``reason`` given and ``by`` (who asked). Readers treat every one of these keys as optional.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models._files import append_line
from models.errors import RegistryError

log = logging.getLogger(__name__)

HISTORY = "history.jsonl"


def record_activation(
    path: Path,
    *,
    version: str,
    previous: str | None,
    action: str,
    gated: bool | None = None,
    forced: bool = False,
    reason: str | None = None,
    by: str | None = None,
) -> None:
    """Append one entry: ``version`` replaced ``previous`` by ``action``.

    Args:
        path: the task's ``history.jsonl``.
        version: the version now active.
        previous: the version it replaced (``None`` for a task's first activation).
        action: ``activate`` or ``rollback``.
        gated: whether a passed promotion gate allowed it (omitted when unknown).
        forced: the gate was overridden; ``reason`` says why.
        reason: why it was forced (recorded only then).
        by: who asked (a key's subject, or the local user of the CLI).
    """
    entry: dict[str, Any] = {
        "at": datetime.now(UTC).isoformat(),
        "version": version,
        "previous": previous,
        "action": action,
    }
    if gated is not None:
        entry["gated"] = gated
    if forced:
        entry["forced"] = True
        entry["reason"] = reason
    if by is not None:
        entry["by"] = by
    append_line(path, json.dumps(entry, ensure_ascii=False))


def read_history(path: Path) -> list[dict[str, Any]]:
    """The entries of ``path``, oldest first; lines that are not entries are logged and skipped."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise RegistryError(f"cannot read {path}: {exc}") from None
    entries: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            entry = None
        if isinstance(entry, dict) and isinstance(entry.get("version"), str):
            entries.append(entry)
        else:
            log.warning("%s line %d is not an activation entry; skipped", path, number)
    return entries


def activation_stack(entries: list[dict[str, Any]]) -> list[str]:
    """Replay ``entries`` into the chain of versions that rollback walks back along.

    An activation pushes its version; a rollback to ``v`` pops back down to the latest ``v``.
    """
    stack: list[str] = []
    for entry in entries:
        version = entry["version"]
        if entry.get("action", "activate") == "rollback" and version in stack:
            del stack[len(stack) - stack[::-1].index(version) :]
            continue
        if not stack and isinstance(entry.get("previous"), str):
            stack.append(entry["previous"])  # what was active before the log began
        if not stack or stack[-1] != version:
            stack.append(version)
    return stack
