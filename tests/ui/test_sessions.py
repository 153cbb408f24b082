"""Session cookies: signed, expiring, bound to the key's stored hash; never the key itself."""

from __future__ import annotations

import time

import pytest

from service.ui.sessions import SessionCodec, same_token


def test_a_session_round_trips_and_holds_no_key_material() -> None:
    codec = SessionCodec("x" * 40, max_age=60)
    data, cookie = codec.new_session("0123456789abcdef", "f" * 64)

    assert codec.read_session(cookie) == data
    assert "f" * 16 not in cookie
    assert data.ref == codec.reference("f" * 64) != codec.reference("e" * 64)


def test_expired_forged_and_foreign_cookies_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    codec = SessionCodec("x" * 40, max_age=60)
    _, cookie = codec.new_session("0123456789abcdef", "f" * 64)
    other = SessionCodec("y" * 40, max_age=60)

    assert other.read_session(cookie) is None
    assert codec.read_session(cookie + "x") is None
    assert codec.read_session("") is None
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 61)
    assert codec.read_session(cookie) is None


def test_login_tokens_and_comparison() -> None:
    codec = SessionCodec("x" * 40, max_age=60)
    token, cookie = codec.new_login_token()
    assert codec.login_token(cookie) == token
    assert codec.login_token("garbage") is None
    assert same_token(token, token) and not same_token(token, token + "x")
    assert not same_token(None, "") and not same_token("", "")
