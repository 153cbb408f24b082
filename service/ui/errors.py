"""What a web UI page raises: an error page in the reader's language, or a sign-in redirect."""

from __future__ import annotations


class UiError(Exception):
    """Answer with the error page: ``status`` and the locale key of the explanation."""

    def __init__(self, status: int, message_key: str, **values: object) -> None:
        super().__init__(message_key)
        self.status = status
        self.message_key = message_key
        self.values = values


class SignInRequired(Exception):
    """Send the browser to the sign-in page, then back to ``next_path``.

    ``reason`` (a locale key under ``login.reason``) says why a session ended, if one did.
    """

    def __init__(self, next_path: str, reason: str | None = None) -> None:
        super().__init__(reason or "sign-in required")
        self.next_path = next_path
        self.reason = reason
