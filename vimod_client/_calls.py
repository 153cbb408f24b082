"""What each API call sends and how its answer is read, shared by both clients.

A ``Call`` is plain data; ``Attempts`` decides, response by response, whether to return,
raise or wait and send again. The sync and async clients only add the I/O.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

import httpx

from vimod_client.errors import VimodError
from vimod_client.retry import RetryPolicy, parse_retry_after, retryable_error
from vimod_client.types import (
    ClassifyResult,
    Feedback,
    FeedbackPage,
    Info,
    ModelVersion,
    Readiness,
    classify_results,
    model_versions,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Call(Generic[T]):
    """One API operation with its arguments.

    ``idempotent``: sending it twice does what sending it once does, so a connection that
    failed mid-request may be retried. ``accept``: non-2xx statuses whose body is a result
    (``/readyz`` answers 503 with its report).
    """

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    json: Any = None
    params: Mapping[str, str | int] | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    idempotent: bool = True
    accept: frozenset[int] = frozenset()
    retry_statuses: bool = True


def _body(**fields: Any) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None}


def classify(
    texts: Sequence[str] | str,
    *,
    tasks: Sequence[str] | None,
    thresholds: Mapping[str, float] | None,
    metadata: Any,
    store: bool,
    extra: Mapping[str, Any] | None,
    context: str | None = None,
) -> Call[list[ClassifyResult]]:
    one = isinstance(texts, str)
    body = _body(
        text=texts if one else None,
        texts=None if one else list(texts),
        tasks=None if tasks is None else list(tasks),
        thresholds=None if thresholds is None else dict(thresholds),
        metadata=metadata,
        context=context,
    )
    body["store"] = store
    body.update(extra or {})
    return Call(
        "POST",
        "/v1/classify",
        lambda r: classify_results(r.json()),
        json=body,
        # Storing writes rows: only then is a repeat not the same as one request.
        idempotent=not store,
    )


def create_feedback(
    *,
    label: str,
    prediction_id: str | None,
    text: str | None,
    task: str | None,
    moderator_id: str | None,
    note: str | None,
    idempotency_key: str | None,
) -> Call[Feedback]:
    key = idempotency_key or uuid.uuid4().hex
    body = _body(
        prediction_id=prediction_id,
        text=text,
        task=task,
        label=label,
        moderator_id=moderator_id,
        note=note,
    )
    return Call(
        "POST",
        "/v1/feedback",
        lambda r: Feedback.from_json(
            r.json(), replayed=r.headers.get("Idempotent-Replayed") == "true"
        ),
        json=body,
        headers={"Idempotency-Key": key},
        # The server replays the first record for a repeated key.
        idempotent=True,
    )


def list_feedback(
    *,
    task: str | None,
    label: str | None,
    since: datetime | str | None,
    until: datetime | str | None,
    limit: int,
    offset: int,
) -> Call[FeedbackPage]:
    params: dict[str, str | int] = {"limit": limit, "offset": offset}
    for name, value in (("task", task), ("label", label), ("since", since), ("until", until)):
        if value is not None:
            params[name] = value.isoformat() if isinstance(value, datetime) else value
    return Call("GET", "/v1/feedback", lambda r: FeedbackPage.from_json(r.json()), params=params)


def list_models() -> Call[list[ModelVersion]]:
    return Call("GET", "/v1/models", lambda r: model_versions(r.json()))


def info() -> Call[Info]:
    return Call("GET", "/v1/info", lambda r: Info.from_json(r.json()))


def health() -> Call[bool]:
    return Call("GET", "/healthz", lambda r: r.json().get("status") == "ok")


def readiness() -> Call[Readiness]:
    # Not retried on 503: "not ready" is the answer, not a failure.
    return Call(
        "GET",
        "/readyz",
        lambda r: Readiness.from_json(r.json()),
        accept=frozenset({503}),
        retry_statuses=False,
    )


class Attempts(Generic[T]):
    """The retry state of one call: attempts sent, seconds waited, its request id."""

    def __init__(self, call: Call[T], policy: RetryPolicy, rng: random.Random) -> None:
        self.call = call
        self.policy = policy
        self.rng = rng
        self.sent = 0
        self.waited = 0.0
        # One id for every attempt: the server log ties the retries of a call together.
        self.request_id = uuid.uuid4().hex

    def start(self, base: Mapping[str, str]) -> dict[str, str]:
        """Count an attempt; its headers: ``base``, the call's own and the request id."""
        self.sent += 1
        return {**base, **self.call.headers, "X-Request-ID": self.request_id}

    def after_response(self, response: httpx.Response) -> float | None:
        """Seconds to wait before sending again, or ``None``: ``finish`` the response."""
        status = response.status_code
        if not (self.call.retry_statuses and status in self.policy.statuses):
            return None
        return self._budget(parse_retry_after(response.headers.get("Retry-After")))

    def after_error(self, exc: httpx.TransportError) -> float:
        """Seconds to wait before sending again; raises when the error is final."""
        delay = None
        if retryable_error(exc, idempotent=self.call.idempotent):
            delay = self._budget(None)
        if delay is None:
            raise VimodError(
                None,
                "Connection",
                f"{type(exc).__name__}: {exc}",
                request_id=self.request_id,
                attempts=self.sent,
            ) from exc
        return delay

    def finish(self, response: httpx.Response) -> T:
        """The parsed result, or the response's error raised as ``VimodError``."""
        if response.is_success or response.status_code in self.call.accept:
            try:
                return self.call.parse(response)
            except (KeyError, TypeError, ValueError) as exc:
                raise self._error(
                    response, "InvalidResponse", f"unexpected response body ({exc!r})"
                ) from exc
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and isinstance(body.get("error_type"), str):
            raise self._error(
                response, body["error_type"], str(body.get("error", "")), body.get("details")
            )
        raise self._error(response, "HTTPError", f"HTTP {response.status_code} without an API body")

    def _budget(self, retry_after: float | None) -> float | None:
        if self.sent >= self.policy.max_attempts:
            return None
        delay = self.policy.wait(self.sent, retry_after, self.rng)
        if self.waited + delay > self.policy.max_total_wait:
            return None
        self.waited += delay
        return delay

    def _error(
        self,
        response: httpx.Response,
        error_type: str,
        error: str,
        details: list[dict[str, Any]] | None = None,
    ) -> VimodError:
        return VimodError(
            response.status_code,
            error_type,
            error,
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
            details=details,
            request_id=response.headers.get("X-Request-ID", self.request_id),
            attempts=self.sent,
        )
