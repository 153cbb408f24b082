"""Signing in through the web UI's own form with a ``TestClient`` (no browser needed)."""

from __future__ import annotations

import re

import httpx
from fastapi.testclient import TestClient

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "the page has no CSRF field"
    return match.group(1)


def ui_sign_in(client: TestClient, key: str, next_path: str = "/ui/") -> httpx.Response:
    """Post ``key`` to the sign-in form (the client keeps the session cookie)."""
    form = client.get("/ui/login", follow_redirects=False)
    assert form.status_code == 200, form.text
    return client.post(
        "/ui/login",
        data={"csrf": csrf_of(form.text), "key": key, "next": next_path},
        follow_redirects=False,
    )
