"""Dynamic micro-batching: concurrent requests for one task share one model call.

Requests queue their texts; a single worker per task takes whatever is waiting (up to
``max_batch`` texts, waiting at most ``max_wait`` for more to arrive), runs the model in a
thread so the event loop stays free, and hands each request its rows. One worker per task
also means one model call at a time, which is what a CPU-bound model wants. Batchers of
several tasks can share one executor, so their model calls queue instead of contending.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from models.base import PostMetadata
from models.errors import NotReadyError, OverloadedError

# Returns (tag, proba): the tag (e.g. the model used) is handed to every request in the batch.
PredictFn = Callable[[list[str], list[PostMetadata | None]], tuple[Any, np.ndarray]]
Result = tuple[Any, np.ndarray]
Observer = Callable[[int, float], None]


@dataclass
class _Job:
    texts: list[str]
    metadata: list[PostMetadata | None]
    future: asyncio.Future[Result] = field(repr=False)


class MicroBatcher:
    """Gathers concurrent ``submit`` calls into batches for ``predict``.

    Args:
        predict: ``(texts, metadata) -> (tag, proba)`` for one task.
        max_batch: most texts per model call (a larger single request runs alone).
        max_wait: seconds to wait for more requests once one has arrived.
        max_queue: most texts waiting; beyond it ``submit`` raises ``OverloadedError``.
        observe: called with (batch size, seconds) after each model call, for metrics.
        executor: where model calls run (default: the event loop's default executor).
    """

    def __init__(
        self,
        predict: PredictFn,
        *,
        max_batch: int,
        max_wait: float,
        max_queue: int,
        observe: Observer | None = None,
        executor: Executor | None = None,
    ) -> None:
        self._predict = predict
        self._max_batch = max_batch
        self._max_wait = max_wait
        self._max_queue = max_queue
        self._observe = observe
        self._executor = executor
        self._queue: asyncio.Queue[_Job] = asyncio.Queue()
        self._waiting = 0
        self._worker: asyncio.Task[None] | None = None
        self._carry: _Job | None = None  # a job that did not fit the previous batch

    @property
    def waiting(self) -> int:
        """Texts queued and not yet taken by the worker."""
        return self._waiting

    async def submit(self, texts: Sequence[str], metadata: Sequence[PostMetadata | None]) -> Result:
        """Queue ``texts`` and wait for (tag, their probability rows)."""
        if self._waiting + len(texts) > self._max_queue:
            raise OverloadedError(
                f"{self._waiting} texts are already waiting (limit {self._max_queue}); retry later"
            )
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._run())
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting += len(texts)
        await self._queue.put(_Job(list(texts), list(metadata), future))
        return await future

    async def close(self) -> None:
        """Stop the worker and fail every request still waiting (the service is stopping)."""
        pending = [self._carry] if self._carry is not None else []
        self._carry = None
        while not self._queue.empty():
            pending.append(self._queue.get_nowait())
        for job in pending:
            if not job.future.done():
                job.future.set_exception(NotReadyError("the service is shutting down"))
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker

    async def _gather(self) -> list[_Job]:
        first, self._carry = self._carry, None
        jobs = [first if first is not None else await self._queue.get()]
        size = len(jobs[0].texts)
        deadline = time.monotonic() + self._max_wait
        while size < self._max_batch:
            try:
                nxt = self._queue.get_nowait()
            except asyncio.QueueEmpty:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    nxt = await asyncio.wait_for(self._queue.get(), remaining)
                except TimeoutError:
                    break
            if size + len(nxt.texts) > self._max_batch:
                self._carry = nxt  # first in line for the next batch
                break
            jobs.append(nxt)
            size += len(nxt.texts)
        return jobs

    async def _run(self) -> None:
        while True:
            jobs = await self._gather()
            texts = [t for job in jobs for t in job.texts]
            meta = [m for job in jobs for m in job.metadata]
            self._waiting -= len(texts)
            start = time.perf_counter()
            try:
                loop = asyncio.get_running_loop()
                tag, proba = await loop.run_in_executor(self._executor, self._predict, texts, meta)
            except Exception as exc:  # hand the failure to every waiting request
                for job in jobs:
                    if not job.future.done():
                        job.future.set_exception(exc)
                continue
            if self._observe is not None:
                self._observe(len(texts), time.perf_counter() - start)
            offset = 0
            for job in jobs:
                n = len(job.texts)
                if not job.future.done():
                    job.future.set_result((tag, proba[offset : offset + n]))
                offset += n
