"""``FairScheduler``: batching by cost, chunked requests, per-key fairness, admission with
Retry-After, failures; and 429 + Retry-After through the app.

The fake models record each call and advance a fake clock by what the call would cost
(its characters at ``INITIAL_RATE``); a gate holds the first call open so a test can queue
work behind it and then read the order in which the scheduler served it (no timing).
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import numpy as np
import pytest

from models.base import PostMetadata
from models.errors import OverloadedError
from models.scorer import LoadedModel
from service.batcher import INITIAL_RATE, TEXT_OVERHEAD_CHARS, FairScheduler, text_cost
from service.config import Settings
from tests.apiclient import serve
from tests.service.service_checks import assert_error


class Model:
    """Records each call (its texts) and returns one row per text: (number, call index)."""

    def __init__(self, fail_first: int = 0, gate: threading.Event | None = None) -> None:
        self.calls: list[list[str]] = []
        self.now = 0.0  # the fake clock, in seconds of model time
        self.observed: list[tuple[str, int]] = []
        self.entered = threading.Event()
        self.step_permits = threading.Semaphore(1_000)  # a test may take them to pause steps
        self._fail_first = fail_first
        self._gate = gate

    def __call__(self, texts: list[str], meta: list[PostMetadata | None]) -> np.ndarray:
        self.calls.append(list(texts))
        self.now += sum(text_cost(t) for t in texts) / INITIAL_RATE
        self.entered.set()
        if self._gate is not None:
            assert self._gate.wait(10), "test never opened the gate"
        if len(self.calls) <= self._fail_first:
            raise ValueError("model exploded")
        return np.array([[float(t.split(":")[-1]), len(self.calls)] for t in texts])

    def steps(
        self, texts: list[str], meta: list[PostMetadata | None], step: int
    ) -> Generator[None, None, np.ndarray]:
        """A long text in steps of ``step`` characters; each step is recorded as a call."""
        for start in range(0, len(texts[0]), step):
            assert self.step_permits.acquire(timeout=10), "test never let the step run"
            self.calls.append([f"step {start // step} of {texts[0][:1]}"])
            self.now += step / INITIAL_RATE
            yield
        return np.array([[-1.0, len(self.calls)]])

    def scheduler(self, **limits: Any) -> FairScheduler:
        options = {
            "max_batch": 64,
            "max_batch_chars": 10_000,
            "max_queue_chars": 1_000_000,
            "max_queue_chars_per_key": 1_000_000,
            **limits,
        }
        return FairScheduler(
            observe=lambda label, size, _secs: self.observed.append((label, size)),
            clock=lambda: self.now,
            **options,
        )

    async def score(
        self, scheduler: FairScheduler, key: str, texts: list[str], **kw: Any
    ) -> np.ndarray:
        rows = await scheduler.score(key, "m", "toxicity", self, texts, [None] * len(texts), **kw)
        return np.asarray(rows)


def _texts(start: int, n: int, key: str = "") -> list[str]:
    return [f"{key}:{i}" if key else str(i) for i in range(start, start + n)]


def _run(coro_factory: Callable[[], Any]) -> Any:
    async def main() -> Any:
        return await coro_factory()

    return asyncio.run(main())


async def _hold(model: Model, scheduler: FairScheduler, key: str = "busy") -> asyncio.Task[Any]:
    """Start one call and wait until the model is inside it (the gate keeps it there)."""
    running = asyncio.create_task(model.score(scheduler, key, ["0"]))
    assert await asyncio.to_thread(model.entered.wait, 5)
    return running


async def _queued(scheduler: FairScheduler, chars: int) -> None:
    while scheduler.waiting < chars:
        await asyncio.sleep(0.001)


def test_concurrent_requests_share_one_call() -> None:
    model = Model()
    jobs = [_texts(0, 1), _texts(1, 2), _texts(3, 1), _texts(4, 3)]

    async def scenario() -> list[Any]:
        scheduler = model.scheduler()
        try:
            return await asyncio.gather(*(model.score(scheduler, "k", j) for j in jobs))
        finally:
            await scheduler.close()

    results = _run(scenario)

    assert model.calls == [_texts(0, 7)]
    assert model.observed == [("toxicity", 7)]
    for texts, rows in zip(jobs, results, strict=True):
        assert rows[:, 0].tolist() == [float(t) for t in texts]  # each request its own rows


def test_calls_stay_within_the_text_and_character_limits() -> None:
    model = Model()
    short = [_texts(10 * i, 3) for i in range(5)]
    wide = [f"{'x' * 1_000}:{i}" for i in range(20)]  # 20 texts of ~1,000 characters

    async def scenario() -> list[Any]:
        scheduler = model.scheduler(max_batch=7, max_batch_chars=3 * text_cost(wide[0]))
        try:
            return await asyncio.gather(*(model.score(scheduler, "k", j) for j in [*short, wide]))
        finally:
            await scheduler.close()

    *results, wide_rows = _run(scenario)

    assert all(len(c) <= 7 for c in model.calls)
    assert all(sum(text_cost(t) for t in c) <= 3 * text_cost(wide[0]) for c in model.calls)
    assert sorted(t for call in model.calls for t in call) == sorted(
        [t for j in short for t in j] + wide
    )
    for texts, rows in zip(short, results, strict=True):
        assert rows[:, 0].tolist() == [float(t) for t in texts]
    assert wide_rows[:, 0].tolist() == [float(i) for i in range(20)]


def test_a_chunked_request_gets_the_rows_of_an_unchunked_one() -> None:
    texts = [f"{'y' * (i * 37 % 900)}:{i}" for i in range(60)]

    def rows(max_batch_chars: int) -> tuple[np.ndarray, int]:
        model = Model()

        async def scenario() -> np.ndarray:
            scheduler = model.scheduler(max_batch_chars=max_batch_chars)
            try:
                return await model.score(scheduler, "k", texts)
            finally:
                await scheduler.close()

        return _run(scenario)[:, 0], len(model.calls)

    whole, whole_calls = rows(1_000_000)
    chunked, chunked_calls = rows(2_000)
    assert (whole_calls, chunked_calls > 5) == (1, True)
    assert np.array_equal(chunked, whole)


def test_a_light_key_is_served_right_after_the_call_in_progress() -> None:
    gate = threading.Event()
    model = Model(gate=gate)

    async def scenario() -> None:
        scheduler = model.scheduler(max_batch_chars=3 * text_cost("heavy:00"))
        held = await _hold(model, scheduler)
        heavy = asyncio.create_task(model.score(scheduler, "heavy", _texts(0, 12, "heavy")))
        await _queued(scheduler, 12 * text_cost("heavy:00"))
        light = asyncio.create_task(model.score(scheduler, "light", ["light:7"]))
        await _queued(scheduler, 12 * text_cost("heavy:00") + text_cost("light:7"))
        gate.set()
        await asyncio.gather(held, heavy, light)
        await scheduler.close()

    _run(scenario)

    # The held call, then the light key (it has had no model time), then the heavy key's
    # pieces: light never waits for the heavy key's backlog.
    assert model.calls[1] == ["light:7"]
    assert [len(c) for c in model.calls[2:]] == [3, 3, 3, 3]


def test_two_heavy_keys_take_turns() -> None:
    gate = threading.Event()
    model = Model(gate=gate)
    cost = text_cost("a:00")

    async def scenario() -> None:
        scheduler = model.scheduler(max_batch_chars=2 * cost)
        held = await _hold(model, scheduler)
        a = asyncio.create_task(model.score(scheduler, "a", _texts(0, 8, "a")))
        await _queued(scheduler, 8 * cost)
        b = asyncio.create_task(model.score(scheduler, "b", _texts(0, 8, "b")))
        await _queued(scheduler, 16 * cost)
        gate.set()
        await asyncio.gather(held, a, b)
        await scheduler.close()

    _run(scenario)

    owners = [c[0].split(":")[0] for c in model.calls[1:]]
    assert sorted(owners) == ["a"] * 4 + ["b"] * 4
    for i in range(len(owners)):  # neither key ever gets two calls ahead of the other
        done = owners[: i + 1]
        assert abs(done.count("a") - done.count("b")) <= 1


def test_a_long_text_runs_in_steps_that_other_keys_interleave() -> None:
    gate = threading.Event()
    model = Model(gate=gate)
    model.step_permits = threading.Semaphore(2)  # two steps, then wait for the test
    long_text = "L" * 5_000

    async def scenario() -> tuple[np.ndarray, np.ndarray]:
        scheduler = model.scheduler(max_batch_chars=1_000)
        held = await _hold(model, scheduler, key="heavy")
        heavy = asyncio.create_task(model.score(scheduler, "heavy", [long_text], steps=model.steps))
        await _queued(scheduler, text_cost(long_text))
        gate.set()
        while len(model.calls) < 3:  # the long text ran two steps; the third waits
            await asyncio.sleep(0.001)
        light_task = asyncio.create_task(model.score(scheduler, "light", ["light:5"]))
        await _queued(scheduler, text_cost(long_text) + text_cost("light:5"))
        for _ in range(3):
            model.step_permits.release()
        light = await light_task
        out = await heavy
        await held
        await scheduler.close()
        return out, light

    heavy_rows, light_rows = _run(scenario)

    steps = [i for i, c in enumerate(model.calls) if c[0].startswith("step")]
    light_at = model.calls.index(["light:5"])
    assert len(steps) == 5  # 5,000 characters in steps of 1,000
    assert steps[0] < light_at < steps[-1]  # the light request ran between two steps
    assert heavy_rows.shape == (1, 2) and heavy_rows[0, 0] == -1.0
    assert light_rows[:, 0].tolist() == [5.0]
    assert model.observed[-1] == ("toxicity", 1)


def test_admission_counts_characters_per_key_and_says_when_to_retry() -> None:
    gate = threading.Event()
    model = Model(gate=gate)
    big = ["z" * 950 + f":{i}" for i in range(10)]  # 10 texts costing ~1,000 each
    cost = sum(text_cost(t) for t in big)

    async def scenario() -> None:
        scheduler = model.scheduler(max_queue_chars=4 * cost, max_queue_chars_per_key=2 * cost)
        held = await _hold(model, scheduler)
        queued = [asyncio.create_task(model.score(scheduler, "heavy", big)) for _ in range(2)]
        await _queued(scheduler, 2 * cost)
        with pytest.raises(OverloadedError, match="this key has") as refused:
            await model.score(scheduler, "heavy", big[:5])
        # Half of the 10 texts must drain first, at the heavy key's share (one busy key).
        expected = int(np.ceil((cost / 2) / INITIAL_RATE))
        assert refused.value.retry_after == max(1, expected)  # type: ignore[attr-defined]
        other = asyncio.create_task(model.score(scheduler, "other", big))  # its own room
        await _queued(scheduler, 3 * cost)
        with pytest.raises(OverloadedError, match="characters are queued") as full:
            await model.score(scheduler, "third", big + big[:1])
        assert full.value.retry_after >= 1  # type: ignore[attr-defined]
        gate.set()
        await asyncio.gather(held, *queued, other)
        assert scheduler.waiting == 0
        await model.score(scheduler, "heavy", big[:5])  # drained: admitted again
        await scheduler.close()

    _run(scenario)
    assert sum(len(c) for c in model.calls) == 1 + 30 + 5  # refused texts never ran


def test_a_reservation_holds_its_room_until_queued_and_is_released_at_the_end() -> None:
    """Two requests admitted before either has queued its work cannot both take the last
    room: what ``reserve`` admits counts as queued until drawn on or released."""
    gate = threading.Event()
    model = Model(gate=gate)
    texts = ["y" * 450 + f":{i}" for i in range(4)]
    cost = sum(text_cost(t) for t in texts)

    async def scenario() -> None:
        scheduler = model.scheduler(max_queue_chars=10 * cost, max_queue_chars_per_key=3 * cost)
        held = await _hold(model, scheduler)
        first = scheduler.reserve("k", 2 * cost)  # two passes, none queued yet
        assert scheduler.held == 2 * cost
        with pytest.raises(OverloadedError, match="this key has"):
            scheduler.reserve("k", 2 * cost)  # nothing queued, but the room is taken
        other = scheduler.reserve("other", 2 * cost)  # another key has its own room
        one_pass = asyncio.create_task(model.score(scheduler, "k", texts, admitted=first))
        await _queued(scheduler, cost)
        assert (scheduler.held, first.remaining) == (3 * cost, cost)  # moved, not counted twice
        with pytest.raises(OverloadedError):
            scheduler.reserve("k", 2 * cost)  # queued + still held: 2 of 3 taken
        scheduler.release(first)  # the request skipped its second pass
        scheduler.release(other)
        assert scheduler.held == 0 and first.remaining == 0
        again = scheduler.reserve("k", 2 * cost)  # queued 1 + 2 fits in 3
        scheduler.release(again)
        gate.set()
        await asyncio.gather(held, one_pass)
        assert (scheduler.waiting, scheduler.held) == (0, 0)
        await scheduler.close()

    _run(scenario)


def test_retry_after_is_the_estimated_drain_time() -> None:
    gate = threading.Event()
    model = Model(gate=gate)
    chunk = ["w" * 9_950 + f":{i:02d}" for i in range(55)]  # ~10,000 characters each
    asked = sum(text_cost(t) for t in chunk)
    limit = 600_000

    async def scenario() -> list[tuple[int, int]]:
        scheduler = model.scheduler(max_queue_chars=limit, max_queue_chars_per_key=limit)
        held = await _hold(model, scheduler)
        waits, queued = [], []
        for n in (10, 40):
            queued.append(asyncio.create_task(model.score(scheduler, "a", chunk[:n])))
            await _queued(scheduler, sum(text_cost(t) for t in chunk[:n]))
            with pytest.raises(OverloadedError) as refused:
                await model.score(scheduler, "b", chunk)
            excess = scheduler.waiting + asked - limit  # what must drain before it fits
            expected = math.ceil(excess / INITIAL_RATE)  # no call finished: the initial rate
            waits.append((refused.value.retry_after, expected))  # type: ignore[attr-defined]
        gate.set()
        await asyncio.gather(held, *queued)
        await scheduler.close()
        return waits

    (first, first_expected), (second, second_expected) = _run(scenario)
    assert (first, second) == (first_expected, second_expected)
    assert 1 <= first < second  # more queued ahead: a later retry


def test_a_failing_model_fails_every_request_in_the_call_and_keeps_serving() -> None:
    model = Model(fail_first=1)
    jobs = [_texts(0, 1), _texts(1, 2), _texts(3, 1)]

    async def scenario() -> tuple[list[Any], Any]:
        scheduler = model.scheduler()
        failed = await asyncio.gather(
            *(model.score(scheduler, "k", j) for j in jobs), return_exceptions=True
        )
        later = await model.score(scheduler, "k", ["9"])
        await scheduler.close()
        return failed, later

    failed, rows = _run(scenario)

    assert len(model.calls) == 2
    assert all(isinstance(e, ValueError) and str(e) == "model exploded" for e in failed)
    assert rows.tolist() == [[9.0, 2.0]]
    assert model.observed == [("toxicity", 1)]  # only the successful call is observed
    assert TEXT_OVERHEAD_CHARS > 0


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


def test_app_answers_429_with_retry_after_when_the_key_has_too_much_queued(
    make_settings: Callable[..., Settings],
) -> None:
    per_text = 20 + TEXT_OVERHEAD_CHARS
    settings = make_settings(
        tasks=["toxicity"],
        max_client_batch_size=1,
        max_input_chars=20,
        max_queue_chars_per_key=3 * per_text,  # the largest request: one text, three passes
        max_queue_chars=3 * per_text,
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

    assert len(refused) == 3  # one rival fits beside the held request, three are refused
    for response in refused:
        assert_error(response, 429, "Overloaded", "characters", "retry in")
        assert int(response.headers["Retry-After"]) >= 1
        assert response.headers["Retry-After"] in response.json()["error"]
    served = [f.result() for f in [first, *rivals] if f.result().status_code == 200]
    assert len(served) == 2
    assert all(r.json()["results"][0]["categories"]["toxicity"]["label"] for r in served)
    assert 'vimod_errors_total{error_type="Overloaded"} 3.0' in metrics


def test_one_call_at_a_time_across_models() -> None:
    """Work for two models (tasks) shares one worker: calls never overlap."""
    running, overlaps = 0, 0
    lock = threading.Lock()

    def predict(texts: list[str], meta: list[PostMetadata | None]) -> np.ndarray:
        nonlocal running, overlaps
        with lock:
            running += 1
            overlaps += running > 1
        time.sleep(0.01)
        with lock:
            running -= 1
        return np.zeros((len(texts), 1))

    pool = ThreadPoolExecutor(max_workers=4)

    async def scenario() -> None:
        scheduler = FairScheduler(
            max_batch=4,
            max_batch_chars=10_000,
            max_queue_chars=10_000,
            max_queue_chars_per_key=10_000,
            executor=pool,
        )
        try:
            await asyncio.gather(
                *(
                    scheduler.score(f"k{i}", task, task, predict, _texts(i, 2), [None, None])
                    for i in range(3)
                    for task in ("toxicity", "misinformation")
                )
            )
        finally:
            await scheduler.close()

    _run(scenario)
    pool.shutdown()
    assert overlaps == 0


def test_a_posts_context_costs_like_text() -> None:
    from models.base import PostMetadata
    from service.batcher import text_cost

    assert text_cost("đồ ngu", PostMetadata(context="Bài A")) == text_cost("đồ ngu") + 5
    assert text_cost("đồ ngu", PostMetadata(likes=3)) == text_cost("đồ ngu")
