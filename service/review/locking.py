"""Write transactions that stay correct when many moderators work at once.

PostgreSQL locks rows (``FOR UPDATE``; claims add ``SKIP LOCKED`` so moderators never wait for
each other's picks). SQLite has no row locks: a transaction that reads and then writes must
start with ``BEGIN IMMEDIATE``, which takes the database's write lock at once (waiting up to
the connection's busy timeout), so two claims cannot read the same open slot. A deferred
transaction would instead fail with "database is locked" when it tries to upgrade.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from service.review.tables import ReviewCounter


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def begin_write(session: Session) -> None:
    """Start a write transaction (ends a read-only one the session may have open)."""
    if session.in_transaction():
        session.commit()
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def locked(session: Session, query: Select[Any], *, skip: bool = False) -> Select[Any]:
    """``query`` with row locks on PostgreSQL (SQLite is already serialised by ``begin_write``)."""
    if dialect(session) == "postgresql":
        return query.with_for_update(skip_locked=skip)
    return query


def next_seqs(session: Session, tenant_id: str, count: int) -> int:
    """Reserve ``count`` decision numbers of ``tenant_id``; returns the first.

    Called last in a decision's transaction: the counter's row lock is held until commit, so
    numbers commit in order and a reader paging by number never skips a late commit.
    """
    name = dialect(session)
    if name == "postgresql":
        stmt = postgresql.insert(ReviewCounter).on_conflict_do_nothing(index_elements=["tenant_id"])
    elif name == "sqlite":
        stmt = sqlite.insert(ReviewCounter).on_conflict_do_nothing(index_elements=["tenant_id"])
    else:  # pragma: no cover - vimod supports the two above
        stmt = insert(ReviewCounter)
    session.execute(stmt.values(tenant_id=tenant_id, next_seq=1))
    row = session.scalars(
        locked(session, select(ReviewCounter).where(ReviewCounter.tenant_id == tenant_id))
    ).one()
    first = row.next_seq
    row.next_seq = first + count
    session.flush()
    return first
