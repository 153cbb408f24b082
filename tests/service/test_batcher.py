"""``MicroBatcher``: gathering, batch limits, overload and failures; and 429 through the app."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import numpy as np
import pytest

from models.base import PostMetadata
from models.errors import OverloadedError
from models.scorer import LoadedModel
from service.batcher import MicroBatcher
from service.config import Settings
from tests.apiclient import serve
from tests.service.service_checks import assert_error


class Model:
    """A predict function that records each call and returns one row per text (its number)."""

    def __init__(self, fail_first: int = 0, gate: threading.Event | None = None) -> None:
        self.calls: list[list[str]] = []
        self.observed: list[int] = []
        self.entered = threading.Event()
        self._fail_first = fail_first
        self._gate = gate

    def __call__(self, texts: list[str], meta: list[PostMetadata | None]) -> tuple[str, np.ndarray]:
        self.calls.append(list(texts))
        self.entered.set()
        if self._gate is not None:
            assert self._gate.wait(10), "test never opened the gate"
        if len(self.calls) <= self._fail_first:
            raise ValueError("model exploded")
        return f"call-{len(self.calls)}", np.array([[float(t), len(meta)] for t in texts])

    def batcher(self, **limits: Any) -> MicroBatcher:
        options = {"max_batch": 64, "max_wait": 0.05, "max_queue": 1024, **limits}
        return MicroBatcher(self, observe=lambda size, _secs: self.observed.append(size), **options)


def _texts(start: int, n: int) -> list[str]:
    return [str(i) for i in range(start, start + n)]


async def _submit_all(batcher: MicroBatcher, jobs: Sequence[list[str]]) -> list[Any]:
    return await asyncio.gather(
        *(batcher.submit(texts, [None] * len(texts)) for texts in jobs), return_exceptions=True
    )


def _run(coro_factory: Callable[[], Any]) -> Any:
    async def main() -> Any:
        return await coro_factory()

    return asyncio.run(main())


def test_concurrent_submits_share_one_model_call() -> None:
    model = Model()
    jobs = [_texts(0, 1), _texts(1, 2), _texts(3, 1), _texts(4, 3)]

    async def scenario() -> list[Any]:
        batcher = model.batcher()
        try:
            return await _submit_all(batcher, jobs)
        finally:
            await batcher.close()

    results = _run(scenario)

    assert model.calls == [_texts(0, 7)]
    assert model.observed == [7]
    for texts, (tag, rows) in zip(jobs, results, strict=True):
        assert tag == "call-1"
        assert rows[:, 0].tolist() == [float(t) for t in texts]  # each request gets its own rows


def test_batches_never_exceed_max_batch() -> None:
    model = Model()
    jobs = [_texts(10 * i, 3) for i in range(5)]

    async def scenario() -> list[Any]:
        batcher = model.batcher(max_batch=7)
        try:
            return await _submit_all(batcher, jobs)
        finally:
            await batcher.close()

    results = _run(scenario)

    assert [len(c) for c in model.calls] == [6, 6, 3]  # a job is never split across calls
    assert sorted(t for call in model.calls for t in call) == sorted(t for j in jobs for t in j)
    for texts, (_, rows) in zip(jobs, results, strict=True):
        assert rows[:, 0].tolist() == [float(t) for t in texts]


def test_a_request_larger_than_max_batch_runs_alone() -> None:
    model = Model()
    big, small = _texts(0, 10), _texts(100, 1)

    async def scenario() -> list[Any]:
        batcher = model.batcher(max_batch=4)
        try:
            return await _submit_all(batcher, [big, small])
        finally:
            await batcher.close()

    (_, big_rows), (_, small_rows) = _run(scenario)

    assert model.calls == [big, small]
    assert big_rows.shape == (10, 2)
    assert small_rows[:, 0].tolist() == [100.0]


def test_overload_raises_while_the_worker_is_busy_and_recovers() -> None:
    gate = threading.Event()
    model = Model(gate=gate)

    async def scenario() -> tuple[Any, ...]:
        batcher = model.batcher(max_queue=3, max_wait=0)
        running = asyncio.create_task(batcher.submit(["1"], [None]))
        assert await asyncio.to_thread(model.entered.wait, 5)  # the worker holds job 1
        queued = asyncio.create_task(batcher.submit(["2", "3"], [None, None]))
        while batcher.waiting < 2:
            await asyncio.sleep(0.001)
        with pytest.raises(OverloadedError, match=r"2 texts are already waiting \(limit 3\)"):
            await batcher.submit(["4", "5"], [None, None])
        alone = asyncio.create_task(batcher.submit(["6"], [None]))  # 2 + 1 fills it exactly
        while batcher.waiting < 3:
            await asyncio.sleep(0.001)
        gate.set()
        results = await asyncio.gather(running, queued, alone)
        await batcher.close()
        return tuple(results)

    first, second, third = _run(scenario)

    assert first[1][:, 0].tolist() == [1.0]
    assert second[1][:, 0].tolist() == [2.0, 3.0]
    assert third[1][:, 0].tolist() == [6.0]
    assert all("4" not in call for call in model.calls)  # the refused texts never ran


def test_a_request_larger_than_the_queue_is_refused() -> None:
    model = Model()

    async def scenario() -> None:
        batcher = model.batcher(max_queue=2)
        with pytest.raises(OverloadedError, match="limit 2"):
            await batcher.submit(_texts(0, 3), [None] * 3)
        await batcher.close()

    _run(scenario)
    assert model.calls == []


def test_a_failing_model_fails_every_waiting_request_and_keeps_serving() -> None:
    model = Model(fail_first=1)
    jobs = [_texts(0, 1), _texts(1, 2), _texts(3, 1)]

    async def scenario() -> tuple[list[Any], Any]:
        batcher = model.batcher()
        failed = await _submit_all(batcher, jobs)
        later = await batcher.submit(["9"], [None])
        await batcher.close()
        return failed, later

    failed, (tag, rows) = _run(scenario)

    assert len(model.calls) == 2
    assert all(isinstance(e, ValueError) and str(e) == "model exploded" for e in failed)
    assert (tag, rows[:, 0].tolist()) == ("call-2", [9.0])
    assert model.observed == [1]  # only the successful call is observed


class _GatedClassifier:
    """Wraps a real classifier so a test can hold the model call open."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.kind, self.task, self.config = inner.kind, inner.task, inner.config
        self.entered = threading.Event()
        self.gate = threading.Event()

    def predict_proba(
        self, texts: Sequence[str], metadata: Sequence[PostMetadata | None] | None = None
    ) -> np.ndarray:
        self.entered.set()
        assert self.gate.wait(10), "test never opened the gate"
        return self.inner.predict_proba(texts, metadata)  # type: ignore[no-any-return]


