"""The key that signs web UI sessions: a setting, or generated once into ``secrets_dir``.

Generated like the first admin key (``service/first_key.py``): a 0600 file beside it, so a
restart keeps everyone signed in. The file is created exclusively, so workers starting
together agree on one secret: the losers of the race read the winner's file.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from service.config import Settings

SECRET_FILE = "ui-session.secret"
_MIN_LENGTH = 32


def session_secret(settings: Settings) -> str:
    """``ui_secret`` when set, else the contents of ``secrets_dir/ui-session.secret``."""
    if settings.ui_secret is not None:
        return settings.ui_secret.get_secret_value()
    return _read_or_create(settings.secrets_dir / SECRET_FILE)


def _read_or_create(path: Path) -> str:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_existing(path)
    value = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return value


def _read_existing(path: Path) -> str:
    """The file's secret; waits briefly while another process is still writing it."""
    for _ in range(50):
        value = path.read_text("utf-8").strip()
        if len(value) >= _MIN_LENGTH:
            return value
        time.sleep(0.02)
    raise RuntimeError(f"{path} holds no usable secret; delete it to have a new one made")
