"""Fixtures of the service tests, on top of the shared ones in ``tests/conftest.py``.

Starting an app loads both seed models (about a second), so tests that neither change the
registry nor count stored rows share one SQLite-backed client per worker (``shared_api``);
they compare metrics before and after rather than absolute values.
Tests that touch the store use ``client`` (SQLite, then PostgreSQL); tests that change the
registry use ``api`` or build their own app with ``make_settings``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.registry import Registry
from service.config import Settings
from tests.apiclient import serve

# The limits of the shared ``settings`` fixture (tests/conftest.py), for apps built here.
LIMITS: dict[str, Any] = {
    "max_client_batch_size": 8,
    "max_input_chars": 500,
    "payload_limit": 20_000,
    "max_page_size": 5,
}


@pytest.fixture
def make_settings(tmp_path: Path, registry_dir: Path) -> Callable[..., Settings]:
    """``Settings`` on a private SQLite file and registry copy, with the test limits.

    Keyword arguments override any field (e.g. ``max_queue_chars=1000``, ``registry_dir=...``).
    """

    def build(**overrides: Any) -> Settings:
        fields: dict[str, Any] = {
            "database_url": f"sqlite:///{tmp_path / 'custom.db'}",
            "registry_dir": registry_dir,
            "secrets_dir": tmp_path / "secrets",
            **LIMITS,
        }
        return Settings(**{**fields, **overrides})

    return build


@pytest.fixture(scope="session")
def shared_api(
    seed_registry: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """One SQLite-backed client for the session; its tests must not change shared state."""
    folder = tmp_path_factory.mktemp("shared-api")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'api.db'}",
        registry_dir=seed_registry,
        secrets_dir=folder / "secrets",
        **LIMITS,
    )
    with serve(settings) as c:
        yield c


@pytest.fixture(scope="session")
def seed_versions(seed_registry: Path) -> dict[str, str]:
    """task → active version of the seed registry (what every fresh app serves)."""
    registry = Registry(seed_registry)
    versions = {t: registry.active_version(t) for t in ("toxicity", "misinformation")}
    assert all(versions.values()), f"seed registry lacks an active version: {versions}"
    return {t: v for t, v in versions.items() if v is not None}
