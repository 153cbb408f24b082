"""``vimod_client.Client`` against a real vimod server over HTTP."""

from __future__ import annotations

import asyncio
import re

import pytest

from service.identity import Role
from tests.apiclient import issue_key
from tests.vimod_client.conftest import HangUp, Live, closed_port_url
from vimod_client import Client, RetryPolicy, VimodError


def _integrator(live: Live, requests_per_minute: int | None = None) -> str:
    if requests_per_minute is None:
        return issue_key(live.app, Role.integrator.name).secret
    return issue_key(live.app, Role.integrator.name, requests_per_minute=requests_per_minute).secret


def _rejections(live: Live) -> float:
    value = live.app.state.metrics.registry.get_sample_value(
        "vimod_quota_rejections_total", {"kind": "requests"}
    )
    return float(value or 0)


def test_classify_one_and_a_batch_with_tasks_and_thresholds(live: Live) -> None:
    with Client(live.url, _integrator(live)) as vimod:
        one = vimod.classify("bài viết hay quá", tasks=["toxicity"])
        batch = vimod.classify_batch(["bài viết hay quá", "đồ ngu"])
        strict = vimod.classify("bài viết hay quá", tasks=["toxicity"], thresholds={"HATE": 0.0})

    assert set(one.categories) == {"toxicity"}
    assert not one.flagged and one.categories["toxicity"].label == "CLEAN"
    assert abs(sum(one.categories["toxicity"].scores.values()) - 1) < 1e-3
    assert [set(r.categories) for r in batch] == [{"toxicity", "misinformation"}] * 2
    assert batch[1].categories["toxicity"].label != "CLEAN"  # order kept
    assert strict.flagged and strict.categories["toxicity"].flagged  # the threshold was sent
    assert not one.stored and re.fullmatch(r"[0-9a-f-]{36}", one.id)


def test_stored_prediction_gets_feedback_once_per_idempotency_key(live: Live) -> None:
    with Client(live.url, live.admin_key) as vimod:
        result = vimod.classify("đồ ngu", tasks=["toxicity"], store=True)
        first = vimod.create_feedback(
            prediction_id=result.id, label="CLEAN", note="trích dẫn", idempotency_key="fb-1"
        )
        again = vimod.create_feedback(
            prediction_id=result.id, label="CLEAN", note="trích dẫn", idempotency_key="fb-1"
        )
        page = vimod.list_feedback(task="toxicity", limit=5)

    assert result.stored
    assert (first.prediction_id, first.label, first.predicted_label) == (
        result.id,
        "CLEAN",
        result.categories["toxicity"].label,
    )
    assert first.created_at.tzinfo is not None
    assert (again.id, again.replayed, first.replayed) == (first.id, True, False)
    assert [f.id for f in page.items].count(first.id) == 1


def test_a_422_is_a_typed_error_and_not_retried(live: Live) -> None:
    waits: list[float] = []
    vimod = Client(live.url, _integrator(live), sleep=waits.append)
    with vimod, pytest.raises(VimodError) as caught:
        vimod.classify("xin chào", tasks=["spam"])

    error = caught.value
    assert (error.status, error.error_type, error.attempts) == (422, "Validation", 1)
    assert "unknown task 'spam'" in error.error
    assert error.details and error.retry_after is None
    assert error.request_id and waits == []


def test_a_bad_key_is_a_401(live: Live) -> None:
    with Client(live.url, "vmk_not-a-key") as vimod, pytest.raises(VimodError) as caught:
        vimod.info()

    assert (caught.value.status, caught.value.error_type) == (401, "Unauthorized")


def test_a_429_is_retried_after_its_retry_after_then_succeeds(live: Live) -> None:
    """The key may send one request a minute; "waiting" clears the server's counters."""
    waits: list[float] = []

    def minute_passes(seconds: float) -> None:
        waits.append(seconds)
        asyncio.run(live.app.state.quotas.limiter.storage.reset())

    policy = RetryPolicy(retry_after_jitter=0, max_total_wait=120)
    before = _rejections(live)
    with Client(live.url, _integrator(live, 1), retry=policy,
                sleep=minute_passes) as vimod:  # fmt: skip
        first = vimod.info()
        second = vimod.info()

    assert first.quotas["requests_per_minute"] == second.quotas["requests_per_minute"] == 1
    assert _rejections(live) == before + 1  # the server did refuse the second call once
    # Retry-After, not the backoff: without it the first wait is at most 0.5 s.
    assert len(waits) == 1 and waits[0] == int(waits[0]) and 1 <= waits[0] <= 60, waits


def test_a_retry_after_beyond_the_budget_is_raised_at_once(live: Live) -> None:
    waits: list[float] = []
    policy = RetryPolicy(max_total_wait=0.5)
    key = _integrator(live, 1)
    with Client(live.url, key, retry=policy, sleep=waits.append) as vimod:
        vimod.info()
        with pytest.raises(VimodError) as caught:
            vimod.info()

    error = caught.value
    assert (error.status, error.error_type, error.attempts, waits) == (429, "QuotaExceeded", 1, [])
    assert error.retry_after is not None and 1 <= error.retry_after <= 60


def test_health_readiness_info_and_models(live: Live) -> None:
    with Client(live.url, live.admin_key) as vimod:
        healthy, ready, info, models = (
            vimod.health(),
            vimod.ready(),
            vimod.info(),
            vimod.list_models(),
        )

    assert healthy and ready.ready and ready.store == "ok"
    assert info.tasks == ready.models and info.limits["max_client_batch_size"] == 8
    active = {m.task: m.version for m in models if m.active}
    assert active == {**ready.models, **ready.span_models}


def test_a_refused_connection_is_retried_with_backoff_then_raised() -> None:
    waits: list[float] = []
    policy = RetryPolicy(max_attempts=3)
    vimod = Client(closed_port_url(), retry=policy, sleep=waits.append)
    with vimod, pytest.raises(VimodError) as caught:
        vimod.classify("x", store=True)  # never sent, so safe to send again

    assert (caught.value.status, caught.value.error_type, caught.value.attempts) == (
        None,
        "Connection",
        3,
    )
    assert len(waits) == 2 and 0 <= waits[0] <= 0.5 and 0 <= waits[1] <= 1.0


def _header(request: bytes, name: str) -> str:
    found = re.search(rb"(?im)^" + name.encode() + rb": *(\S+)", request)
    assert found, request
    return found.group(1).decode()


def test_a_dropped_request_is_retried_only_when_idempotent(hang_up: HangUp) -> None:
    policy = RetryPolicy(max_attempts=3)
    with Client(hang_up.url, "k", retry=policy, sleep=lambda s: None) as vimod:
        for call in (
            lambda: vimod.classify("x", store=True),  # would store twice
            lambda: vimod.classify("x"),
            lambda: vimod.create_feedback(text="x", label="CLEAN"),
        ):
            with pytest.raises(VimodError) as caught:
                call()
            assert caught.value.error_type == "Connection"

    lines = [r.split(b"\r\n", 1)[0] for r in hang_up.requests]
    assert lines == [b"POST /v1/classify HTTP/1.1"] * 4 + [b"POST /v1/feedback HTTP/1.1"] * 3
    feedback = hang_up.requests[4:]
    # Every attempt of a call carries the same Idempotency-Key and request id.
    assert len({_header(r, "Idempotency-Key") for r in feedback}) == 1
    assert len({_header(r, "X-Request-ID") for r in feedback}) == 1
    assert re.search(rb"(?im)^authorization: Bearer k\r$", feedback[0])
