"""When and how long to wait before sending a request again.

Statuses 429 and 503 are retried for every call: vimod answers them before doing the work
(quota spent, queue full, store or model unavailable), so repeating cannot do it twice. A
connection error is retried only for an idempotent call, or when the connection was never
made (nothing was sent). Waits honour ``Retry-After``; without it they back off
exponentially with full jitter, so clients that failed together do not return together.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

# Failures where the request cannot have reached the server.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds of the retries of one call.

    Args:
        max_attempts: requests sent at most, the first included (1: never retry).
        max_total_wait: seconds of waiting at most over all retries of a call; a
            ``Retry-After`` that would exceed it is not waited for: the error is raised.
        backoff_initial: upper bound of the first jittered wait without ``Retry-After``.
        backoff_max: upper bound of any jittered wait.
        retry_after_jitter: a ``Retry-After`` wait is stretched by up to this fraction.
        statuses: response statuses that are retried.
    """

    max_attempts: int = 4
    max_total_wait: float = 30.0
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    retry_after_jitter: float = 0.1
    statuses: frozenset[int] = field(default_factory=lambda: frozenset({429, 503}))

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if min(self.max_total_wait, self.backoff_initial, self.backoff_max) < 0:
            raise ValueError("waits must not be negative")
        if not 0 <= self.retry_after_jitter <= 1:
            raise ValueError("retry_after_jitter must be in [0, 1]")

    def wait(
        self, attempt: int, retry_after: float | None, rng: random.Random | None = None
    ) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (``attempt`` counts from 1)."""
        draw = (rng or random).uniform
        if retry_after is not None:
            return retry_after * (1 + draw(0, self.retry_after_jitter))
        cap = min(self.backoff_max, self.backoff_initial * 2 ** (attempt - 1))
        return draw(0, cap)


NO_RETRY = RetryPolicy(max_attempts=1)


def retryable_error(exc: httpx.TransportError, *, idempotent: bool) -> bool:
    """Whether sending again after ``exc`` is safe."""
    return idempotent or isinstance(exc, _NOT_SENT)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` in seconds: delta-seconds or an HTTP date; ``None`` if absent or bad."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
