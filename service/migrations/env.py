"""Alembic environment: runs on a passed-in connection (tests) or the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from service.review import tables as _review_tables  # noqa: F401  (their metadata)
from service.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "", hide_parameters=True)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()
