"""Tenants, subjects, keys, markers, the first admin key and migration 0002, on both databases."""

from __future__ import annotations

import hashlib
import re
import stat
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ConflictError, NotFoundError
from service.db import alembic_config, session_factory
from service.first_key import KEY_FILE, MARKER, ensure_admin_key
from service.identity import (
    IssuedKey,
    Role,
    claim_marker,
    create_key,
    get_or_create_subject,
    get_or_create_tenant,
    get_subject,
    list_keys,
    list_subjects,
    parse_key,
    revoke_key,
    set_trusted,
    verify_key,
)
from service.tables import DEFAULT_TENANT, ApiKey, Base, Feedback, Marker, Subject, Tenant
from tests.service.service_checks import dump_store

SessionMaker = sessionmaker[Session]
KEY_SHAPE = re.compile(r"^vmk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")


@pytest.fixture
def sessions(db: tuple[str, Engine]) -> SessionMaker:
    return session_factory(db[1])


def _issue(
    sessions: SessionMaker,
    *,
    tenant: str = DEFAULT_TENANT,
    subject: str = "lan",
    role: str = "moderator",
) -> IssuedKey:
    with sessions() as session:
        t = get_or_create_tenant(session=session, name=tenant)
        s = get_or_create_subject(session=session, tenant_id=t.id, name=subject)
        issued = create_key(
            session=session, tenant_id=t.id, subject_id=s.id, name="phone", role=Role[role]
        )
        session.commit()
    return issued


def test_a_key_is_shown_once_and_stored_only_as_its_sha256(
    db: tuple[str, Engine], sessions: SessionMaker
) -> None:
    issued = _issue(sessions)

    match = KEY_SHAPE.match(issued.secret)
    assert match is not None, issued.secret
    key_id, secret = match.groups()
    assert key_id == issued.record.id
    stored = dump_store(db[1])
    assert key_id in stored  # the dump does hold the key's row
    assert secret not in stored
    assert issued.secret not in stored
    with sessions() as session:
        row = session.get(ApiKey, key_id)
        assert row is not None
        assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()


def test_verify_accepts_the_key_and_nothing_like_it(sessions: SessionMaker) -> None:
    issued = _issue(sessions, subject="Lan", role="trainer")
    key_id = issued.record.id
    other_secret = "A" * 43

    with sessions() as session:
        principal = verify_key(session=session, raw=issued.secret)
        assert principal is not None
        assert (principal.key_id, principal.role, principal.subject_name) == (
            key_id,
            Role.trainer,
            "Lan",
        )
        assert principal.tenant_id == DEFAULT_TENANT
        assert verify_key(session=session, raw=f"  {issued.secret}\n") == principal
        assert verify_key(session=session, raw=f"vmk_{key_id}_{other_secret}") is None
        assert verify_key(session=session, raw=f"vmk_{'0' * 16}_{other_secret}") is None
        assert verify_key(session=session, raw=issued.secret[:-1]) is None
        assert verify_key(session=session, raw="") is None


def test_revoke_refuses_the_key_once_and_for_all(sessions: SessionMaker) -> None:
    issued = _issue(sessions)
    key_id = issued.record.id

    with sessions() as session:
        revoked = revoke_key(session=session, key_id=key_id)
        session.commit()
        assert revoked.revoked_at is not None
    with sessions() as session:
        assert verify_key(session=session, raw=issued.secret) is None
        with pytest.raises(ConflictError):
            revoke_key(session=session, key_id=key_id)
        with pytest.raises(NotFoundError):
            revoke_key(session=session, key_id="0" * 16)
        with pytest.raises(NotFoundError):
            revoke_key(session=session, key_id="not hex at all")


def test_tenants_isolate_subjects_and_keys(sessions: SessionMaker) -> None:
    ours = _issue(sessions, tenant="acme", subject="Lan")
    theirs = _issue(sessions, tenant="globex", subject="Lan")

    with sessions() as session:
        acme = get_or_create_tenant(session=session, name="acme").id
        globex = get_or_create_tenant(session=session, name="globex").id
        assert acme != globex
        assert ours.record.subject_id != theirs.record.subject_id
        assert [s.id for s in list_subjects(session=session, tenant_id=acme)] == [
            ours.record.subject_id
        ]
        assert [k.id for k in list_keys(session=session, tenant_id=globex)] == [theirs.record.id]
        with pytest.raises(NotFoundError):
            get_subject(session=session, tenant_id=acme, subject_id=theirs.record.subject_id)
        with pytest.raises(NotFoundError):
            set_trusted(
                session=session, tenant_id=acme, subject_id=theirs.record.subject_id, trusted=True
            )
        with pytest.raises(NotFoundError):
            revoke_key(session=session, key_id=theirs.record.id, tenant_id=acme)
    with sessions() as session:
        other = session.get(ApiKey, theirs.record.id)
        assert other is not None and other.revoked_at is None
        assert session.get(Subject, theirs.record.subject_id).trusted is False  # type: ignore[union-attr]


