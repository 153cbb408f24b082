"""``static/keys.js`` and ``static/blur.js`` in a real browser, on a served page (its CSP on).

The review pages of a later phase wire items with the markup below; these tests drive that
markup with the keyboard only, as a moderator would.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import UiServer

ITEMS = """
<form id="review" data-keys-scope>
  {items}
  <label for="note">note</label><input type="text" id="note" name="note">
</form>
<div class="blur-text" id="post-1" data-blurred="true">nội dung khó chịu</div>
<button type="button" class="blur-toggle" data-blur-toggle aria-controls="post-1"
        aria-pressed="false">Hiện nội dung</button>
"""
ITEM = """
<div data-keys-item id="item-{n}">
  <label><input type="radio" name="label-{n}" value="CLEAN" data-keys-label="1"> CLEAN</label>
  <label><input type="radio" name="label-{n}" value="OFFENSIVE" data-keys-label="2"> OFFENSIVE</label>
  <label><input type="radio" name="label-{n}" value="HATE" data-keys-label="3"> HATE</label>
  <label><input type="checkbox" name="selected" value="{n}" data-keys-select> chọn</label>
  <button type="button" data-keys-action="skip">skip</button>
  <button type="submit" data-keys-action="submit" name="item" value="{n}">gửi</button>
</div>
"""
RECORD = """() => {
  window.events = [];
  document.addEventListener('vimod:key', e => events.push(e.detail.action + ':' + e.detail.index));
  document.querySelectorAll('[data-keys-action=skip]').forEach(
    b => b.addEventListener('click', () => events.push('skip-clicked:' + b.closest('[data-keys-item]').id)));
  document.getElementById('review').addEventListener('submit', e => {
    e.preventDefault();
    const data = new FormData(e.target, e.submitter);
    events.push('submitted:' + data.get('item') + ':' + (data.get('label-' + data.get('item')) || '-'));
  });
}"""


@pytest.fixture
def review(page: Any, ui_server: UiServer) -> Any:
    """The sign-in page (real scripts, real CSP) with three review items added."""
    page.emulate_media(reduced_motion="reduce")  # no blur transition: styles settle at once
    page.goto("/ui/login")
    markup = ITEMS.format(items="".join(ITEM.format(n=n) for n in (1, 2, 3)))
    page.evaluate("m => document.querySelector('main').insertAdjacentHTML('beforeend', m)", markup)
    page.evaluate(RECORD)
    page.evaluate("document.activeElement.blur()")
    return page


def current(page: Any) -> str:
    return str(page.evaluate("document.querySelector('[data-keys-item].is-current').id"))


def checked(page: Any, n: int) -> str | None:
    value = page.evaluate(
        f"(document.querySelector('input[name=label-{n}]:checked') || {{}}).value || null"
    )
    return None if value is None else str(value)


def test_number_keys_choose_labels_and_j_k_move(review: Any) -> None:
    review.keyboard.press("2")
    assert checked(review, 1) == "OFFENSIVE"

    review.keyboard.press("j")
    assert current(review) == "item-2"
    assert review.evaluate("document.activeElement.id") == "item-2", "the item has focus"
    assert review.inner_text("#keys-status") == "Mục 2 trên 3"
    review.keyboard.press("3")
    assert checked(review, 2) == "HATE" and checked(review, 1) == "OFFENSIVE"

    review.keyboard.press("ArrowDown")
    review.keyboard.press("ArrowDown")  # past the end: stays on the last
    assert current(review) == "item-3"
    review.keyboard.press("k")
    review.keyboard.press("ArrowUp")
    assert current(review) == "item-1"
    assert review.get_attribute("#item-1", "aria-current") == "true"
    assert review.get_attribute("#item-2", "aria-current") is None


def test_skip_select_and_enter_submit(review: Any) -> None:
    review.keyboard.press("x")
    review.keyboard.press("j")
    review.keyboard.press("x")
    review.keyboard.press("x")
    assert review.eval_on_selector_all(
        "input[data-keys-select]", "els => els.map(e => e.checked)"
    ) == [True, False, False]

    review.keyboard.press("s")
    review.keyboard.press("1")
    review.keyboard.press("Enter")

    events = review.evaluate("events")
    assert "skip-clicked:item-2" in events
    assert "submitted:2:CLEAN" in events, events


def test_keys_are_ignored_while_typing(review: Any) -> None:
    review.focus("#note")
    review.keyboard.type("js2x?")

    assert review.input_value("#note") == "js2x?"
    assert checked(review, 1) is None
    assert review.evaluate("events") == []
    assert not review.is_visible("#keys-help")


def test_question_mark_opens_help_and_keys_pause_while_open(review: Any) -> None:
    review.keyboard.press("?")
    assert review.is_visible("#keys-help")
    assert "j" in review.inner_text("#keys-help")

    review.keyboard.press("2")
    assert checked(review, 1) is None, "keys do nothing behind the open dialog"
    review.keyboard.press("Escape")
    assert not review.is_visible("#keys-help")
    review.keyboard.press("2")
    assert checked(review, 1) == "OFFENSIVE"


def test_help_button_and_close_button_work_by_keyboard(review: Any) -> None:
    review.focus("[data-keys-help]")
    review.keyboard.press("Enter")
    assert review.is_visible("#keys-help")
    review.focus("[data-keys-close]")
    review.keyboard.press("Enter")
    assert not review.is_visible("#keys-help")


def test_blur_is_revealed_and_hidden_from_the_keyboard(review: Any) -> None:
    def blurred() -> tuple[str | None, str | None, str]:
        return (
            review.get_attribute("#post-1", "data-blurred"),
            review.get_attribute("[data-blur-toggle]", "aria-pressed"),
            review.eval_on_selector("#post-1", "e => getComputedStyle(e).filter"),
        )

    state, pressed, style = blurred()
    assert (state, pressed) == ("true", "false") and style.startswith("blur(")

    review.focus("[data-blur-toggle]")
    review.keyboard.press("Enter")
    state, pressed, style = blurred()
    assert (state, pressed, style) == ("false", "true", "none")

    review.keyboard.press("Space")
    state, pressed, style = blurred()
    assert (state, pressed) == ("true", "false") and style.startswith("blur(")
