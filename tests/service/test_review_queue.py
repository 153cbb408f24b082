"""The review queue's service layer on both databases: lifecycle, leases, double review,
bulk, appeals, the decision feed, statistics, settings, tenants and errors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ConflictError, InputError, NotFoundError
from service.config import Settings
from service.db import session_factory
from service.review import queue
from service.review.schemas import DecisionIn, SpanIn
from service.review.stats import cohen_kappa
from service.review.tables import ReviewDecision, ReviewItem, ReviewSlot
from service.tables import AuditEvent, Feedback
from tests.service.reviewkit import T0, principal, store_posts, toxicity

SessionMaker = sessionmaker[Session]
HATE = DecisionIn(labels={"toxicity": "HATE"}, action="remove", reason="slur")
CLEAN = DecisionIn(labels={"toxicity": "CLEAN"}, action="approve")


@pytest.fixture
def sessions(db: tuple[str, Engine]) -> SessionMaker:
    return session_factory(db[1])


def _settings(**overrides: object) -> Settings:
    return Settings(**{"review_double_share": 0.0, **overrides})  # type: ignore[arg-type]


def _claim(sessions: SessionMaker, who: object, settings: Settings, count: int = 10, **kw: object):  # type: ignore[no-untyped-def]
    with sessions() as session:
        return queue.claim(session=session, principal=who, settings=settings, count=count, **kw)  # type: ignore[arg-type]


def _decide(
    sessions: SessionMaker,
    who: object,
    settings: Settings,
    slot_id: str,
    d: DecisionIn,
    **kw: object,
):  # type: ignore[no-untyped-def]
    with sessions() as session:
        return queue.decide(
            session=session,
            principal=who,
            settings=settings,
            slot_id=slot_id,
            decision=d,
            **kw,  # type: ignore[arg-type]
        )


def _count(sessions: SessionMaker, table: type, *where: object) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table).where(*where)) or 0)


def test_flagged_and_uncertain_posts_enter_by_the_models_own_threshold(
    sessions: SessionMaker,
) -> None:
    settings = _settings(review_margin=0.15)
    lan = principal(sessions, "lan")
    # 0.9 flagged; 0.4 within 0.15 of the model's 0.5; 0.1 clean. The third was "flagged" by a
    # caller's low override, which must not matter: the stored flag says False here.
    ids = store_posts(
        sessions,
        settings,
        lan.tenant_id,
        [("a", toxicity(0.9)), ("b", toxicity(0.4)), ("c", toxicity(0.1))],
    )
    with sessions() as session:
        items = {i.prediction_id: i for i in session.scalars(select(ReviewItem))}
    assert set(items) == {ids[0], ids[1]}
    assert items[ids[0]].reason == "flagged" and items[ids[0]].severity == 3
    assert items[ids[1]].reason == "uncertain"
    assert items[ids[1]].uncertainty == pytest.approx(1 - 0.1 / 0.15)


def test_lifecycle_claim_decide_feedback_audit_history(sessions: SessionMaker) -> None:
    settings = _settings()
    lan = principal(sessions, "lan")
    [pid] = store_posts(
        sessions, settings, lan.tenant_id, [("đồ ngu", toxicity(0.9))], context="Bài báo X"
    )

    [slot] = _claim(sessions, lan, settings, lease_minutes=10, now=T0)
    assert (slot.prediction_id, slot.text, slot.context) == (pid, "đồ ngu", "Bài báo X")
    assert slot.reason == "flagged" and slot.model_versions == {"toxicity": "tox-v1"}
    assert slot.lease_expires_at == T0 + timedelta(minutes=10)
    assert slot.priority == pytest.approx(3.0) and slot.blur is True
    assert slot.due_at == T0 + timedelta(hours=settings.review_deadline_hours)

    first = _decide(sessions, lan, settings, slot.slot_id, HATE, now=T0 + timedelta(minutes=1))
    again = _decide(sessions, lan, settings, slot.slot_id, HATE, now=T0 + timedelta(minutes=2))
    assert again == first
    with pytest.raises(ConflictError, match="already decided"):
        _decide(sessions, lan, settings, slot.slot_id, CLEAN, now=T0 + timedelta(minutes=2))

    with sessions() as session:
        [fb] = session.scalars(select(Feedback)).all()
        [event] = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "review.decide")
        ).all()
        item = session.scalars(select(ReviewItem)).one()
        page = queue.history(session=session, principal=lan)
    assert (fb.prediction_id, fb.label, fb.predicted_label, fb.model_version) == (
        pid,
        "HATE",
        "HATE",
        "tox-v1",
    )
    assert (fb.subject_id, fb.note, fb.text) == (lan.subject_id, "slur", "đồ ngu")
    assert event.actor_subject_id == lan.subject_id and event.target == item.id
    assert event.details["predicted"]["toxicity"] == {"label": "HATE", "model_version": "tox-v1"}
    assert "lan" not in str(event.details), "audit names subjects by id only"
    assert item.status == "decided"
    assert [d.id for d in page.items] == [first.id]
    assert _claim(sessions, lan, settings, now=T0) == []


def test_an_expired_lease_returns_the_slot(sessions: SessionMaker) -> None:
    settings = _settings()
    lan, minh = principal(sessions, "lan"), principal(sessions, "minh")
    store_posts(sessions, settings, lan.tenant_id, [("x", toxicity(0.9))])
    [slot] = _claim(sessions, lan, settings, lease_minutes=5, now=T0)

    assert _claim(sessions, minh, settings, now=T0 + timedelta(minutes=4)) == []
    later = T0 + timedelta(minutes=6)
    with pytest.raises(ConflictError, match="expired"):
        _decide(sessions, lan, settings, slot.slot_id, HATE, now=later)
    [again] = _claim(sessions, minh, settings, now=later)
    assert again.slot_id == slot.slot_id
    with pytest.raises(ConflictError, match="do not hold"):
        _decide(sessions, lan, settings, slot.slot_id, HATE, now=later)
    _decide(sessions, minh, settings, slot.slot_id, CLEAN, now=later)


def test_release_and_skip(sessions: SessionMaker) -> None:
    settings = _settings()
    lan = principal(sessions, "lan")
    store_posts(sessions, settings, lan.tenant_id, [("x", toxicity(0.9)), ("y", toxicity(0.8))])
    a, b = _claim(sessions, lan, settings, now=T0)
    with sessions() as session:
        queue.release(session=session, principal=lan, slot_id=a.slot_id, now=T0)
    with sessions() as session:
        queue.skip(session=session, principal=lan, slot_id=b.slot_id, now=T0)
    with sessions() as session, pytest.raises(ConflictError, match="do not hold"):
        queue.release(session=session, principal=lan, slot_id=a.slot_id, now=T0)

    assert [s.slot_id for s in _claim(sessions, lan, settings, now=T0)] == [a.slot_id]
    other = principal(sessions, "minh")
    assert [s.slot_id for s in _claim(sessions, other, settings, now=T0)] == [b.slot_id]


def test_double_review_goes_to_two_different_moderators(sessions: SessionMaker) -> None:
    settings = _settings(review_double_share=1.0)
    lan, minh, hoa = (principal(sessions, n) for n in ("lan", "minh", "hoa"))
    store_posts(sessions, settings, lan.tenant_id, [("x", toxicity(0.9)), ("y", toxicity(0.7))])

    mine = _claim(sessions, lan, settings, now=T0)
    assert len(mine) == 2 and len({s.item_id for s in mine}) == 2 and mine[0].double_review
    assert _claim(sessions, lan, settings, now=T0) == [], "never both slots of an item"
    for s in mine:
        _decide(sessions, lan, settings, s.slot_id, HATE, now=T0)
    assert _claim(sessions, lan, settings, now=T0) == [], "not after deciding either"
    theirs = _claim(sessions, minh, settings, now=T0)
    assert {s.item_id for s in theirs} == {s.item_id for s in mine}
    assert _claim(sessions, hoa, settings, now=T0) == []
    for s in theirs:
        _decide(sessions, minh, settings, s.slot_id, HATE, now=T0)
    assert _count(sessions, ReviewItem, ReviewItem.status == "decided") == 2


def test_bulk_is_all_or_nothing(sessions: SessionMaker) -> None:
    settings = _settings(review_bulk_max=3)
    lan = principal(sessions, "lan")
    store_posts(sessions, settings, lan.tenant_id, [(f"p{i}", toxicity(0.9)) for i in range(4)])
    slots = _claim(sessions, lan, settings, now=T0)
    bad = DecisionIn(labels={"toxicity": "HATE"}, action="remove", spans=[SpanIn(start=0, end=99)])

    with sessions() as session, pytest.raises(InputError, match="not within the post"):
        queue.decide_many(
            session=session,
            principal=lan,
            settings=settings,
            decisions=[(slots[0].slot_id, HATE), (slots[1].slot_id, bad)],
            now=T0,
        )
    assert _count(sessions, ReviewDecision) == 0 and _count(sessions, Feedback) == 0
    with sessions() as session, pytest.raises(InputError, match="review_bulk_max"):
        queue.decide_many(
            session=session,
            principal=lan,
            settings=settings,
            decisions=[(s.slot_id, HATE) for s in slots],
            now=T0,
        )
    with sessions() as session:
        done = queue.decide_many(
            session=session,
            principal=lan,
            settings=settings,
            decisions=[(s.slot_id, HATE) for s in slots[:3]],
            now=T0,
        )
    assert [d.slot_id for d in done] == [s.slot_id for s in slots[:3]]
    assert _count(sessions, Feedback) == 3


def test_appeal_returns_the_item_with_the_previous_decision(sessions: SessionMaker) -> None:
    settings = _settings()
    lan, minh = principal(sessions, "lan"), principal(sessions, "minh")
    app = principal(sessions, "platform", role="integrator")
    store_posts(sessions, settings, lan.tenant_id, [("x", toxicity(0.9))])
    [slot] = _claim(sessions, lan, settings, now=T0)
    with sessions() as session, pytest.raises(ConflictError, match="not decided"):
        queue.appeal(session=session, principal=app, settings=settings, item_id=slot.item_id)
    _decide(sessions, lan, settings, slot.slot_id, HATE, now=T0)

    with sessions() as session:
        item = queue.appeal(
            session=session, principal=app, settings=settings, item_id=slot.item_id, note="satire"
        )
    assert (item.status, item.round, item.reason) == ("pending", 1, "appeal")
    [back] = _claim(sessions, minh, settings, now=T0)
    assert back.item_id == slot.item_id and back.note == "satire"
    assert back.previous is not None and back.previous[0].labels == {"toxicity": "HATE"}
    assert back.previous[0].subject_id == lan.subject_id
    _decide(sessions, minh, settings, back.slot_id, CLEAN, now=T0)
    with sessions() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.at)).all()
    assert actions.count("review.decide") == 2 and "review.appeal" in actions
    assert _count(sessions, ReviewDecision) == 2


def test_the_decision_feed_pages_with_an_opaque_cursor(sessions: SessionMaker) -> None:
    settings = _settings()
    lan = principal(sessions, "lan")
    store_posts(sessions, settings, lan.tenant_id, [(f"p{i}", toxicity(0.9)) for i in range(5)])
    for s in _claim(sessions, lan, settings, now=T0):
        _decide(sessions, lan, settings, s.slot_id, HATE, now=T0)

    seen, cursor, pages = [], None, 0
    while True:
        with sessions() as session:
            feed = queue.pull_decisions(
                session=session, tenant_id=lan.tenant_id, since=cursor, limit=2
            )
        seen += [d.id for d in feed.items]
        cursor, pages = feed.next_cursor, pages + 1
        if not feed.has_more:
            break
    assert len(seen) == len(set(seen)) == 5 and pages == 3
    with sessions() as session:
        assert (
            queue.pull_decisions(
                session=session, tenant_id=lan.tenant_id, since=cursor, limit=2
            ).items
            == []
        )
        with pytest.raises(InputError, match="cursor"):
            queue.pull_decisions(session=session, tenant_id=lan.tenant_id, since="nope", limit=2)


def test_kappa_on_a_hand_computed_case(sessions: SessionMaker) -> None:
    # Pairs (first, second): agree on 3 of 4; first says HATE 2x, second 1x.
    # p_o = 3/4, p_e = (2*1 + 2*3)/16 = 1/2, kappa = (3/4 - 1/2) / (1/2) = 1/2.
    settings = _settings(review_double_share=1.0)
    lan, minh = principal(sessions, "lan"), principal(sessions, "minh")
    store_posts(sessions, settings, lan.tenant_id, [(f"p{i}", toxicity(0.9)) for i in range(4)])
    firsts = {s.item_id: s for s in _claim(sessions, lan, settings, now=T0)}
    seconds = {s.item_id: s for s in _claim(sessions, minh, settings, now=T0)}
    plan = [("HATE", "HATE"), ("CLEAN", "CLEAN"), ("HATE", "CLEAN"), ("CLEAN", "CLEAN")]
    for item_id, (a, b) in zip(sorted(firsts), plan, strict=True):
        _decide(sessions, lan, settings, firsts[item_id].slot_id, _label(a), now=T0)
        _decide(sessions, minh, settings, seconds[item_id].slot_id, _label(b), now=T0)

    with sessions() as session:
        stats = queue.queue_stats(
            session=session, tenant_id=lan.tenant_id, settings=settings, now=T0
        )
    assert stats.agreement["toxicity"].pairs == 4
    assert stats.agreement["toxicity"].observed == pytest.approx(0.75)
    assert stats.agreement["toxicity"].kappa == pytest.approx(0.5)
    assert stats.agreement["misinformation"].kappa is None
    assert cohen_kappa([("A", "A"), ("A", "A")]).kappa is None
    assert cohen_kappa([("A", "B"), ("B", "A")]).kappa == pytest.approx(-1.0)
    days = {d.subject_id: d for d in stats.moderators}
    assert days[lan.subject_id].decided == 4 and days[lan.subject_id].flagged_claimed == 4
    assert days[lan.subject_id].day == "2026-12-01"


def _label(name: str) -> DecisionIn:
    return DecisionIn(labels={"toxicity": name}, action="remove" if name == "HATE" else "approve")


def test_stats_deadlines_and_reports(sessions: SessionMaker) -> None:
    settings = _settings()
    lan = principal(sessions, "lan")
    app = principal(sessions, "platform", role="integrator")
    [flagged, calm] = store_posts(
        sessions, settings, lan.tenant_id, [("x", toxicity(0.1, 0.8)), ("y", toxicity(0.05))]
    )
    with sessions() as session:
        item = queue.report(
            session=session,
            principal=app,
            settings=settings,
            prediction_id=calm,
            thresholds={},
            note="takedown request",
            now=T0,
        )
    assert item.reason == "reported" and item.due_at == T0 + timedelta(hours=24)
    [first] = _claim(sessions, lan, settings, count=1, now=T0)
    assert first.item_id == item.id, (
        "a report (3 points) goes before an OFFENSIVE post (2) of the same age"
    )
    with sessions() as session:
        stats = queue.queue_stats(
            session=session,
            tenant_id=lan.tenant_id,
            settings=settings,
            now=T0 + timedelta(hours=25),
        )
    assert (stats.pending_items, stats.open_slots, stats.past_deadline) == (2, 2, 1)
    assert [o.item_id for o in stats.past_deadline_items] == [item.id]
    assert stats.oldest_pending_age_s == pytest.approx(25 * 3600)
    _decide(sessions, lan, settings, first.slot_id, HATE, now=T0)
    with sessions() as session, pytest.raises(ConflictError, match="appeal"):
        queue.report(
            session=session, principal=app, settings=settings, prediction_id=calm, thresholds={}
        )
    assert flagged


def test_blur_is_a_per_moderator_setting_on_by_default(sessions: SessionMaker) -> None:
    settings = _settings()
    lan, minh = principal(sessions, "lan"), principal(sessions, "minh")
    store_posts(sessions, settings, lan.tenant_id, [("x", toxicity(0.9)), ("y", toxicity(0.8))])
    with sessions() as session:
        assert queue.get_review_settings(session=session, principal=lan).blur is True
        queue.set_review_settings(session=session, principal=minh, blur=False)
    with sessions() as session:
        assert queue.get_review_settings(session=session, principal=minh).blur is False
        assert queue.get_review_settings(session=session, principal=lan).blur is True
    assert _claim(sessions, lan, settings, count=1, now=T0)[0].blur is True
    assert _claim(sessions, minh, settings, count=1, now=T0)[0].blur is False


def test_tenants_do_not_see_each_others_queue(sessions: SessionMaker) -> None:
    settings = _settings()
    lan = principal(sessions, "lan")
    other = principal(sessions, "mai", tenant="other-org")
    other_app = principal(sessions, "their-app", role="integrator", tenant="other-org")
    [pid] = store_posts(sessions, settings, lan.tenant_id, [("x", toxicity(0.9))])
    assert _claim(sessions, other, settings, now=T0) == []
    [slot] = _claim(sessions, lan, settings, now=T0)
    with pytest.raises(NotFoundError):
        _decide(sessions, other, settings, slot.slot_id, HATE, now=T0)
    with sessions() as session, pytest.raises(NotFoundError):
        queue.release(session=session, principal=other, slot_id=slot.slot_id, now=T0)
    with sessions() as session, pytest.raises(NotFoundError):
        queue.report(
            session=session,
            principal=other_app,
            settings=settings,
            prediction_id=pid,
            thresholds={},
        )
    _decide(sessions, lan, settings, slot.slot_id, HATE, now=T0)
    with sessions() as session, pytest.raises(NotFoundError):
        queue.appeal(session=session, principal=other_app, settings=settings, item_id=slot.item_id)
    with sessions() as session:
        assert (
            queue.pull_decisions(
                session=session, tenant_id=other.tenant_id, since=None, limit=5
            ).items
            == []
        )


def test_limits_and_bad_decisions_are_refused(sessions: SessionMaker) -> None:
    settings = _settings(review_claim_max=5, review_lease_max_minutes=30)
    lan = principal(sessions, "lan")
    store_posts(sessions, settings, lan.tenant_id, [("abc", toxicity(0.9))])
    with pytest.raises(InputError, match="review_claim_max"):
        _claim(sessions, lan, settings, count=6)
    with pytest.raises(InputError, match="review_lease_max_minutes"):
        _claim(sessions, lan, settings, count=1, lease_minutes=31)
    [slot] = _claim(sessions, lan, settings, count=5, now=T0)
    wrong_task = DecisionIn(labels={"toxicity": "UNRELIABLE"}, action="remove")
    with pytest.raises(InputError, match="unknown label 'UNRELIABLE' for task 'toxicity'"):
        _decide(sessions, lan, settings, slot.slot_id, wrong_task, now=T0)
    with pytest.raises(NotFoundError):
        _decide(sessions, lan, settings, "no-such-slot", HATE, now=T0)
    spans = DecisionIn(labels={"toxicity": "HATE"}, action="remove", spans=[SpanIn(start=0, end=3)])
    out = _decide(sessions, lan, settings, slot.slot_id, spans, now=T0)
    assert out.spans == [{"start": 0, "end": 3}]
    assert _count(sessions, ReviewSlot, ReviewSlot.status == "decided") == 1
