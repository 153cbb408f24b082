"""Write transactions that stay correct when many moderators work at once.

PostgreSQL locks rows (``FOR UPDATE``; claims add ``SKIP LOCKED`` so moderators never wait for
each other's picks). SQLite has no row locks: a transaction that reads and then writes must
start with ``BEGIN IMMEDIATE``, which takes the database's write lock at once (waiting up to
the connection's busy timeout), so two claims cannot read the same open slot. A deferred
transaction would instead fail with "database is locked" when it tries to upgrade.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Select, event, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, SessionTransaction

from models.errors import StoreUnavailableError
from service.review.tables import ReviewCounter


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def begin_write(session: Session) -> None:
    """Start a write transaction (ends a read-only one the session may have open).

    On SQLite, threads of this process also queue on a lock per database first: they then
    take turns as soon as the writer before them commits, instead of polling SQLite's busy
    handler, which backs off up to 100 ms per try. ``BEGIN IMMEDIATE`` still serialises
    other processes. The lock is released when the transaction ends (commit, rollback,
    close), by the listener below.
    """
    if session.in_transaction():
        session.commit()
    if dialect(session) != "sqlite":
        session.connection()
        return
    lock = _lock_of(str(session.get_bind().engine.url))
    if not lock.acquire(timeout=_LOCK_TIMEOUT_S):
        raise StoreUnavailableError("the review queue is busy; retry later")
    session.info[_HELD] = lock
    try:
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")
    except BaseException:
        session.rollback()
        raise


_HELD = "vimod_review_write_lock"
_LOCK_TIMEOUT_S = 30.0  # as long as SQLite's own busy timeout (service.db.make_engine)
_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock_of(url: str) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(url, threading.Lock())


@event.listens_for(Session, "after_transaction_end")
def _release(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        lock = session.info.pop(_HELD, None)
        if lock is not None:
            lock.release()


def locked(session: Session, query: Select[Any], *, skip: bool = False) -> Select[Any]:
    """``query`` with row locks on PostgreSQL (SQLite is already serialised by ``begin_write``)."""
    if dialect(session) == "postgresql":
        return query.with_for_update(skip_locked=skip)
    return query


def insert_or_ignore(session: Session, table: type[Any], key: str) -> Any:
    """``INSERT … ON CONFLICT (key) DO NOTHING`` for this session's database."""
    name = dialect(session)
    if name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=[key])
    if name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=[key])
    return insert(table)  # pragma: no cover - vimod supports the two above


def next_seqs(session: Session, tenant_id: str, count: int) -> int:
    """Reserve ``count`` decision numbers of ``tenant_id``; returns the first.

    Called last in a decision's transaction: the counter's row lock is held until commit, so
    numbers commit in order and a reader paging by number never skips a late commit.
    """
    stmt = insert_or_ignore(session, ReviewCounter, "tenant_id")
    session.execute(stmt.values(tenant_id=tenant_id, next_seq=1))
    row = session.scalars(
        locked(session, select(ReviewCounter).where(ReviewCounter.tenant_id == tenant_id))
    ).one()
    first = row.next_seq
    row.next_seq = first + count
    session.flush()
    return first
