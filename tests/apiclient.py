"""Test clients that authenticate like a real caller: with the first admin key.

Every app started on an empty store writes its bootstrap admin key to
``settings.secrets_dir/admin.key``; tests read it from there, so they exercise the same path
a newcomer's ``make serve`` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings


def admin_key(settings: Settings) -> str:
    return (settings.secrets_dir / "admin.key").read_text("utf-8").strip()


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@contextmanager
def serve(settings: Settings, **kwargs: Any) -> Iterator[TestClient]:
    """A started app whose client sends the bootstrap admin key with every request."""
    with TestClient(create_app(settings, **kwargs)) as client:
        if not settings.auth_disabled:
            client.headers.update(bearer(admin_key(settings)))
        yield client
