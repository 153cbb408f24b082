"""Shared fixtures: a tiny trained registry, settings, app clients and both databases.

Real-data and PostgreSQL tests skip when their resource is absent (a user's fresh clone);
CI sets VIMOD_REQUIRE_DATA=1 and VIMOD_REQUIRE_POSTGRES=1 so that absence fails instead.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from models.registry import Registry
from service.config import Settings
from service.db import make_engine, upgrade_database
from tests.apiclient import serve
from training.bootstrap import ensure_default_models

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("VIMOD_TEST_DATA_DIR", ROOT.parent / "shared" / "data"))
POSTGRES_URL = os.environ.get(
    "VIMOD_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _require(flag: str) -> bool:
    return os.environ.get(flag, "") not in ("", "0", "false")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """``../shared/data``; skips (or fails in CI) when it is absent."""
    if not (DATA_DIR / "vihsd" / "train.csv").is_file():
        if _require("VIMOD_REQUIRE_DATA"):
            pytest.fail(f"VIMOD_REQUIRE_DATA is set but {DATA_DIR} has no datasets")
        pytest.skip(f"real data not present at {DATA_DIR}")
    return DATA_DIR


@pytest.fixture(scope="session")
def seed_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A registry with seed baselines for both tasks, trained once per session."""
    root = tmp_path_factory.mktemp("seed-registry")
    ensure_default_models(Registry(root), ["toxicity", "misinformation"], DATA_DIR)
    return root


@pytest.fixture
def registry_dir(seed_registry: Path, tmp_path: Path) -> Path:
    """A private copy of the seed registry that a test may change."""
    target = tmp_path / "registry"
    shutil.copytree(seed_registry, target)
    return target


@pytest.fixture
def registry(registry_dir: Path) -> Registry:
    return Registry(registry_dir)


def _postgres_engine() -> tuple[Engine, str]:
    """An engine bound to a fresh schema of the test database, and that schema's name."""
    schema = f"vimod_test_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        admin.dispose()
        if _require("VIMOD_REQUIRE_POSTGRES"):
            pytest.fail(f"VIMOD_REQUIRE_POSTGRES is set but PostgreSQL is unreachable: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    admin.dispose()
    sep = "&" if "?" in POSTGRES_URL else "?"
    return make_engine(f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"), schema


def _drop_schema(schema: str) -> None:
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    """(url, engine) of a migrated, empty store: a SQLite file, then real PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
        engine = make_engine(url)
        upgrade_database(url, engine)
        yield url, engine
        engine.dispose()
        return
    engine, schema = _postgres_engine()
    url = engine.url.render_as_string(hide_password=False)
    upgrade_database(url, engine)
    yield url, engine
    engine.dispose()
    _drop_schema(schema)


def _settings(database_url: str, registry_dir: Path) -> Settings:
    return Settings(
        database_url=database_url,
        registry_dir=registry_dir,
        secrets_dir=registry_dir.parent / "secrets",
        data_dir=DATA_DIR,
        max_client_batch_size=8,
        max_input_chars=500,
        payload_limit=20_000,
        max_page_size=5,
    )


@pytest.fixture
def settings(registry_dir: Path, db: tuple[str, Engine]) -> Settings:
    return _settings(db[0], registry_dir)


@pytest.fixture
def sqlite_settings(registry_dir: Path, tmp_path: Path) -> Settings:
    """Settings for tests that do not care which database backs the store."""
    return _settings(f"sqlite:///{tmp_path / 'api.db'}", registry_dir)


@pytest.fixture
def client(settings: Settings, db: tuple[str, Engine]) -> Iterator[TestClient]:
    """An API client over both store backends."""
    with serve(settings, engine=db[1]) as c:
        yield c


@pytest.fixture
def api(sqlite_settings: Settings) -> Iterator[TestClient]:
    """An API client on SQLite only (for tests that exercise models, not the store)."""
    with serve(sqlite_settings) as c:
        yield c