def _race(starts: int, work: Callable[[], object]) -> tuple[list[object], list[BaseException]]:
    """Run ``work`` in ``starts`` threads released together; their results and failures."""
    barrier = threading.Barrier(starts)
    results: list[object] = []
    failures: list[BaseException] = []

    def run() -> None:
        barrier.wait()
        try:
            results.append(work())
        except BaseException as exc:  # collected: the test asserts there are none
            failures.append(exc)

    threads = [threading.Thread(target=run) for _ in range(starts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, failures


def test_concurrent_creators_of_a_subject_share_one_row(sessions: SessionMaker) -> None:
    def create() -> str:
        with sessions() as session:
            subject = get_or_create_subject(session=session, tenant_id=DEFAULT_TENANT, name="Mai")
            session.commit()
            return subject.id

    ids, failures = _race(8, create)

    assert failures == []
    with sessions() as session:
        rows = list(session.scalars(select(Subject.id).where(Subject.name == "Mai")))
    assert len(rows) == 1 and ids == rows * 8


def test_concurrent_creators_of_a_tenant_share_one_row(sessions: SessionMaker) -> None:
    def create() -> str:
        with sessions() as session:
            tenant = get_or_create_tenant(session=session, name="Sở TT&TT Hà Giang")
            session.commit()
            return tenant.id

    ids, failures = _race(8, create)

    assert failures == []
    with sessions() as session:
        rows = list(session.scalars(select(Tenant.id).where(Tenant.name == "Sở TT&TT Hà Giang")))
    assert len(rows) == 1 and ids == rows * 8


def test_claim_marker_succeeds_once(sessions: SessionMaker) -> None:
    with sessions() as session:
        assert claim_marker(session=session, name="migrate-once") is True
        session.commit()
    with sessions() as session:
        assert claim_marker(session=session, name="migrate-once") is False
        assert claim_marker(session=session, name="another") is True
        session.commit()
    with sessions() as session:
        assert sorted(session.scalars(select(Marker.name))) == ["another", "migrate-once"]


def test_concurrent_first_starts_create_exactly_one_admin_key(
    sessions: SessionMaker, tmp_path: Path
) -> None:
    folder = tmp_path / "secrets"

    results, failures = _race(8, lambda: ensure_admin_key(sessions, folder))

    assert failures == []
    written = [r for r in results if isinstance(r, Path)]
    assert results.count(None) == 7
    assert written == [folder / KEY_FILE]
    assert stat.S_IMODE(written[0].stat().st_mode) == 0o600
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ApiKey)) == 1
        assert session.get(Marker, MARKER) is not None
        principal = verify_key(session=session, raw=written[0].read_text("utf-8").strip())
    assert principal is not None and principal.role is Role.admin
    assert ensure_admin_key(sessions, folder) is None


def test_migration_0002_makes_each_moderator_id_one_legacy_subject(
    db: tuple[str, Engine],
) -> None:
    url, engine = db
    with engine.begin() as conn:  # back to an empty database, then only revision 0001
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE alembic_version"))
    _upgrade(url, engine, "0001")
    moderator_ids = ["Lan", "lan", "Nguyễn Văn Minh", "Lan", "bot #7", "nguyễn văn minh"]
    now = datetime(2026, 11, 1, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO predictions (id, text, categories, created_at) VALUES (:i, :t, :c, :at)"
            ),
            {"i": "p-1", "t": "đồ ngu", "c": "{}", "at": now},
        )
        for n, moderator in enumerate(moderator_ids):
            conn.execute(
                text(
                    "INSERT INTO feedback (id, prediction_id, text, task, label, moderator_id, "
                    "created_at) VALUES (:i, :p, :t, 'toxicity', 'OFFENSIVE', :m, :at)"
                ),
                {
                    "i": f"f-{n}",
                    "p": "p-1" if n == 0 else None,
                    "t": "đồ ngu",
                    "m": moderator,
                    "at": now,
                },
            )

    _upgrade(url, engine, "head")

    with session_factory(engine)() as session:
        subjects = list(session.scalars(select(Subject)))
        assert sorted(s.name for s in subjects) == sorted(set(moderator_ids))
        assert {(s.tenant_id, s.kind, s.trusted) for s in subjects} == {
            (DEFAULT_TENANT, "legacy", False)
        }
        by_id = {s.id: s.name for s in subjects}
        rows = list(session.scalars(select(Feedback).order_by(Feedback.id)))
        assert len(rows) == len(moderator_ids)
        for row in rows:
            assert row.subject_id is not None and by_id[row.subject_id] == row.moderator_id
            assert row.tenant_id == DEFAULT_TENANT
        tenants = session.execute(text("SELECT tenant_id FROM predictions")).scalars().all()
        assert tenants == [DEFAULT_TENANT]


def _upgrade(url: str, engine: Engine, revision: str) -> None:
    cfg = alembic_config(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def test_parse_key_splits_at_the_id_even_when_the_secret_holds_underscores() -> None:
    """Secrets are url-safe base64, so ``_`` and ``-`` occur in them, even first."""
    secret = "_a-" + "b_" * 20
    assert parse_key(f"vmk_0123456789abcdef_{secret}") == ("0123456789abcdef", secret)
    for bad in (f"vmk_0123456789abcde_{secret}", f"vmk_0123456789abcdef_{secret}x", ""):
        assert parse_key(bad) is None
