"""Signed session cookies for the web UI: who signed in, never their key.

The cookie holds the key's id, a *reference* (an HMAC of the key's stored hash under the
session secret) and the session's CSRF token, signed and time-stamped with ``itsdangerous``.
The raw key is never stored anywhere after sign-in, and the cookie is ``HttpOnly``. Each
request reads the key's row again, so a revoked key (or a lowered role) signs the session
out on its next request, and a cookie forged for another key id fails the reference check.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION_COOKIE = "vimod_session"
LOGIN_COOKIE = "vimod_login"  # the sign-in form's CSRF token, before there is a session


@dataclass(frozen=True)
class SessionData:
    """What a session cookie carries."""

    key_id: str
    ref: str
    csrf: str


class SessionCodec:
    """Signs and checks session cookies and computes key references."""

    def __init__(self, secret: str, max_age: int) -> None:
        self._secret = secret.encode()
        self.max_age = max_age
        self._sessions = URLSafeTimedSerializer(secret, salt="vimod-ui-session")
        self._login = URLSafeTimedSerializer(secret, salt="vimod-ui-login")

    def reference(self, secret_hash: str) -> str:
        """A value only this server can compute from the key's stored hash."""
        mac = hmac.new(self._secret, f"key-ref:{secret_hash}".encode(), hashlib.sha256)
        return mac.hexdigest()

    def new_session(self, key_id: str, secret_hash: str) -> tuple[SessionData, str]:
        data = SessionData(key_id, self.reference(secret_hash), secrets.token_urlsafe(32))
        return data, self._sessions.dumps([data.key_id, data.ref, data.csrf])

    def read_session(self, cookie: str | None) -> SessionData | None:
        """The session of a well-signed, unexpired cookie, else ``None``."""
        if not cookie:
            return None
        try:
            value = self._sessions.loads(cookie, max_age=self.max_age)
        except BadSignature:  # includes SignatureExpired
            return None
        if not (
            isinstance(value, list) and len(value) == 3 and all(isinstance(v, str) for v in value)
        ):
            return None
        return SessionData(*value)

    def new_login_token(self) -> tuple[str, str]:
        """(token for the form, signed cookie holding it) for the sign-in form."""
        token = secrets.token_urlsafe(32)
        return token, self._login.dumps(token)

    def login_token(self, cookie: str | None) -> str | None:
        if not cookie:
            return None
        try:
            value = self._login.loads(cookie, max_age=self.max_age)
        except BadSignature:
            return None
        return value if isinstance(value, str) else None


def same_token(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; a missing value on either side never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
