"""Fixtures of the web UI tests: a live server with a key of every role, and a browser.

The browser tests share one server per module (starting one loads both seed models); each
test gets a fresh browser context, so cookies never leak from one test to the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from service.app import create_app
from service.config import Settings
from tests.apiclient import admin_key, issue_key
from tests.service.conftest import LIMITS
from tests.service.live_server import live_server
from tests.ui.browser import CHROMIUM, require_browser


@dataclass
class UiServer:
    """A running app: its base URL, the app (for its store) and a raw key per role."""

    url: str
    app: FastAPI
    keys: dict[str, str]

    def new_key(self, role: str, subject: str) -> str:
        return issue_key(self.app, role, subject=subject).secret


def ui_settings(folder: Path, registry: Path, **overrides: Any) -> Settings:
    fields: dict[str, Any] = {
        "database_url": f"sqlite:///{folder / 'ui.db'}",
        "registry_dir": registry,
        "secrets_dir": folder / "secrets",
        "review_double_share": 0.0,  # one slot per item: who sees what is then exact
        **LIMITS,
    }
    return Settings(**{**fields, **overrides})


@pytest.fixture(scope="module")
def ui_server(seed_registry: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[UiServer]:
    require_browser()
    settings = ui_settings(tmp_path_factory.mktemp("ui-server"), seed_registry)
    app = create_app(settings)
    with live_server(app) as url:
        keys = {
            role: issue_key(app, role, subject=f"{role}-person").secret
            for role in ("integrator", "moderator", "trainer")
        }
        keys["admin"] = admin_key(settings)
        yield UiServer(url, app, keys)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for one test module.

    Not session-wide: Playwright's sync API keeps an asyncio loop running in the main thread
    while it is open, so later tests in the same worker that start their own loop
    (``asyncio.run``, anyio) failed with "cannot be called from a running event loop".
    """
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, ui_server: UiServer) -> Iterator[Any]:
    """A page in a fresh context (no cookies), 1024 px wide, 5 s per action."""
    context = browser.new_context(base_url=ui_server.url, viewport={"width": 1024, "height": 768})
    context.set_default_timeout(5_000)
    tab = context.new_page()
    yield tab
    context.close()
