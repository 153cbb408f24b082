"""The feedback store on SQLite and PostgreSQL, through real sessions (no mocks)."""

from __future__ import annotations

import threading
import unicodedata
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from models.errors import ConflictError, InputError, NotFoundError
from service.db import session_factory
from service.identity import Principal, Role
from service.store import (
    feedback_as_dict,
    get_prediction,
    iter_feedback,
    list_feedback,
    new_id,
    new_ids,
    record_feedback,
    save_predictions,
)
from service.tables import Feedback, StoredPrediction

SessionMaker = Callable[[], Session]
TENANT = "default"


def _author(name: str = "mod-1") -> Principal:
    return Principal(
        key_id="0123456789abcdef",
        tenant_id=TENANT,
        subject_id=f"subject-{name}",
        subject_name=name,
        role=Role.moderator,
    )


@pytest.fixture
def sessions(db: tuple[str, Engine]) -> SessionMaker:
    return session_factory(db[1])


def _count(sessions: SessionMaker, table: type[Any] = Feedback) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def _record(sessions: SessionMaker, **fields: Any) -> tuple[Feedback, bool]:
    author = _author(fields.pop("moderator_id", "mod-1"))
    values = {"task": "toxicity", "label": "HATE", **fields}
    with sessions() as session:
        return record_feedback(session=session, author=author, **values)


def test_record_list_and_iterate(sessions: SessionMaker) -> None:
    rows = [
        _record(sessions, text="một", label="CLEAN")[0],
        _record(sessions, text="hai", task="misinformation", label="UNRELIABLE")[0],
        _record(sessions, text="ba", note="ghi chú")[0],
    ]

    with sessions() as session:
        page, total = list_feedback(session=session, tenant_id=TENANT, limit=2)
        rest, _ = list_feedback(session=session, tenant_id=TENANT, limit=2, offset=2)
        hate, hate_total = list_feedback(session=session, tenant_id=TENANT, label="HATE")
        oldest_first = [r.id for r in iter_feedback(session=session, batch=1)]
        toxicity = [r.text for r in iter_feedback(session=session, task="toxicity")]

    assert total == 3
    assert [r.id for r in page + rest] == [rows[2].id, rows[1].id, rows[0].id]
    assert ([r.text for r in hate], hate_total) == (["ba"], 1)
    assert oldest_first == [r.id for r in rows]
    assert toxicity == ["một", "ba"]
    stored = feedback_as_dict(page[0])
    assert stored["note"] == "ghi chú"
    assert stored["predicted_label"] is None
    assert stored["text"] == "ba"


def test_feedback_on_a_prediction_copies_its_label_and_version(sessions: SessionMaker) -> None:
    pid = new_id()
    category = {"label": "OFFENSIVE", "model_version": "v-test", "scores": {}, "flagged": True}
    with sessions() as session:
        save_predictions(
            session=session, tenant_id=TENANT, items=[(pid, "đồ ngu", {"toxicity": category})]
        )

    row, created = _record(sessions, prediction_id=pid, label="CLEAN")
    other, _ = _record(sessions, prediction_id=pid, task="misinformation", label="RELIABLE")

    assert created is True
    assert (row.text, row.predicted_label, row.model_version) == ("đồ ngu", "OFFENSIVE", "v-test")
    assert (other.predicted_label, other.model_version) == (None, None)  # task was not scored
    with sessions() as session:
        assert get_prediction(session=session, tenant_id=TENANT, prediction_id=pid).categories == {
            "toxicity": category
        }


def test_refusals_write_nothing(sessions: SessionMaker) -> None:
    first, _ = _record(sessions, text="gốc", label="CLEAN", idempotency_key="key-1")

    with pytest.raises(InputError, match="unknown label 'SPAM'"):
        _record(sessions, text="x", label="SPAM")
    with pytest.raises(InputError, match="unknown task"):
        _record(sessions, text="x", task="spam")
    with pytest.raises(InputError, match="exactly one"):
        _record(sessions)
    with pytest.raises(NotFoundError, match="no stored prediction"):
        _record(sessions, prediction_id=new_id())
    with pytest.raises(ConflictError, match="different request body"):
        _record(sessions, text="gốc", label="HATE", idempotency_key="key-1")

    with sessions() as session:
        rows, total = list_feedback(session=session, tenant_id=TENANT)
    assert total == 1
    assert (rows[0].id, rows[0].label, rows[0].text) == (first.id, "CLEAN", "gốc")


