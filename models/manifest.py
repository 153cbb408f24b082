"""A version's ``manifest.json``: what the version is, how it was built and how it scored.

Besides kind, labels, config, data fingerprint and metrics, a manifest records what built
the version (``libraries``, ``git_commit``: see ``models.provenance``). Fields added
later have defaults, so older manifests still read; keys this code does not know are
ignored, so a newer vimod's extra fields never break an older reader of the same schema.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from models._files import atomic_write
from models.errors import NotFoundError, RegistryError
from models.tasks import REGISTRY_TASKS

MANIFEST = "manifest.json"
SCHEMA = 1
CODE_VERSION = "0.1.0"
# what ``Registry.save`` names a version: <date>-<time>-<kind>-<hex>
VERSION_PATTERN = re.compile(r"\d{8}-\d{6}-[a-z][a-z0-9_]{0,31}-[0-9a-f]{4,16}")


@dataclass
class Manifest:
    """Self-description of a registered version."""

    version: str
    task: str
    kind: str
    labels: list[str]
    config: dict[str, Any]
    data_fingerprint: str
    created_at: str
    code_version: str = CODE_VERSION
    schema: int = SCHEMA
    thresholds: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    training: dict[str, Any] = field(default_factory=dict)
    libraries: dict[str, str] = field(default_factory=dict)  # python and library versions
    git_commit: str | None = None  # of the vimod checkout that trained it, if any

    @classmethod
    def read(cls, directory: Path) -> Manifest:
        """Parse ``directory/manifest.json``, raising ``RegistryError`` when it is unusable."""
        path = directory / MANIFEST
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise RegistryError(f"{directory.name}: no {MANIFEST}") from None
        except (OSError, json.JSONDecodeError) as exc:
            raise RegistryError(f"{directory.name}: unreadable {MANIFEST}: {exc}") from None
        if not isinstance(data, dict):
            raise RegistryError(f"{directory.name}: {MANIFEST} is not an object")
        missing = {"version", "task", "kind", "labels", "config"} - set(data)
        if missing:
            raise RegistryError(f"{directory.name}: manifest lacks {', '.join(sorted(missing))}")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known.setdefault("data_fingerprint", "")
        known.setdefault("created_at", "")
        return cls(**known)

    def write(self, directory: Path) -> None:
        atomic_write(directory / MANIFEST, json.dumps(asdict(self), indent=2, ensure_ascii=False))


def check_version_id(version: str) -> str:
    """Return ``version`` if it is a well-formed id, else raise ``NotFoundError``."""
    if not isinstance(version, str) or not VERSION_PATTERN.fullmatch(version):
        raise NotFoundError(f"invalid model version {version!r}")
    return version


def check_compatible(manifest: Manifest) -> None:
    """Refuse a manifest this code cannot serve (future schema, unknown task, wrong labels)."""
    if manifest.schema > SCHEMA:
        raise RegistryError(
            f"{manifest.version}: manifest schema {manifest.schema} is newer than supported "
            f"({SCHEMA}); upgrade vimod"
        )
    task = REGISTRY_TASKS.get(manifest.task)
    if task is None:
        raise RegistryError(f"{manifest.version}: unknown task {manifest.task!r}")
    if tuple(manifest.labels) != task.labels:
        raise RegistryError(
            f"{manifest.version}: labels {manifest.labels} do not match task "
            f"{task.name!r} {list(task.labels)}"
        )
