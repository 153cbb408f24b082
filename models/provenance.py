"""What a version was built with, and the check that refuses incompatible libraries.

``Registry.save`` records the Python and library versions (``libraries``) and the git
commit of the vimod checkout (``git_commit``, ``-dirty`` when tracked files had changes;
``None`` outside a git checkout, e.g. an installed wheel or the Docker image).

Before loading a version, ``check_libraries`` compares what it recorded with what is
installed. Pickled scikit-learn objects are only guaranteed to load and behave the same
under the scikit-learn release that wrote them, so a different major.minor is refused,
as is a different numpy major (its binary formats and scalar types change there). The
refusal is a ``RegistryError`` naming the version, both versions and the remedy, instead
of an ``AttributeError`` from deep inside scikit-learn. Versions saved before these
fields existed record no libraries and are not checked.
"""

from __future__ import annotations

import platform
import re
import subprocess
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from models.errors import RegistryError

# recorded for every kind; a kind's extras are added when it is the one being saved
LIBRARIES = ("numpy", "scipy", "scikit-learn", "joblib", "skops")
KIND_LIBRARIES = {"phobert": ("torch", "transformers", "tokenizers", "onnxruntime")}
# library -> leading release numbers that must equal the installed ones
MUST_MATCH = {"scikit-learn": 2, "numpy": 1}
_PARTS = {1: "major", 2: "major.minor"}
_RELEASE = re.compile(r"(\d+)(?:\.(\d+))?")


def installed_version(name: str) -> str | None:
    """The installed version of distribution ``name``, or ``None`` when it is absent."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def library_versions(kind: str) -> dict[str, str]:
    """``{"python": ..., "numpy": ..., ...}`` for the libraries a ``kind`` version uses."""
    out = {"python": platform.python_version()}
    for name in (*LIBRARIES, *KIND_LIBRARIES.get(kind, ())):
        version = installed_version(name)
        if version is not None:
            out[name] = version
    return out


def git_commit() -> str | None:
    """HEAD of the checkout this code runs from (``-dirty`` if tracked files changed)."""
    root = Path(__file__).resolve().parents[1]
    if not (root / ".git").exists():
        return None
    try:
        head = _git(root, "rev-parse", "HEAD")
        dirty = _git(root, "status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{head}-dirty" if dirty else head


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10, check=True
    )
    return done.stdout.strip()


def _release(version: str) -> tuple[int, ...]:
    match = _RELEASE.match(version)
    if match is None:
        return ()
    return tuple(int(part) for part in match.groups() if part is not None)


def check_libraries(version: str, recorded: Mapping[str, str]) -> None:
    """Raise ``RegistryError`` when ``recorded`` libraries differ where they must match."""
    problems = []
    for name, parts in MUST_MATCH.items():
        built, installed = recorded.get(name), installed_version(name)
        if built is None or installed is None:
            continue
        if _release(built)[:parts] != _release(installed)[:parts]:
            problems.append(
                f"{name} {built} recorded, {installed} installed ({_PARTS[parts]} differ)"
            )
    if problems:
        raise RegistryError(
            f"{version}: built with incompatible libraries: {'; '.join(problems)}; "
            "retrain or re-export it with the installed libraries "
            "(or serve it from an environment that has the recorded ones)"
        )
