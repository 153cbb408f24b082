"""Eight moderators at once, each with their own key and sessions, drain 5,000 queued posts
(10% double-reviewed) in batches of 25 on SQLite (a file) and PostgreSQL: every slot is
decided exactly once, no double-reviewed item twice by one person, nothing is lost."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, defaultdict

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ConflictError
from service.config import Settings
from service.db import session_factory
from service.identity import Principal
from service.review import queue
from service.review.schemas import DecisionIn
from service.review.tables import ReviewDecision, ReviewItem, ReviewSlot
from service.tables import Feedback
from tests.service.reviewkit import principal, store_posts, toxicity

log = logging.getLogger(__name__)

ITEMS = 5_000
MODERATORS = 8
BATCH = 25
INSERT_BATCH = 500
TIME_LIMIT_S = 300  # a hang fails the test instead of the whole run
DECISION = DecisionIn(labels={"toxicity": "HATE"}, action="remove")


def _moderate(
    sessions: sessionmaker[Session],
    who: Principal,
    settings: Settings,
    decided: list[str],
    failures: list[BaseException],
    stop_at: float,
) -> None:
    try:
        while time.monotonic() < stop_at:
            try:
                with sessions() as session:
                    slots = queue.claim(
                        session=session, principal=who, settings=settings, count=BATCH
                    )
            except ConflictError:
                continue
            if not slots:
                with sessions() as session:
                    left = session.scalar(
                        select(func.count())
                        .select_from(ReviewSlot)
                        .where(ReviewSlot.status != "decided")
                    )
                if not left:
                    return
                time.sleep(0.02)  # others hold the rest, or only the other slot is left
                continue
            with sessions() as session:
                done = queue.decide_many(
                    session=session,
                    principal=who,
                    settings=settings,
                    decisions=[(s.slot_id, DECISION) for s in slots],
                )
            decided.extend(d.slot_id for d in done)
    except BaseException as exc:  # reported by the main thread
        failures.append(exc)


def test_eight_moderators_drain_five_thousand_items(db: tuple[str, Engine]) -> None:
    sessions = session_factory(db[1])
    settings = Settings(review_double_share=0.1, review_claim_max=BATCH, review_bulk_max=BATCH)
    people = [principal(sessions, f"moderator-{i}") for i in range(MODERATORS)]
    tenant = people[0].tenant_id
    started = time.monotonic()
    for start in range(0, ITEMS, INSERT_BATCH):
        count = min(INSERT_BATCH, ITEMS - start)
        store_posts(
            sessions, settings, tenant, [(f"bài {start + i}", toxicity(0.9)) for i in range(count)]
        )
    inserted = time.monotonic()

    decided: dict[str, list[str]] = {p.subject_id: [] for p in people}
    failures: list[BaseException] = []
    stop_at = time.monotonic() + TIME_LIMIT_S
    threads = [
        threading.Thread(
            target=_moderate, args=(sessions, p, settings, decided[p.subject_id], failures, stop_at)
        )
        for p in people
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    finished = time.monotonic()
    log.warning(
        "%s: inserted %d items in %.1f s, drained in %.1f s",
        db[1].dialect.name,
        ITEMS,
        inserted - started,
        finished - inserted,
    )

    assert failures == []
    with sessions() as session:
        slots = session.scalars(select(ReviewSlot)).all()
        items = session.scalars(select(ReviewItem)).all()
        rows = session.scalars(select(ReviewDecision)).all()
        feedback = session.scalar(select(func.count()).select_from(Feedback))
    doubles = sum(i.slots == 2 for i in items)
    assert len(items) == ITEMS and 0.08 * ITEMS <= doubles <= 0.12 * ITEMS
    assert len(slots) == ITEMS + doubles
    assert all(s.status == "decided" for s in slots) and all(i.status == "decided" for i in items)
    by_slot = Counter(r.slot_id for r in rows)
    assert set(by_slot) == {s.id for s in slots} and set(by_slot.values()) == {1}
    mine = [slot for ids in decided.values() for slot in ids]
    assert sorted(mine) == sorted(by_slot), "each thread saw exactly the decisions it made"
    deciders: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        deciders[r.item_id].append(r.subject_id)
    assert all(len(set(who)) == len(who) for who in deciders.values())
    assert sorted(r.seq for r in rows) == list(range(1, len(rows) + 1)), "a gap-free feed"
    assert feedback == len(rows)
    assert sum(1 for ids in decided.values() if ids) >= 2, "the work was shared"
