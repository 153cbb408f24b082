"""``AsyncClient``: the asynchronous vimod API client over ``httpx`` (asyncio or trio)."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, TypeVar

import anyio
import httpx

from vimod_client import _calls
from vimod_client._calls import Attempts, Call
from vimod_client.client import base_headers
from vimod_client.retry import RetryPolicy
from vimod_client.types import ClassifyResult, Feedback, FeedbackPage, Info, ModelVersion, Readiness

T = TypeVar("T")


class AsyncClient:
    """Calls a vimod server without blocking: ``Client``'s methods, awaited, same retries.

    Args:
        base_url: e.g. ``http://127.0.0.1:8000`` (a proxy's URL in a multi-replica setup).
        api_key: sent as ``Authorization: Bearer``; ``None`` for a server without keys.
        timeout: seconds per request (connect, read, write, pool), or an ``httpx.Timeout``.
        retry: retry bounds; ``vimod_client.NO_RETRY`` disables retries.
        headers: extra headers sent with every request.
        transport: an ``httpx`` transport (tests, proxies, custom TLS).
        sleep: how to wait between attempts (tests pass a recorder); ``anyio.sleep`` by default.
        rng: source of the backoff jitter.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        *,
        timeout: float | httpx.Timeout = 10.0,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)
        self._headers = base_headers(api_key, headers)
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._rng = rng or random.Random()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def classify(
        self,
        text: str,
        *,
        tasks: Sequence[str] | None = None,
        thresholds: Mapping[str, float] | None = None,
        metadata: Mapping[str, Any] | None = None,
        store: bool = False,
        context: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> ClassifyResult:
        """Score one post. ``context``: what it replies to (article title, parent post),
        read by the toxicity model beside it (also ``metadata["context"]``). ``extra``: body
        fields this client does not know yet."""
        call = _calls.classify(
            text,
            tasks=tasks,
            thresholds=thresholds,
            metadata=metadata,
            store=store,
            extra=extra,
            context=context,
        )
        return (await self._run(call))[0]

    async def classify_batch(
        self,
        texts: Sequence[str],
        *,
        tasks: Sequence[str] | None = None,
        thresholds: Mapping[str, float] | None = None,
        metadata: Sequence[Mapping[str, Any] | None] | None = None,
        store: bool = False,
        context: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> list[ClassifyResult]:
        """Score a batch (up to the server's ``max_client_batch_size``), results in order.

        ``context``: what every post replies to; ``metadata[i]["context"]`` overrides it
        for post ``i``."""
        if isinstance(texts, str):
            raise TypeError("classify_batch takes a sequence of texts; use classify for one")
        call = _calls.classify(
            texts,
            tasks=tasks,
            thresholds=thresholds,
            metadata=None if metadata is None else list(metadata),
            store=store,
            extra=extra,
            context=context,
        )
        return await self._run(call)

    async def create_feedback(
        self,
        *,
        label: str,
        prediction_id: str | None = None,
        text: str | None = None,
        task: str | None = None,
        moderator_id: str | None = None,
        note: str | None = None,
        idempotency_key: str | None = None,
    ) -> Feedback:
        """Record the correct label of a stored prediction or a text.

        Always sent with an ``Idempotency-Key`` (a fresh one unless given), so a retry after
        a lost response stores one record, not two.
        """
        return await self._run(
            _calls.create_feedback(
                label=label,
                prediction_id=prediction_id,
                text=text,
                task=task,
                moderator_id=moderator_id,
                note=note,
                idempotency_key=idempotency_key,
            )
        )

    async def list_feedback(
        self,
        *,
        task: str | None = None,
        label: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> FeedbackPage:
        """One page of feedback, newest first."""
        return await self._run(
            _calls.list_feedback(
                task=task, label=label, since=since, until=until, limit=limit, offset=offset
            )
        )

    async def list_models(self) -> list[ModelVersion]:
        """Every registered model version (trainer or admin key)."""
        return await self._run(_calls.list_models())

    async def info(self) -> Info:
        """Served tasks and versions, limits and this key's quotas."""
        return await self._run(_calls.info())

    async def health(self) -> bool:
        """Liveness: ``True`` when the process answers."""
        return await self._run(_calls.health())

    async def ready(self) -> Readiness:
        """Readiness of the replica that answers (``.ready`` is false on a 503)."""
        return await self._run(_calls.readiness())

    async def _run(self, call: Call[T]) -> T:
        attempts = Attempts(call, self._retry, self._rng)
        while True:
            try:
                response = await self._http.request(
                    call.method,
                    call.path,
                    json=call.json,
                    params=call.params,
                    headers=attempts.start(self._headers),
                )
            except httpx.TransportError as exc:
                delay = attempts.after_error(exc)
            else:
                retry_in = attempts.after_response(response)
                if retry_in is None:
                    return attempts.finish(response)
                delay = retry_in
            await self._sleep(delay)
