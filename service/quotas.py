"""Per-key quotas: requests per minute and characters classified per minute.

Counted with the ``limits`` library's sliding-window counters: in process memory by default
(each worker counts on its own), or in Redis when ``redis_url`` is set so every worker and
replica shares one count. If Redis cannot be reached, requests are let through (quotas are a
fairness tool, not a security boundary), the failure is counted in
``vimod_quota_backend_errors_total`` and logged once until Redis answers again.
"""

from __future__ import annotations

import logging
import math
import time

from fastapi import Response
from limits import RateLimitItem, RateLimitItemPerMinute
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter

from models.errors import InputError, QuotaExceededError
from service.config import Settings
from service.identity import Principal
from service.metrics import Metrics

log = logging.getLogger(__name__)

_PAUSE_AFTER_FAILURE = 5.0  # seconds to let requests through without asking Redis again


class Quotas:
    """Charges requests and characters to a key; raises ``QuotaExceededError`` when spent."""

    def __init__(self, settings: Settings, metrics: Metrics) -> None:
        self.default_requests = settings.quota_requests_per_minute
        self.default_chars = settings.quota_chars_per_minute
        self.metrics = metrics
        storage: Storage
        if settings.redis_url:
            storage = RedisStorage(
                settings.redis_url,
                implementation="redispy",
                wrap_exceptions=True,
                key_prefix="vimod-quota",
                socket_timeout=0.25,
                socket_connect_timeout=0.25,
            )
            self.backend = "redis"
        else:
            storage = MemoryStorage()
            self.backend = "memory"
        self.limiter = SlidingWindowCounterRateLimiter(storage)
        self._paused_until = 0.0
        self._failing = False

    async def charge_request(self, principal: Principal, response: Response) -> None:
        limit = RateLimitItemPerMinute(principal.requests_per_minute or self.default_requests)
        await self._charge(limit, "requests", principal, 1, response, "X-RateLimit")

    async def charge_chars(self, principal: Principal, chars: int, response: Response) -> None:
        amount = principal.chars_per_minute or self.default_chars
        if chars > amount:
            raise InputError(
                f"the request has {chars} characters; this key may classify {amount} per minute"
            )
        limit = RateLimitItemPerMinute(amount)
        await self._charge(limit, "chars", principal, chars, response, "X-RateLimit-Chars")

    async def _charge(
        self,
        limit: RateLimitItem,
        kind: str,
        principal: Principal,
        cost: int,
        response: Response,
        header: str,
    ) -> None:
        if time.monotonic() < self._paused_until:
            return
        try:
            allowed = await self.limiter.hit(limit, kind, principal.key_id, cost=cost)
            stats = await self.limiter.get_window_stats(limit, kind, principal.key_id)
        except Exception as exc:  # any storage failure: let the request through
            self._backend_failed(exc)
            return
        if self._failing:
            self._failing = False
            log.warning("quota backend %s answers again", self.backend)
        reset = max(1, math.ceil(stats.reset_time - time.time()))
        headers = {
            f"{header}-Limit": str(limit.amount),
            f"{header}-Remaining": str(max(0, stats.remaining)),
            f"{header}-Reset": str(reset),
        }
        if not allowed:
            self.metrics.quota_rejections.labels(kind).inc()
            raise QuotaExceededError(
                f"quota of {limit.amount} {kind} per minute for this key is used up; "
                f"retry in {reset} s",
                retry_after=reset,
                headers=headers,
            )
        response.headers.update(headers)

    def _backend_failed(self, exc: Exception) -> None:
        self.metrics.quota_backend_errors.inc()
        self._paused_until = time.monotonic() + _PAUSE_AFTER_FAILURE
        if not self._failing:
            self._failing = True
            log.error(
                "quota backend %s unreachable (%s); letting requests through until it answers",
                self.backend,
                type(exc).__name__,
            )
