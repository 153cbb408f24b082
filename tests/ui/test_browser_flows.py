"""The web UI in a real browser: sign-in, roles, CSRF, language, sign-out, revocation."""

from __future__ import annotations

from typing import Any

from service.identity import revoke_key
from tests.ui.conftest import UiServer


def sign_in(page: Any, key: str, path: str = "/ui/login") -> Any:
    page.goto(path)
    page.fill("#key", key)
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    return page


def test_moderator_signs_in_and_lands_on_home(page: Any, ui_server: UiServer) -> None:
    first = page.goto("/ui/")
    assert first is not None
    assert page.url.endswith("/ui/login?next=%2Fui%2F"), "signed-out visitors go to sign-in"

    sign_in(page, ui_server.keys["moderator"], page.url)

    assert page.url == f"{ui_server.url}/ui/"
    assert page.title() == "Trang chủ · vimod"
    assert page.get_attribute("html", "lang") == "vi"
    assert page.inner_text("h1") == "Xin chào, moderator-person"
    nav = page.inner_text("nav.main-nav")
    assert "Hàng đợi" in nav and "Phiên bản mô hình" not in nav, "no versions link below trainer"
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["vimod_session"]
    assert session["httpOnly"] and session["sameSite"] == "Lax" and session["path"] == "/ui"
    assert ui_server.keys["moderator"] not in str(cookies), "the raw key is never in a cookie"
    assert page.evaluate("document.cookie") == "", "no UI cookie is readable by scripts"


def test_sign_in_returns_to_the_page_asked_for(page: Any, ui_server: UiServer) -> None:
    page.goto("/ui/stats")
    sign_in(page, ui_server.keys["moderator"], page.url)

    assert page.url == f"{ui_server.url}/ui/stats"
    assert page.title() == "Thống kê · vimod"


def test_wrong_key_shows_an_error_on_the_form(page: Any, ui_server: UiServer) -> None:
    page.goto("/ui/login")
    page.fill("#key", "vmk_0123456789abcdef_" + "A" * 43)
    with page.expect_navigation() as nav:
        page.click("form.stack button[type=submit]")

    assert nav.value.status == 401
    assert page.title() == "Lỗi đăng nhập · vimod"
    assert "không hợp lệ hoặc đã bị thu hồi" in page.inner_text("[role=alert]")
    assert page.get_attribute("#key", "aria-invalid") == "true"
    assert "vimod_session" not in {c["name"] for c in page.context.cookies()}


def test_integrator_key_is_refused_with_its_role_named(page: Any, ui_server: UiServer) -> None:
    page.goto("/ui/login")
    page.fill("#key", ui_server.keys["integrator"])
    with page.expect_navigation() as nav:
        page.click("form.stack button[type=submit]")

    assert nav.value.status == 403
    assert "vai trò integrator" in page.inner_text("[role=alert]")
    page.goto("/ui/")
    assert "/ui/login" in page.url, "a refused key opens no session"


def test_a_form_without_the_csrf_token_is_refused(page: Any, ui_server: UiServer) -> None:
    sign_in(page, ui_server.keys["moderator"])
    page.eval_on_selector("form.inline input[name=csrf]", "el => { el.value = 'forged'; }")
    with page.expect_navigation() as nav:
        page.click("form.inline button[type=submit]")

    assert nav.value.status == 403
    assert page.title() == "Không được phép · vimod"
    assert "CSRF" in page.inner_text("main")
    page.goto("/ui/")
    assert page.url == f"{ui_server.url}/ui/", "a refused sign-out left the session alone"


