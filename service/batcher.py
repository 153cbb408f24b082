"""Fair, cost-aware scheduling of model work: one call at a time, shared fairly between keys.

Every piece of model work a request needs (detecting languages, scoring for a task, finding
spans) is queued under the caller's key, and its cost is counted in characters, not texts.
One worker runs the calls one at a time on the inference executor (the CPU models hold the
GIL, so two at once only contend). Which key goes next is start-time fair queueing: the
backlogged key that has received the least model time goes first, and a key that was idle
starts level with the others, so it cannot bank credit. A heavy key therefore cannot starve
a light one: a one-post request waits for the call in progress, not for the backlog.

Small pieces of the same group (same model) from several keys share one call, up to
``max_batch`` texts and ``max_batch_chars`` characters (micro-batching). A request's texts
are cut into such pieces; a text longer than ``max_batch_chars`` runs on its own, as a
generator of steps when the model offers one (``models.stepwise``), one step per call.
Admission counts queued characters, in all and per key; a refusal says when to retry. A
request admitted for several passes holds its characters (``reserve``) until it has queued
them, so requests admitted at the same moment cannot all take the last room in the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Hashable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from models.base import PostMetadata
from models.errors import NotReadyError, OverloadedError

# What a scorer returns for its texts: one row (or item) per text.
Rows = np.ndarray | list[Any]
PredictFn = Callable[[list[str], list[PostMetadata | None]], Rows]
StepsFn = Callable[[list[str], list[PostMetadata | None], int], Generator[None, None, Rows]]
Observer = Callable[[str, int, float], None]

# A text costs its characters plus this: the fixed part of scoring one text (a one-word
# post still costs a call's worth of Python), so thousands of tiny texts are not free.
TEXT_OVERHEAD_CHARS = 50
# Characters per second assumed for Retry-After until the first call was measured.
INITIAL_RATE = 100_000.0


def text_cost(text: str, meta: PostMetadata | None = None) -> int:
    """The scheduling cost of one text, in characters: its context's count too (the
    baseline vectorizes both)."""
    extra = len(meta.context) if meta is not None and meta.context else 0
    return len(text) + extra + TEXT_OVERHEAD_CHARS


@dataclass(eq=False)
class _Piece:
    """Consecutive texts of one request for one group (model), scored in one call."""

    key: str
    group: Hashable
    label: str
    predict: PredictFn
    texts: list[str]
    metadata: list[PostMetadata | None]
    cost: int
    future: asyncio.Future[Rows] = field(repr=False)
    steps: Generator[None, None, Rows] | None = None  # a long text, run step by step
    elapsed: float = 0.0  # model time spent on its steps so far


@dataclass(eq=False)
class Reservation:
    """Characters a request was admitted for and has not queued yet (``reserve``).

    They count as queued for admission; queuing work under the reservation moves its cost
    from here to the queue, and ``release`` drops what the request never queued.
    """

    key: str
    remaining: int


@dataclass
class _Key:
    queue: deque[_Piece] = field(default_factory=deque)
    served: float = 0.0  # seconds of model time received (the fair-queueing clock)
    waiting: int = 0  # characters queued


class FairScheduler:
    """Per-key queues of model work, served fairly, one call at a time.

    Args:
        max_batch: most texts per model call.
        max_batch_chars: most characters per model call, and per step of a long text.
        max_queue_chars: most characters queued in all before ``OverloadedError``.
        max_queue_chars_per_key: most characters one key may have queued.
        executor: where calls run (default: the event loop's default executor).
        observe: called with (label, texts, seconds) after each call, for metrics.
        min_retry_after: the least Retry-After (seconds) a refusal carries.
        clock: seconds, for charging model time (tests pass a fake one).
    """

    def __init__(
        self,
        *,
        max_batch: int,
        max_batch_chars: int,
        max_queue_chars: int,
        max_queue_chars_per_key: int,
        executor: Executor | None = None,
        observe: Observer | None = None,
        min_retry_after: int = 1,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._max_batch = max_batch
        self._max_batch_chars = max_batch_chars
        self._max_queue = max_queue_chars
        self._max_key = max_queue_chars_per_key
        self._executor = executor
        self._observe = observe
        self._min_retry = min_retry_after
        self._now = clock
        self._keys: dict[str, _Key] = {}
        self._waiting = 0
        self._held: Counter[str] = Counter()  # reserved characters not queued yet, by key
        self._texts: Counter[str] = Counter()  # texts queued, by label
        self._rate = INITIAL_RATE  # characters per second of model time, measured
        self._wake = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._closed = False

    @property
    def waiting(self) -> int:
        """Characters queued and not yet scored."""
        return self._waiting

    @property
    def held(self) -> int:
        """Characters admitted (reserved) and not queued yet."""
        return self._held.total()

    def waiting_texts(self, label: str) -> int:
        """Texts queued under ``label`` (a task), for the queue gauge."""
        return self._texts[label]

    @property
    def rate(self) -> float:
        """Characters scored per second of model time (moving average)."""
        return self._rate

    def admit(self, key: str, cost: int) -> None:
        """Refuse ``cost`` more characters from ``key`` when a queue limit would be passed.

        Raises:
            OverloadedError: with ``retry_after``, the seconds until the queue should have
                drained enough for this cost (the key's own backlog drains at its fair
                share of the rate, the whole queue at the full rate).
        """
        own = (self._keys[key].waiting if key in self._keys else 0) + self._held[key]
        total = self._waiting + self._held.total()
        over_all = total + cost - self._max_queue
        over_key = own + cost - self._max_key
        if over_all <= 0 and over_key <= 0:
            return
        busy = max(1, sum(1 for k in self._keys.values() if k.queue))
        seconds = max(over_all / self._rate, over_key * busy / self._rate)
        retry = max(self._min_retry, math.ceil(seconds))
        which = (
            f"this key has {own} characters queued (limit {self._max_key})"
            if over_key > 0
            else f"{total} characters are queued (limit {self._max_queue})"
        )
        error = OverloadedError(f"{which}; this request adds {cost}; retry in {retry} s")
        error.retry_after = retry  # type: ignore[attr-defined]  # read by service.errors
        raise error

    def reserve(self, key: str, cost: int) -> Reservation:
        """``admit`` ``cost`` characters and hold them for ``key`` until queued or released."""
        self.admit(key, cost)
        self._held[key] += cost
        return Reservation(key, cost)

    def release(self, reservation: Reservation) -> None:
        """Drop what ``reservation`` still holds (the request ended, or skipped work)."""
        self.spend(reservation, reservation.remaining)

    def spend(self, reservation: Reservation, cost: int) -> None:
        """Drop ``cost`` of what ``reservation`` holds: work done without the queue (or, from
        ``score``, moved into it)."""
        take = min(reservation.remaining, cost)
        reservation.remaining -= take
        self._held[reservation.key] -= take
        if self._held[reservation.key] <= 0:
            del self._held[reservation.key]

    async def score(
        self,
        key: str,
        group: Hashable,
        label: str,
        predict: PredictFn,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None],
        *,
        steps: StepsFn | None = None,
        admitted: Reservation | None = None,
    ) -> Rows:
        """Score ``texts`` with ``predict`` under ``key``'s share; rows in input order.

        Args:
            group: pieces of equal groups may share a call (same model, same function).
            label: names the work in metrics (the task).
            steps: the model's stepwise form, for texts over ``max_batch_chars``.
            admitted: the request's ``reserve``-d characters, which this work draws on;
                without one the work is admitted here.
        """
        if self._closed:
            raise NotReadyError("the service is shutting down")
        pieces = self._cut(key, group, label, predict, list(texts), list(metadata), steps)
        cost = sum(p.cost for p in pieces)
        if admitted is None:
            self.admit(key, cost)
        else:
            self.spend(admitted, cost)
        state = self._keys.get(key)
        if state is None:
            state = self._keys[key] = _Key()
        if not state.queue:  # back from idle: start level with the busy keys
            state.served = max(state.served, self._clock())
        for piece in pieces:
            state.queue.append(piece)
            state.waiting += piece.cost
            self._waiting += piece.cost
            self._texts[piece.label] += len(piece.texts)
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._run())
        self._wake.set()
        try:
            parts = await asyncio.gather(*(p.future for p in pieces))
        except BaseException:  # a failed or abandoned request: drop its queued pieces' work
            for piece in pieces:
                piece.future.cancel()
            raise
        if not parts:
            return []
        if len(parts) == 1:
            return parts[0]
        if all(isinstance(p, np.ndarray) for p in parts):
            return np.concatenate(parts)
        return [row for part in parts for row in part]

    def _cut(
        self,
        key: str,
        group: Hashable,
        label: str,
        predict: PredictFn,
        texts: list[str],
        metadata: list[PostMetadata | None],
        steps: StepsFn | None,
    ) -> list[_Piece]:
        """Consecutive texts grouped up to the batch limits; a long text alone."""
        loop = asyncio.get_running_loop()
        pieces: list[_Piece] = []
        start, cost = 0, 0
        for i, text in enumerate([*texts, ""]):  # a sentinel closes the last piece
            c = text_cost(text, metadata[i] if i < len(texts) else None)
            end = i == len(texts)
            full = i - start >= self._max_batch or cost + c > self._max_batch_chars
            if i > start and (end or full):
                long = cost > self._max_batch_chars
                gen = (
                    steps(texts[start:i], metadata[start:i], self._max_batch_chars)
                    if (long and steps is not None)
                    else None
                )
                pieces.append(
                    _Piece(
                        key, group, label, predict, texts[start:i], metadata[start:i], cost,
                        loop.create_future(), gen,
                    )
                )  # fmt: skip
                start, cost = i, 0
            cost += c
        return pieces

    def _clock(self) -> float:
        """The fair-queueing clock: the least model time among backlogged keys."""
        busy = [k.served for k in self._keys.values() if k.queue]
        return min(busy) if busy else max((k.served for k in self._keys.values()), default=0.0)

    def _order(self) -> list[str]:
        """Backlogged keys by when their next piece would finish on a fair clock: model
        time received plus the piece's estimated remaining time (weighted fair queueing,
        so a one-post request goes before an equally served key's 8,000 characters);
        ties in the order the keys first came."""
        busy = []
        for i, (name, k) in enumerate(self._keys.items()):
            if k.queue:
                head = k.queue[0]
                busy.append((k.served + max(0.0, head.cost / self._rate - head.elapsed), i, name))
        return [name for _, _, name in sorted(busy)]

    def _next(self) -> list[_Piece]:
        """The next call: the least-served key's head, plus what fits beside it."""
        order = self._order()
        first = self._keys[order[0]].queue[0]
        if first.steps is not None or first.cost > self._max_batch_chars:
            return [first]  # a long text runs alone
        batch = [first]
        taken = {id(first)}
        n, cost = len(first.texts), first.cost
        for name in order:  # other keys' (and this key's next) pieces for the same model
            for piece in self._keys[name].queue:
                if id(piece) in taken:
                    continue
                fits = n + len(piece.texts) <= self._max_batch
                fits = fits and cost + piece.cost <= self._max_batch_chars
                if piece.group != first.group or piece.steps is not None or not fits:
                    break  # keep each key's order: nothing jumps its own queue
                batch.append(piece)
                taken.add(id(piece))
                n, cost = n + len(piece.texts), cost + piece.cost
        return batch

    def _done(self, piece: _Piece, seconds: float) -> None:
        """Charge ``piece``'s key ``seconds`` of model time and drop it from the queue."""
        state = self._keys[piece.key]
        state.served += seconds
        if state.queue and state.queue[0] is piece:
            state.queue.popleft()
        else:
            state.queue.remove(piece)
        state.waiting -= piece.cost
        self._waiting -= piece.cost
        self._texts[piece.label] -= len(piece.texts)
        if not state.queue and state.served <= self._clock():
            del self._keys[piece.key]  # nothing to remember: it would restart at the clock

    def _learn(self, chars: int, seconds: float) -> None:
        if seconds > 0 and chars > 0:
            self._rate = 0.8 * self._rate + 0.2 * (chars / seconds)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while not self._closed:
            if not any(k.queue for k in self._keys.values()):
                self._wake.clear()
                await self._wake.wait()
                continue
            batch = self._next()
            head = batch[0]
            if head.future.done():  # the request went away (cancelled): skip its work
                if head.steps is not None:
                    head.steps.close()
                self._done(head, 0.0)
                continue
            started = self._now()
            if head.steps is not None:
                await self._step(loop, head, started)
                continue
            texts = [t for p in batch for t in p.texts]
            meta = [m for p in batch for m in p.metadata]
            try:
                rows = await loop.run_in_executor(self._executor, head.predict, texts, meta)
            except Exception as exc:  # hand the failure to every request in the call
                seconds = self._now() - started
                total = sum(p.cost for p in batch)
                for piece in batch:
                    self._done(piece, seconds * piece.cost / total)
                    if not piece.future.done():
                        piece.future.set_exception(exc)
                continue
            seconds = self._now() - started
            total = sum(p.cost for p in batch)
            self._learn(total, seconds)
            if self._observe is not None:
                self._observe(head.label, len(texts), seconds)
            offset = 0
            for piece in batch:
                self._done(piece, seconds * piece.cost / total)
                n = len(piece.texts)
                if not piece.future.done():
                    piece.future.set_result(rows[offset : offset + n])
                offset += n

    async def _step(self, loop: asyncio.AbstractEventLoop, piece: _Piece, started: float) -> None:
        """One step of a long text; the key is charged the step's time and goes back in line."""
        assert piece.steps is not None
        try:
            finished, value = await loop.run_in_executor(self._executor, _advance, piece.steps)
        except Exception as exc:
            self._done(piece, self._now() - started)
            if not piece.future.done():
                piece.future.set_exception(exc)
            return
        seconds = self._now() - started
        piece.elapsed += seconds
        if not finished:
            self._keys[piece.key].served += seconds
            return
        self._learn(piece.cost, piece.elapsed)
        if self._observe is not None:
            self._observe(piece.label, len(piece.texts), piece.elapsed)
        self._done(piece, seconds)
        if not piece.future.done():
            piece.future.set_result(value if value is not None else [])

    async def close(self) -> None:
        """Stop the worker and fail every request still waiting (the service is stopping)."""
        self._closed = True
        for state in self._keys.values():
            for piece in state.queue:
                if not piece.future.done():
                    piece.future.set_exception(NotReadyError("the service is shutting down"))
                if piece.steps is not None:
                    piece.steps.close()
        self._keys.clear()
        self._waiting = 0
        self._texts.clear()
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker


def _advance(steps: Generator[None, None, Rows]) -> tuple[bool, Rows | None]:
    """Run one step: (False, None), or (True, the result) once the generator returned.

    (A ``StopIteration`` cannot travel through an asyncio future, hence the pair.)
    """
    try:
        next(steps)
    except StopIteration as done:
        return True, done.value
    return False, None
