"""Both languages hold the same strings, and every key a page names exists."""

from __future__ import annotations

import re
from pathlib import Path

from service.ui.i18n import DEFAULT_LANGUAGE, Translator, load_catalogs, pick_language

UI = Path(__file__).resolve().parents[2] / "service" / "ui"
# t("a.b") in templates and Python, and "x.y" keys passed as title_key / message keys.
_LITERAL = re.compile(
    r"""(?:\bt\(|_key=|UiError\(\d+, |SignInRefused\(\d+, )["']([a-z_]+\.[a-z_.]+)["']"""
)


def test_vietnamese_and_english_have_the_same_keys() -> None:
    catalogs = load_catalogs()
    assert set(catalogs["vi"]) == set(catalogs["en"])
    assert all(catalogs["vi"].values()) and all(catalogs["en"].values())


def test_every_literal_key_used_by_the_ui_exists() -> None:
    strings = load_catalogs()["vi"]
    used = set()
    for path in [*UI.rglob("*.html"), *UI.rglob("*.py")]:
        used |= set(_LITERAL.findall(path.read_text("utf-8")))
    assert len(used) > 30, "the pattern found the keys"
    missing = [k for k in used if not k.endswith((".", "_")) and k not in strings]
    # "login.reason." ~ why, "queue.action_" ~ a: a prefix completed at run time must have keys.
    prefixes = [k for k in used if k.endswith((".", "_"))]
    empty = [k for k in prefixes if not any(s.startswith(k) for s in strings)]
    assert sorted(missing + empty) == []


def test_format_values_and_a_missing_key() -> None:
    t = Translator("en", load_catalogs()["en"])
    assert t("keys.position", n=2, total=5) == "Item 2 of 5"
    assert t("no.such.key") == "no.such.key"


def test_language_comes_from_a_known_cookie_only() -> None:
    assert pick_language("en") == "en"
    assert pick_language(None) == DEFAULT_LANGUAGE == "vi"
    assert pick_language("fr") == "vi"
