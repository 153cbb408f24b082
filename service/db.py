"""Engine, sessions and migrations for the feedback store, and which failures mean "down".

Every engine hides bound parameters: a failed write must never put a post, a note or a
moderator id into an exception message, and so into a log line.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"

# Any constant works; it only has to be the same in every vimod process sharing a database.
_MIGRATION_LOCK = 0x76696D6F64  # "vimod"

# SQLite errors that say the file cannot be used now, as opposed to a bug ("no such table").
_SQLITE_UNAVAILABLE = ("database is locked", "unable to open", "disk i/o error", "readonly")


def make_engine(url: str, *, connect_timeout: int = 5) -> Engine:
    """Create an engine; a SQLite file gets its folder, WAL mode and foreign keys.

    Args:
        url: SQLAlchemy URL.
        connect_timeout: seconds a new PostgreSQL connection may take (an unreachable host
            must not hang requests or start-up).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            hide_parameters=True,
            connect_args={"connect_timeout": connect_timeout},
        )
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, hide_parameters=True, connect_args={"check_same_thread": False, "timeout": 30}
    )

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if parsed.database and parsed.database != ":memory:":
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    return engine


class GuardedSession(Session):
    """A session that calls ``guard`` before it touches the database.

    The guard raises while the store is not ready, so a request that needs the store fails
    fast with a clear error, and one that never queries (classify without storing) goes on.
    """

    def __init__(self, *args: Any, guard: Callable[[], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guard = guard

    def get_bind(self, *args: Any, **kwargs: Any) -> Any:
        if self._guard is not None:
            self._guard()
        return super().get_bind(*args, **kwargs)


def session_factory(
    engine: Engine, guard: Callable[[], None] | None = None
) -> sessionmaker[Session]:
    """Sessions on ``engine``; ``guard`` (e.g. ``StoreState.check``) runs before each query."""
    return sessionmaker(engine, class_=GuardedSession, expire_on_commit=False, guard=guard)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade_database(url: str, engine: Engine | None = None) -> None:
    """Apply all migrations (idempotent). Pass ``engine`` to reuse an in-memory database.

    On PostgreSQL the upgrade holds a transaction-scoped advisory lock, so workers starting
    together migrate one after another; the lock goes with the transaction even if the
    connection dies, which a session-level ``pg_advisory_lock`` would not promise as cleanly.
    """
    cfg = alembic_config(url)
    own = engine is None
    db = engine if engine is not None else make_engine(url)
    try:
        with db.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        if own:
            db.dispose()


def is_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` means the store cannot be used right now (so: 503, retry later)."""
    if isinstance(exc, sa_exc.DisconnectionError | sa_exc.TimeoutError):
        return True
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return True
    orig = exc.orig if isinstance(exc, sa_exc.DBAPIError) else exc
    if isinstance(orig, sqlite3.Error):
        message = str(orig).lower()
        return isinstance(orig, sqlite3.OperationalError) and any(
            m in message for m in _SQLITE_UNAVAILABLE
        )
    unavailable = (
        sa_exc.OperationalError,
        sa_exc.InterfaceError,
        psycopg.OperationalError,
        psycopg.InterfaceError,
    )
    return isinstance(exc, unavailable) or isinstance(orig, unavailable)


def error_code(exc: BaseException) -> str | None:
    """PostgreSQL's SQLSTATE (or SQLite's error name) of ``exc``, when the driver gives one."""
    orig = exc.orig if isinstance(exc, sa_exc.DBAPIError) else exc
    code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    return str(code) if code else None