def test_language_switch_is_remembered(page: Any, ui_server: UiServer) -> None:
    sign_in(page, ui_server.keys["moderator"])
    with page.expect_navigation():
        page.click("nav.lang a[hreflang=en]")

    assert page.url == f"{ui_server.url}/ui/", "the switch returns to the same page"
    assert page.get_attribute("html", "lang") == "en"
    assert page.title() == "Home · vimod"
    page.goto("/ui/stats")
    assert page.title() == "Statistics · vimod"
    assert page.get_attribute("nav.lang a[hreflang=en]", "aria-current") == "true"
    with page.expect_navigation():
        page.click("nav.lang a[hreflang=vi]")
    assert page.get_attribute("html", "lang") == "vi"
    assert page.title() == "Thống kê · vimod"


def test_trainer_sees_versions_with_metrics_and_the_active_one(
    page: Any, ui_server: UiServer
) -> None:
    registry = ui_server.app.state.runtime.registry
    active = registry.active_version("toxicity")
    sign_in(page, ui_server.keys["trainer"])
    page.click("nav.main-nav >> text=Phiên bản mô hình")

    assert page.title() == "Phiên bản mô hình · vimod"
    section = page.locator("section", has=page.locator("#task-toxicity"))
    active_item = section.locator("li.version.is-active")
    assert active_item.count() == 1
    assert active in active_item.inner_text()
    assert "Đang kích hoạt" in active_item.inner_text()
    assert "Đang phục vụ" in active_item.inner_text()
    manifest = registry.manifest(active)
    if manifest.metrics:
        assert "Macro F1" in active_item.inner_text()


def test_moderator_gets_the_403_page_on_versions(page: Any, ui_server: UiServer) -> None:
    sign_in(page, ui_server.keys["moderator"])
    response = page.goto("/ui/models")

    assert response is not None and response.status == 403
    assert page.title() == "Không được phép · vimod"
    assert "trainer" in page.inner_text("main")
    page.goto("/ui/lang/en?next=/ui/models")
    assert page.title() == "Not allowed · vimod", "error pages come in both languages"


def test_unknown_page_is_a_404_page_in_both_languages(page: Any, ui_server: UiServer) -> None:
    response = page.goto("/ui/no-such-page")
    assert response is not None and response.status == 404
    assert page.title() == "Không tìm thấy trang · vimod"
    page.goto("/ui/lang/en?next=/ui/no-such-page")
    assert page.title() == "Page not found · vimod"
    assert page.get_attribute("html", "lang") == "en"


def test_sign_out_ends_the_session(page: Any, ui_server: UiServer) -> None:
    sign_in(page, ui_server.keys["moderator"])
    with page.expect_navigation():
        page.click("form.inline button[type=submit]")

    assert "/ui/login" in page.url
    assert "Bạn đã đăng xuất" in page.inner_text("main")
    page.goto("/ui/queue")
    assert "/ui/login" in page.url


def test_revoked_key_is_signed_out_on_its_next_request(page: Any, ui_server: UiServer) -> None:
    key = ui_server.new_key("moderator", "soon-revoked")
    sign_in(page, key)
    assert page.url.endswith("/ui/")
    key_id = key.split("_")[1]
    with ui_server.app.state.sessions() as session:
        revoke_key(session=session, key_id=key_id)
        session.commit()

    page.goto("/ui/stats")

    assert "/ui/login" in page.url and "why=revoked" in page.url
    assert "đã bị thu hồi" in page.inner_text("main")
    assert "vimod_session" not in {c["name"] for c in page.context.cookies()}


def test_keyboard_alone_reaches_the_key_field_and_signs_in(page: Any, ui_server: UiServer) -> None:
    page.goto("/ui/login")
    reached = []
    for _ in range(8):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e.id || e.getAttribute('hreflang') || e.className || e.tagName; }"
        )
        reached.append(focused)
        if focused == "key":
            break

    assert reached[0] == "skip-link", f"the skip link comes first: {reached}"
    assert reached[-1] == "key", f"Tab never reached the key field: {reached}"
    page.keyboard.type(ui_server.keys["moderator"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{ui_server.url}/ui/"


def test_skip_link_moves_focus_to_main(page: Any, ui_server: UiServer) -> None:
    page.goto("/ui/login")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
