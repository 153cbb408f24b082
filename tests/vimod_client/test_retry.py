"""``vimod_client.retry``: Retry-After parsing and the bounds of the backoff."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from vimod_client.retry import RetryPolicy, parse_retry_after


def test_retry_after_as_seconds_or_http_date() -> None:
    now = datetime(2024, 5, 1, 8, 0, 0, tzinfo=UTC)

    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 01 May 2024 08:00:30 GMT", now) == 30.0
    assert parse_retry_after("Wed, 01 May 2024 07:59:00 GMT", now) == 0.0  # already past
    assert parse_retry_after("soon") is None
    assert parse_retry_after("-3") is None
    assert parse_retry_after(None) is None


def test_backoff_is_jittered_below_a_doubling_cap() -> None:
    policy = RetryPolicy(backoff_initial=0.5, backoff_max=2.0)
    rng = random.Random(1)
    waits = {n: [policy.wait(n, None, rng) for _ in range(200)] for n in (1, 2, 3, 6)}

    assert all(0 <= w <= 0.5 for w in waits[1]) and max(waits[1]) > 0.4
    assert all(0 <= w <= 1.0 for w in waits[2]) and max(waits[2]) > 0.9
    assert all(0 <= w <= 2.0 for w in waits[3] + waits[6]) and max(waits[6]) > 1.9
    assert len(set(waits[1])) == 200  # jittered, not a fixed schedule


def test_retry_after_is_honoured_and_only_stretched_by_the_jitter() -> None:
    policy = RetryPolicy(retry_after_jitter=0.1)
    rng = random.Random(2)
    waits = [policy.wait(1, 5.0, rng) for _ in range(100)]

    assert all(5.0 <= w <= 5.5 for w in waits)


@pytest.mark.parametrize(
    "bad", [{"max_attempts": 0}, {"max_total_wait": -1}, {"retry_after_jitter": 2}]
)
def test_bad_policies_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**bad)  # type: ignore[arg-type]
