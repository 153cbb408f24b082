"""How the registry writes files: atomically, and with modes that the service's group can read.

The trainer writes the registry and the service (another user in the trainer's group, e.g.
the Docker image's uid 10001) reads it. ``tempfile`` creates 0600 files and 0700 dirs, and
``model.save`` follows the writer's umask, so every mode is set explicitly after writing:
directories ``DIR_MODE`` (setgid, so new entries inherit the directory's group), files
``FILE_MODE``. Nothing is readable by others.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DIR_MODE = 0o2750
FILE_MODE = 0o640


def make_dirs(path: Path) -> None:
    """Create ``path`` and its missing parents; only the directories created here get ``DIR_MODE``.

    Existing directories are left alone: they may belong to another user.
    """
    missing: list[Path] = []
    node = path
    while not node.exists():
        missing.append(node)
        node = node.parent
    for directory in reversed(missing):
        try:
            directory.mkdir()
        except FileExistsError:  # another writer created it first
            continue
        os.chmod(directory, DIR_MODE)


def share_tree(root: Path) -> None:
    """Give ``root`` and everything under it the registry's modes (symlinks are skipped)."""
    for dirpath, _dirnames, filenames in os.walk(root):
        os.chmod(dirpath, DIR_MODE)
        for name in filenames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fchmod(fh.fileno(), FILE_MODE)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def append_line(path: Path, line: str) -> None:
    """Append ``line`` and a newline to ``path``, creating it with ``FILE_MODE``."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        if os.fstat(fd).st_uid == os.geteuid():  # another owner's file keeps its mode
            os.fchmod(fd, FILE_MODE)
        fh.write(line + "\n")
