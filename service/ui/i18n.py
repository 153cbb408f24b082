"""Page text in Vietnamese (the default) and English, from ``locales/<lang>.toml``.

Strings are data: a page names a key (``"nav.home"``), never a sentence. Both files must
hold the same keys (a test compares them), so a missing translation fails the build rather
than showing a key to a moderator.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LANG_COOKIE = "vimod_lang"
LOCALES = Path(__file__).with_name("locales")


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


def load_catalogs(folder: Path = LOCALES) -> dict[str, dict[str, str]]:
    """Every language's strings by dotted key (read once, when the app is built)."""
    return {
        lang: _flatten(tomllib.loads((folder / f"{lang}.toml").read_text("utf-8")))
        for lang in LANGUAGES
    }


@dataclass(frozen=True)
class Translator:
    """``t("key", name=...)``: the string of ``key`` in ``lang``, formatted with the arguments."""

    lang: str
    strings: dict[str, str]

    def __call__(self, key: str, **values: object) -> str:
        text = self.strings.get(key)
        if text is None:  # a programming error, caught by tests; never a 500 for a moderator
            return key
        return text.format(**values) if values else text


def pick_language(cookie: str | None) -> str:
    """The cookie's language when it names a known one, else Vietnamese."""
    return cookie if cookie in LANGUAGES else DEFAULT_LANGUAGE