def test_app_answers_429_when_the_queue_is_full(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings(
        tasks=["toxicity"], max_queue=1, max_client_batch_size=1, batch_max_wait_ms=0
    )
    body = {"text": "xin chào"}
    with serve(settings) as client, ThreadPoolExecutor(6) as pool:
        runtime = client.app.state.runtime  # type: ignore[attr-defined]
        loaded = runtime.models["toxicity"]
        gated = _GatedClassifier(loaded.classifier)
        runtime.models["toxicity"] = LoadedModel(gated, loaded.manifest)  # type: ignore[arg-type]

        first = pool.submit(client.post, "/v1/classify", json=body)
        assert gated.entered.wait(10)
        rivals: list[Future[Any]] = [
            pool.submit(client.post, "/v1/classify", json=body) for _ in range(4)
        ]
        deadline = time.monotonic() + 10
        while sum(f.done() for f in rivals) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        refused = [f.result() for f in rivals if f.done()]
        gated.gate.set()
        wait([first, *rivals], timeout=10)
        metrics = client.get("/metrics").text

    assert len(refused) == 3  # one rival fits the queue of 1, the other three are refused
    for response in refused:
        assert_error(response, 429, "Overloaded", "already waiting", "limit 1", "retry later")
    served = [f.result() for f in [first, *rivals] if f.result().status_code == 200]
    assert len(served) == 2
    assert all(r.json()["results"][0]["categories"]["toxicity"]["label"] for r in served)
    assert 'vimod_errors_total{error_type="Overloaded"} 3.0' in metrics


def test_batchers_sharing_one_thread_never_run_model_calls_at_once() -> None:
    """Two tasks on one inference thread: calls queue one after the other, none overlap."""
    running, overlaps = 0, 0
    lock = threading.Lock()

    def predict(texts: list[str], meta: list[PostMetadata | None]) -> tuple[str, np.ndarray]:
        nonlocal running, overlaps
        with lock:
            running += 1
            overlaps += running > 1
        time.sleep(0.02)
        with lock:
            running -= 1
        return threading.current_thread().name, np.zeros((len(texts), 1))

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inference")

    async def scenario() -> list[Any]:
        batchers = [
            MicroBatcher(predict, max_batch=4, max_wait=0, max_queue=64, executor=pool)
            for _ in range(2)
        ]
        try:
            return await asyncio.gather(
                *(b.submit(_texts(i, 2), [None, None]) for i in range(3) for b in batchers)
            )
        finally:
            for b in batchers:
                await b.close()

    results = _run(scenario)
    pool.shutdown()
    assert overlaps == 0
    assert {tag for tag, _ in results} == {"inference_0"}
