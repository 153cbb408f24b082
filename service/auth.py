"""Authentication and authorisation: API keys → principals → role checks, as dependencies.

Every ``/v1`` route declares the least role it needs with ``Needs.<role>``; OpenAPI then
lists the two accepted schemes (``Authorization: Bearer`` and ``X-API-Key``). Verified keys
are cached for ``key_cache_seconds`` so classify keeps working through a store outage (up to
``key_cache_stale_seconds`` while the store is down); a revocation takes effect within the
fresh time.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request, Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from models.errors import ForbiddenError, StoreUnavailableError, UnauthorizedError
from service.config import Settings
from service.identity import Principal, Role, touch_key, verify_key
from service.tables import DEFAULT_TENANT

log = logging.getLogger(__name__)

ANONYMOUS = Principal(
    key_id="anonymous",
    tenant_id=DEFAULT_TENANT,
    subject_id="anonymous",
    subject_name="anonymous",
    role=Role.admin,
)
_TOUCH_EVERY = 60.0  # seconds between last-used writes per key

_bearer = HTTPBearer(auto_error=False, scheme_name="bearer", description="vimod API key")
_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, scheme_name="apiKey", description="vimod API key"
)


class KeyCache:
    """Principals of recently verified keys, by a hash of the key (the key itself is not kept)."""

    def __init__(self, fresh: float, stale: float) -> None:
        self.fresh = fresh
        self.stale = max(stale, fresh)
        self._entries: dict[str, tuple[Principal, float]] = {}

    @staticmethod
    def _slot(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    def get(self, raw: str, *, stale_ok: bool = False) -> Principal | None:
        entry = self._entries.get(self._slot(raw))
        if entry is None:
            return None
        age = time.monotonic() - entry[1]
        return entry[0] if age <= (self.stale if stale_ok else self.fresh) else None

    def put(self, raw: str, principal: Principal) -> None:
        if len(self._entries) > 10_000:  # bound memory: drop the oldest half
            ordered = sorted(self._entries.items(), key=lambda kv: kv[1][1])
            self._entries = dict(ordered[len(ordered) // 2 :])
        self._entries[self._slot(raw)] = (principal, time.monotonic())

    def forget(self, key_id: str) -> None:
        """Drop a key at once (revoked through this process)."""
        self._entries = {s: e for s, e in self._entries.items() if e[0].key_id != key_id}


class Authenticator:
    """Verifies keys against the store, through the cache."""

    def __init__(self, settings: Settings, sessions: sessionmaker[Session]) -> None:
        self.disabled = settings.auth_disabled
        self.sessions = sessions
        self.cache = KeyCache(settings.key_cache_seconds, settings.key_cache_stale_seconds)
        self._touched: dict[str, float] = {}

    async def authenticate(self, raw: str | None) -> Principal:
        if self.disabled:
            return ANONYMOUS
        if not raw:
            raise UnauthorizedError(
                "an API key is required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"
            )
        cached = self.cache.get(raw)
        if cached is not None:
            return cached
        try:
            principal = await run_in_threadpool(self._verify, raw)
        except SQLAlchemyError:
            stale = self.cache.get(raw, stale_ok=True)
            if stale is not None:
                return stale
            raise StoreUnavailableError(
                "the key store is unavailable and this key was not verified recently"
            ) from None
        if principal is None:
            raise UnauthorizedError("invalid or revoked API key")
        self.cache.put(raw, principal)
        return principal

    def _verify(self, raw: str) -> Principal | None:
        with self.sessions() as session:
            principal = verify_key(session=session, raw=raw)
            now = time.monotonic()
            if principal is not None and now - self._touched.get(principal.key_id, -1e9) > (
                _TOUCH_EVERY
            ):
                self._touched[principal.key_id] = now
                touch_key(session=session, key_id=principal.key_id, at=datetime.now(UTC))
            return principal


def _raw_key(bearer: HTTPAuthorizationCredentials | None, header: str | None) -> str | None:
    if bearer is not None and bearer.scheme.lower() == "bearer":
        return bearer.credentials
    return header


def requires(role: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency that authenticates the caller and checks ``role`` (and its quota)."""

    async def dependency(
        request: Request,
        response: Response,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        header: Annotated[str | None, Depends(_header)],
    ) -> Principal:
        auth: Authenticator = request.app.state.auth
        principal = await auth.authenticate(_raw_key(bearer, header))
        if principal.role < role:
            raise ForbiddenError(
                f"this request needs the {role.name} role; the key's role is {principal.role.name}"
            )
        request.state.principal = principal
        quotas = getattr(request.app.state, "quotas", None)
        if quotas is not None:
            await quotas.charge_request(principal, response)
        return principal

    dependency.__name__ = f"requires_{role.name}"
    return dependency


IntegratorDep = Annotated[Principal, Depends(requires(Role.integrator))]
ModeratorDep = Annotated[Principal, Depends(requires(Role.moderator))]
TrainerDep = Annotated[Principal, Depends(requires(Role.trainer))]
AdminDep = Annotated[Principal, Depends(requires(Role.admin))]


async def metrics_access(
    request: Request,
    response: Response,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    header: Annotated[str | None, Depends(_header)],
) -> None:
    """``/metrics`` needs a trainer key unless ``metrics_public`` is set."""
    if not request.app.state.settings.metrics_public:
        await _trainer(request, response, bearer, header)


_trainer = requires(Role.trainer)
