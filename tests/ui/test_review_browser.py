"""The review flow in a real browser, by keyboard: claim, spans, label, skip, bulk, leases."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from service.identity import Principal, Role
from service.review import queue
from service.review.tables import ReviewDecision, ReviewSlot
from tests.apiclient import issue_key
from tests.ui.browser import assert_accessible, overflow
from tests.ui.conftest import UiServer
from tests.ui.review_data import enqueue
from tests.ui.test_browser_flows import sign_in

POSTS = [("Đi đường không nhìn à, mù hả", "mù hả"), ("Giỏi vãi đái", "vãi đái")]


def _moderator(server: UiServer, tenant: str, name: str) -> tuple[str, Any]:
    issued = issue_key(server.app, "moderator", subject=name, tenant=tenant)
    return issued.secret, issued.record


def _claim_in_page(page: Any, count: int = 10) -> None:
    page.goto("/ui/queue")
    page.fill("#claim-count", str(count))
    page.focus("form.claim button")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _decisions(server: UiServer, tenant_id: str) -> list[ReviewDecision]:
    with server.app.state.sessions() as session:
        return list(
            session.scalars(select(ReviewDecision).where(ReviewDecision.tenant_id == tenant_id))
        )


def test_claim_see_spans_label_by_keyboard_and_decision_is_stored(
    page: Any, ui_server: UiServer
) -> None:
    tenant = f"t-{uuid.uuid4().hex[:8]}"
    key, record = _moderator(ui_server, tenant, "lan")
    enqueue(ui_server.app, record.tenant_id, POSTS, context="Bài: giao thông")
    sign_in(page, key)
    _claim_in_page(page)

    assert "notice=claimed" in page.url
    items = page.locator("form.slot")
    assert items.count() == 2
    marks = page.locator("mark[data-span]")
    assert sorted(marks.all_text_contents()) == sorted(
        f"{part} (đoạn vi phạm, điểm 0.91)" for _, part in POSTS
    ), "each span is a <mark> whose text says what it is"
    assert "Bài: giao thông" in page.inner_text("form.slot >> nth=0")
    assert "test-v1" in page.inner_text("form.slot >> nth=0")
    first_text = page.locator(".post-text >> nth=0")
    assert first_text.get_attribute("data-blurred") == "true", "flagged posts start blurred"
    page.focus("form.slot >> nth=0 >> [data-blur-toggle]")
    page.keyboard.press("Enter")
    assert first_text.get_attribute("data-blurred") == "false"

    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("j")
    page.keyboard.press("k")
    slot_id = page.locator("form.slot.is-current input[name=slot_id]").input_value()
    page.keyboard.press("3")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "notice=decided" in page.url
    stored = _decisions(ui_server, record.tenant_id)
    assert [(d.slot_id, d.labels, d.action, d.subject_id) for d in stored] == [
        (slot_id, {"toxicity": "HATE"}, "remove", record.subject_id)
    ]
    assert page.locator("form.slot").count() == 1
    page.goto("/ui/history")
    assert "HATE" in page.inner_text("main table")


def test_skip_and_bulk_decide_by_keyboard(page: Any, ui_server: UiServer) -> None:
    tenant = f"t-{uuid.uuid4().hex[:8]}"
    key, record = _moderator(ui_server, tenant, "minh")
    enqueue(ui_server.app, record.tenant_id, [*POSTS, ("Bình thường thôi", None)])
    sign_in(page, key)
    _claim_in_page(page)
    skipped = page.locator("form.slot >> nth=0 >> input[name=slot_id]").input_value()
    page.evaluate("document.activeElement.blur()")
    with page.expect_navigation():
        page.keyboard.press("s")
    assert "notice=skipped" in page.url
    assert page.locator("form.slot").count() == 2

    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.select_option("#bulk-label", "OFFENSIVE")
    page.focus("form.bulk button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "notice=decided_many" in page.url
    stored = _decisions(ui_server, record.tenant_id)
    assert len(stored) == 2 and {d.labels["toxicity"] for d in stored} == {"OFFENSIVE"}
    assert skipped not in {d.slot_id for d in stored}
    _claim_in_page(page)
    assert "notice=none_left" in page.url, "a skipped post is never handed back to its skipper"


def test_a_second_moderator_does_not_see_claimed_posts_until_the_lease_ends(
    page: Any, ui_server: UiServer
) -> None:
    tenant = f"t-{uuid.uuid4().hex[:8]}"
    _, first = _moderator(ui_server, tenant, "an")
    key, second = _moderator(ui_server, tenant, "binh")
    enqueue(ui_server.app, first.tenant_id, POSTS)
    holder = Principal(first.id, first.tenant_id, first.subject_id, "an", Role.moderator)
    with ui_server.app.state.sessions() as session:
        held = queue.claim(
            session=session, principal=holder, settings=ui_server.app.state.settings, count=1
        )
        # The other one was claimed an hour ago with a one-minute lease: it has expired.
        queue.claim(
            session=session,
            principal=holder,
            settings=ui_server.app.state.settings,
            count=1,
            lease_minutes=1,
            now=datetime.now(UTC) - timedelta(hours=1),
        )
    sign_in(page, key)
    _claim_in_page(page)

    shown = page.locator("form.slot input[name=slot_id]").evaluate_all(
        "els => els.map(e => e.value)"
    )
    assert len(shown) == 1 and held[0].slot_id not in shown
    with ui_server.app.state.sessions() as session:
        slot = session.get(ReviewSlot, shown[0])
        assert slot is not None and slot.holder_id == second.subject_id


def test_blur_setting_turns_blur_off(page: Any, ui_server: UiServer) -> None:
    tenant = f"t-{uuid.uuid4().hex[:8]}"
    key, record = _moderator(ui_server, tenant, "chi")
    enqueue(ui_server.app, record.tenant_id, POSTS[:1])
    sign_in(page, key)
    page.goto("/ui/settings")
    assert page.is_checked("#blur")
    page.uncheck("#blur")
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    assert not page.is_checked("#blur")
    _claim_in_page(page)

    assert page.locator(".post-text").get_attribute("data-blurred") == "false"
    assert page.locator("[data-blur-toggle]").count() == 0


def test_review_pages_are_accessible_and_fit_a_phone(page: Any, ui_server: UiServer) -> None:
    tenant = f"t-{uuid.uuid4().hex[:8]}"
    key, record = _moderator(ui_server, tenant, "dung")
    enqueue(ui_server.app, record.tenant_id, POSTS, context="Bài: giao thông")
    sign_in(page, key)
    _claim_in_page(page)
    problems = []
    for lang in ("vi", "en"):
        page.goto(f"/ui/lang/{lang}?next=/ui/queue")
        for path in ("/ui/queue", "/ui/history", "/ui/settings", "/ui/stats"):
            page.goto(path)
            try:
                assert_accessible(page)
            except AssertionError as exc:
                problems.append(str(exc))
            if overflow(page):
                problems.append(f"{lang} {path}: wider than 360 px")
            page.set_viewport_size({"width": 1024, "height": 768})
    assert problems == []
