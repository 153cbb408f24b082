"""Every page: 0 serious or critical axe-core violations, and no horizontal scroll at 360 px.

Checked in both languages, signed out and signed in, with the keyboard help dialog open
and with an error on the sign-in form, so each state a person can reach is covered.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.browser import assert_accessible, overflow
from tests.ui.conftest import UiServer
from tests.ui.test_browser_flows import sign_in

SIGNED_OUT = ["/ui/login", "/ui/login?why=revoked", "/ui/no-such-page"]
MODERATOR = ["/ui/", "/ui/queue", "/ui/stats", "/ui/models"]  # /ui/models: the 403 page
TRAINER = ["/ui/models"]


def _check(page: Any, path: str) -> list[str]:
    page.goto(path)
    problems = []
    try:
        assert_accessible(page)
    except AssertionError as exc:
        problems.append(str(exc))
    extra = overflow(page)
    if extra:
        problems.append(f"{path}: {extra} px wider than 360 px")
    page.set_viewport_size({"width": 1024, "height": 768})
    return problems


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_is_accessible_and_fits_a_phone(
    page: Any, ui_server: UiServer, lang: str
) -> None:
    page.goto(f"/ui/lang/{lang}?next=/ui/login")
    problems = [p for path in SIGNED_OUT for p in _check(page, path)]

    page.goto("/ui/login")
    page.fill("#key", "not a key")
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    problems += _check_current(page, "sign-in error")

    sign_in(page, ui_server.keys["moderator"])
    problems += [p for path in MODERATOR for p in _check(page, path)]
    page.context.clear_cookies()
    page.goto(f"/ui/lang/{lang}?next=/ui/login")
    sign_in(page, ui_server.keys["trainer"])
    problems += [p for path in TRAINER for p in _check(page, path)]

    assert problems == []


def _check_current(page: Any, what: str) -> list[str]:
    problems = []
    try:
        assert_accessible(page)
    except AssertionError as exc:
        problems.append(f"{what}: {exc}")
    if overflow(page):
        problems.append(f"{what}: wider than 360 px")
    page.set_viewport_size({"width": 1024, "height": 768})
    return problems


def test_help_dialog_is_accessible_and_fits_a_phone(page: Any, ui_server: UiServer) -> None:
    sign_in(page, ui_server.keys["moderator"])
    page.set_viewport_size({"width": 360, "height": 740})
    page.keyboard.press("?")

    assert page.is_visible("#keys-help")
    assert_accessible(page)
    box = page.locator("#keys-help").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.keyboard.press("Escape")
    assert not page.is_visible("#keys-help")


def test_the_axe_check_can_fail(page: Any, ui_server: UiServer) -> None:
    """The helper is not vacuous: an image without alt text is a critical violation."""
    page.goto("/ui/login")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<img src=\"/ui/static/none.png\">')"
    )
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_the_width_check_can_fail(page: Any, ui_server: UiServer) -> None:
    page.goto("/ui/login")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<pre>' + 'x'.repeat(400) + '</pre>')"
    )
    assert overflow(page) > 0
