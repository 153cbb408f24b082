"""``changes.jsonl`` at the registry root: every activation and rollback, for integrators.

Unlike a task's ``history.jsonl`` (what rollback walks), this log is written for the people
whose flag rates move when a version changes: one JSON object a line with ``at``, ``task``,
``version``, ``previous``, ``action`` (``activate`` or ``rollback``), ``by`` (a key's subject
id or ``cli:<user>``, never a name), ``reason`` (the note given, or ``null``) and
``metrics_delta``: for each evaluation set both versions were measured on (e.g.
``vihsd:test``), the new version's number minus the previous one's, per metric.

It lives in the registry directory so every worker and replica reads the same log without
a database; lines are appended in one ``write`` each, so readers never see half an entry.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models._files import append_line
from models.errors import RegistryError

log = logging.getLogger(__name__)

CHANGES = "changes.jsonl"
_NOT_DELTAS = {"n", "thresholds"}  # counts and settings, not scores


def metrics_delta(new: Mapping[str, Any], old: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """Per evaluation set both manifests hold, new minus old for every numeric metric."""
    delta: dict[str, dict[str, float]] = {}
    for spec in sorted(set(new) & set(old)):
        a, b = new[spec], old[spec]
        if not isinstance(a, Mapping) or not isinstance(b, Mapping):
            continue
        diffs = {
            key: round(float(a[key]) - float(b[key]), 6)
            for key in sorted(set(a) & set(b) - _NOT_DELTAS)
            if _number(a[key]) and _number(b[key])
        }
        if diffs:
            delta[spec] = diffs
    return delta


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def record_change(root: Path, entry: Mapping[str, Any]) -> dict[str, Any]:
    """Append ``entry`` stamped with the time; returns what was written."""
    written = {"at": datetime.now(UTC).isoformat(timespec="microseconds"), **entry}
    append_line(root / CHANGES, json.dumps(written, ensure_ascii=False))
    return written


def read_changes(
    root: Path, *, task: str | None = None, since: datetime | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """The newest ``limit`` entries (newest first), of ``task`` and after ``since`` if given."""
    try:
        lines = (root / CHANGES).read_text("utf-8").splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise RegistryError(f"cannot read the changelog: {exc}") from None
    out: list[dict[str, Any]] = []
    for line in reversed(lines):
        if len(out) >= limit:
            break
        entry = _parse(line)
        if entry is None or (task is not None and entry.get("task") != task):
            continue
        if since is not None and _when(entry) <= since:
            continue
        out.append(entry)
    return out


def _parse(line: str) -> dict[str, Any] | None:
    try:
        entry = json.loads(line)
    except json.JSONDecodeError:
        entry = None
    if isinstance(entry, dict) and isinstance(entry.get("version"), str) and "at" in entry:
        return entry
    if line.strip():
        log.warning("a changelog line is not an entry; skipped")
    return None


def _when(entry: Mapping[str, Any]) -> datetime:
    try:
        when = datetime.fromisoformat(str(entry["at"]))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)
