"""Real-browser helpers: Debian's Chromium driven by Playwright, axe-core and the 360 px check.

Playwright's own browser download cannot be reached here, so tests launch the system
Chromium (``/usr/bin/chromium``). Tests skip when it or Playwright is missing, unless
``VIMOD_REQUIRE_BROWSER=1`` (CI), which turns the skip into a failure.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("VIMOD_TEST_CHROMIUM", "/usr/bin/chromium"))
PHONE_WIDTH = 360
SERIOUS = ("serious", "critical")


def browser_missing() -> str | None:
    """Why no browser test can run here, or ``None``."""
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed"
    if importlib.util.find_spec("axe_playwright_python") is None:
        return "axe-playwright-python is not installed"
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def require_browser() -> None:
    reason = browser_missing()
    if reason is None:
        return
    if os.environ.get("VIMOD_REQUIRE_BROWSER", "") not in ("", "0", "false"):
        pytest.fail(f"VIMOD_REQUIRE_BROWSER is set but {reason}")
    pytest.skip(reason)


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each.

    axe-playwright-python ships ``axe.min.js`` and injects it into the page: no network.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(n.get("target")) for n in v.get("nodes", [])[:3])
        for v in results.response["violations"]
        if v.get("impact") in SERIOUS
    ]


def assert_accessible(page: Any) -> None:
    problems = serious_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


def overflow(page: Any, width: int = PHONE_WIDTH) -> int:
    """How many pixels the page is wider than ``width`` (0: no horizontal scroll)."""
    page.set_viewport_size({"width": width, "height": 740})
    scroll = int(page.evaluate("document.documentElement.scrollWidth"))
    return max(0, scroll - width)
