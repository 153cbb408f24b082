"""What the web UI keeps on ``app.state.ui``: templates, strings, the session codec.

Built by ``install_ui`` when the app is created (small files, read once); the session
secret is read or generated on first use, so creating an app writes nothing.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from service.config import Settings
from service.ui.i18n import load_catalogs
from service.ui.secret import session_secret
from service.ui.sessions import SessionCodec

HERE = Path(__file__).parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"


def _static_version() -> str:
    """A digest of the static files: their URLs change whenever a file does (cache busting)."""
    digest = hashlib.sha256()
    for path in sorted(STATIC.iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class UiState:
    settings: Settings
    templates: Environment
    catalogs: dict[str, dict[str, str]]
    static_version: str
    _codec: SessionCodec | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def codec(self) -> SessionCodec:
        if self._codec is None:
            with self._lock:
                if self._codec is None:
                    secret = session_secret(self.settings)
                    self._codec = SessionCodec(secret, self.settings.ui_session_seconds)
        return self._codec


def build_state(settings: Settings) -> UiState:
    templates = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "svg"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return UiState(settings, templates, load_catalogs(), _static_version())


def ui_state(request: Request) -> UiState:
    return request.app.state.ui  # type: ignore[no-any-return]