def _race(sessions: SessionMaker, bodies: list[dict[str, Any]]) -> list[Any]:
    """Record every body from its own thread and session, all released at once."""
    barrier = threading.Barrier(len(bodies))
    outcomes: list[Any] = [None] * len(bodies)

    def worker(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = _record(sessions, **bodies[i])
        except Exception as exc:  # collected and asserted on below
            outcomes[i] = exc

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(bodies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    return outcomes


def test_concurrent_replays_of_one_key_store_one_row(sessions: SessionMaker) -> None:
    body = {"text": "cùng một yêu cầu", "idempotency_key": "same-key"}

    outcomes = _race(sessions, [body] * 8)

    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert errors == []
    assert sorted(created for _, created in outcomes) == [False] * 7 + [True]
    assert len({row.id for row, _ in outcomes}) == 1
    assert _count(sessions) == 1


def test_concurrent_conflicting_bodies_store_one_row(sessions: SessionMaker) -> None:
    bodies = [{"text": f"khác nhau {i}", "idempotency_key": "shared"} for i in range(6)]

    outcomes = _race(sessions, bodies)

    stored = [o for o in outcomes if not isinstance(o, Exception)]
    assert len(stored) == 1 and stored[0][1] is True
    assert all(isinstance(o, ConflictError) for o in outcomes if isinstance(o, Exception))
    assert _count(sessions) == 1


def test_nul_characters_are_stored_as_spaces(sessions: SessionMaker) -> None:
    pid = new_id()
    with sessions() as session:
        save_predictions(session=session, tenant_id=TENANT, items=[(pid, "a\x00b", {})])

    row, _ = _record(sessions, text="x\x00y", note="n\x00", moderator_id="mod-1")
    by_id, _ = _record(sessions, prediction_id=pid)

    with sessions() as session:
        rows, total = list_feedback(session=session, tenant_id=TENANT)
        assert get_prediction(session=session, tenant_id=TENANT, prediction_id=pid).text == "a b"
        with pytest.raises(NotFoundError):
            get_prediction(session=session, tenant_id=TENANT, prediction_id="a\x00b")
    assert total == 2
    stored = {r.id: r for r in rows}
    assert (stored[row.id].text, stored[row.id].note, stored[row.id].moderator_id) == (
        "x y",
        "n ",
        "mod-1",
    )
    assert stored[by_id.id].text == "a b"


def test_long_unicode_text_round_trips_exactly(sessions: SessionMaker) -> None:
    nfd = unicodedata.normalize("NFD", "Hoà bình, độc lập, tự do")
    text = ("Tiếng Việt có dấu: ỷ ỹ ự ữ ẵ. Emoji 😡🤬👍🏽. Teencode: hok bik j. " * 400) + nfd
    assert len(text) > 20_000

    row, _ = _record(sessions, text=text)

    with sessions() as session:
        fresh = session.get(Feedback, row.id)
        assert fresh is not None
        assert fresh.text == text  # no truncation, no re-normalisation of NFD
        assert _count(sessions, StoredPrediction) == 0


def test_timestamps_are_utc_and_filters_honour_offsets(sessions: SessionMaker) -> None:
    before = datetime.now(UTC)
    row, _ = _record(sessions, text="x")
    hanoi, new_york = timezone(timedelta(hours=7)), timezone(timedelta(hours=-5))

    with sessions() as session:
        fresh = session.get(Feedback, row.id)
        assert fresh is not None
        stamp = fresh.created_at
        just_before = (stamp - timedelta(milliseconds=1)).astimezone(hanoi)
        just_after = (stamp + timedelta(milliseconds=1)).astimezone(new_york)
        assert list_feedback(session=session, tenant_id=TENANT, since=just_before)[1] == 1
        assert list_feedback(session=session, tenant_id=TENANT, since=just_after)[1] == 0
        assert list_feedback(session=session, tenant_id=TENANT, until=just_after)[1] == 1
        assert (
            list_feedback(session=session, tenant_id=TENANT, until=stamp)[1] == 0
        )  # until is exclusive
        naive_utc = (stamp - timedelta(milliseconds=1)).replace(tzinfo=None)
        assert list_feedback(session=session, tenant_id=TENANT, since=naive_utc)[1] == 1

    assert stamp.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=5) <= stamp <= datetime.now(UTC)
    assert feedback_as_dict(fresh)["created_at"].endswith("+00:00")


def test_new_ids_are_distinct_version_4_uuids() -> None:
    ids = new_ids(64)
    assert len(set(ids)) == 64
    for value in ids:
        parsed = uuid.UUID(value)
        assert str(parsed) == value and parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
    assert new_ids(0) == []
