"""``vimod_client.AsyncClient`` against a real vimod server over HTTP (anyio, asyncio)."""

from __future__ import annotations

import anyio
import pytest

from service.identity import Role
from tests.apiclient import issue_key
from tests.vimod_client.conftest import Live
from vimod_client import AsyncClient, ClassifyResult, RetryPolicy, VimodError

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_classify_concurrently_and_feedback(live: Live) -> None:
    texts = ["bài viết hay quá", "đồ ngu", "xin chào"]
    found: dict[int, ClassifyResult] = {}
    async with AsyncClient(live.url, live.admin_key) as vimod:

        async def one(i: int) -> None:
            found[i] = await vimod.classify(texts[i], tasks=["toxicity"], store=True)

        async with anyio.create_task_group() as group:
            for i in range(len(texts)):
                group.start_soon(one, i)
        batch = await vimod.classify_batch(texts, tasks=["toxicity"])
        feedback = await vimod.create_feedback(prediction_id=found[1].id, label="HATE")
        ready = await vimod.ready()

    labels = [found[i].categories["toxicity"].label for i in range(len(texts))]
    assert labels == [r.categories["toxicity"].label for r in batch]
    assert all(found[i].stored for i in found) and not batch[0].stored
    assert feedback.prediction_id == found[1].id and not feedback.replayed
    assert ready.ready


async def test_a_422_is_a_typed_error_and_not_retried(live: Live) -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    async with AsyncClient(live.url, live.admin_key, sleep=record) as vimod:
        with pytest.raises(VimodError) as caught:
            await vimod.create_feedback(text="xin chào", task="toxicity", label="UNRELIABLE")

    assert (caught.value.status, caught.value.error_type, caught.value.attempts) == (
        422,
        "Validation",
        1,
    )
    assert waits == []


async def test_a_429_is_retried_after_its_retry_after(live: Live) -> None:
    waits: list[float] = []

    async def minute_passes(seconds: float) -> None:
        waits.append(seconds)
        await live.app.state.quotas.limiter.storage.reset()

    key = issue_key(live.app, Role.integrator.name, requests_per_minute=1).secret
    policy = RetryPolicy(retry_after_jitter=0, max_total_wait=120)
    async with AsyncClient(live.url, key, retry=policy, sleep=minute_passes) as vimod:
        first = await vimod.classify("xin chào", tasks=["toxicity"])
        second = await vimod.classify("xin chào", tasks=["toxicity"])

    assert first.categories["toxicity"].label == second.categories["toxicity"].label
    assert len(waits) == 1 and waits[0] == int(waits[0]) and 1 <= waits[0] <= 60, waits
