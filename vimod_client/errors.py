"""The one exception a vimod client raises: the API's ``{"error", "error_type"}`` with status."""

from __future__ import annotations

from typing import Any


class VimodError(Exception):
    """A request that failed for good (after any retries).

    Attributes:
        status: the HTTP status, or ``None`` when no response came (connection failure).
        error_type: the API's ``error_type`` (``Validation``, ``QuotaExceeded``, ...), or
            ``Connection`` / ``InvalidResponse`` for failures the client itself saw.
        error: the API's human-readable message.
        retry_after: seconds the server asked to wait (``Retry-After``), if it said.
        details: per-field problems of a 422, as the API lists them.
        request_id: the ``X-Request-ID`` of the last attempt, to find it in the server log.
        attempts: how many requests were sent.
    """

    def __init__(
        self,
        status: int | None,
        error_type: str,
        error: str,
        *,
        retry_after: float | None = None,
        details: list[dict[str, Any]] | None = None,
        request_id: str | None = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(f"{status or 'no response'} {error_type}: {error}")
        self.status = status
        self.error_type = error_type
        self.error = error
        self.retry_after = retry_after
        self.details = details
        self.request_id = request_id
        self.attempts = attempts

    def __repr__(self) -> str:
        return (
            f"VimodError(status={self.status!r}, error_type={self.error_type!r}, "
            f"error={self.error!r}, retry_after={self.retry_after!r})"
        )
