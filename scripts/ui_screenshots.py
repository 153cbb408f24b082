"""Screenshots of the web UI's queue and stats pages: ``docs/ui-queue.png``, ``docs/ui-stats.png``.

Runs a throw-away service (temporary SQLite store, seed models) in-process, classifies the
team's own seed posts (``training/seed/toxicity.csv``, never dataset rows) with
``store: true`` so the flagged and uncertain ones enter the review queue, lets two moderators
decide a few, and photographs the pages in Debian's Chromium::

    PYTHONPATH=. .venv/bin/python scripts/ui_screenshots.py
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "training" / "seed" / "toxicity.csv"
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
POSTS = 40  # seed posts classified; the queue takes the flagged and uncertain ones
WIDTH = 1024


def seed_posts(count: int) -> list[str]:
    """Every n-th seed post, so the queue mixes labels."""
    with SEED.open(encoding="utf-8") as fh:
        rows = [row["text"] for row in csv.DictReader(fh)]
    step = max(1, len(rows) // count)
    return rows[::step][:count]


def main() -> None:
    from fastapi.testclient import TestClient
    from playwright.sync_api import sync_playwright

    from models.registry import Registry
    from service.app import create_app
    from service.config import Settings
    from tests.apiclient import admin_key, issue_key
    from tests.service.live_server import live_server
    from training.bootstrap import ensure_default_models

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        registry = folder / "registry"
        ensure_default_models(
            Registry(registry), ["toxicity", "misinformation"], ROOT.parent / "shared" / "data"
        )
        settings = Settings(
            database_url=f"sqlite:///{folder / 'ui.db'}",
            registry_dir=registry,
            secrets_dir=folder / "secrets",
            review_double_share=0.0,
        )
        app = create_app(settings)
        with live_server(app) as url:
            with TestClient(app, base_url=url) as api:
                api.headers["Authorization"] = f"Bearer {admin_key(settings)}"
                stored = api.post(
                    "/v1/classify",
                    json={
                        "texts": seed_posts(POSTS),
                        "tasks": ["toxicity"],
                        "store": True,
                        "explain": True,
                        "context": "Bình luận dưới bài: giá xăng tăng",
                    },
                )
                stored.raise_for_status()
            keys = [issue_key(app, "moderator", subject=name).secret for name in ("Lan", "Minh")]
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
                for n, key in enumerate(keys):
                    page = browser.new_page(base_url=url, viewport={"width": WIDTH, "height": 900})
                    page.goto("/ui/login")
                    page.fill("#key", key)
                    page.click("form.stack button[type=submit]")
                    page.goto("/ui/queue")
                    page.fill("#claim-count", "8")
                    page.click("form.claim button")
                    for _ in range(3 + 2 * n):  # decide a few by keyboard: label 2, Enter
                        page.evaluate("document.activeElement.blur()")
                        page.keyboard.press("2")
                        with page.expect_navigation():
                            page.keyboard.press("Enter")
                    if n == 0:
                        page.screenshot(
                            path=str(DOCS / "ui-queue.png"),
                            clip={"x": 0, "y": 0, "width": WIDTH, "height": 1500},
                            full_page=True,
                        )
                    else:
                        page.goto("/ui/stats")
                        page.screenshot(path=str(DOCS / "ui-stats.png"), full_page=True)
                browser.close()
    sys.stderr.write(f"wrote {DOCS / 'ui-queue.png'} and {DOCS / 'ui-stats.png'}\n")


if __name__ == "__main__":
    main()
