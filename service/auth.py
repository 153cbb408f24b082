"""Authentication and authorisation: API keys → principals → role checks, as dependencies.

Every ``/v1`` route declares the least role it needs with ``Needs.<role>``; OpenAPI then
lists the two accepted schemes (``Authorization: Bearer`` and ``X-API-Key``). Verified keys
are cached for ``key_cache_seconds`` so classify keeps working through a store outage (up to
``key_cache_stale_seconds`` while the store is down, also across a restart: the cache is kept
as SHA-256 digests in a 0600 file beside the first admin key); a revocation takes effect
within the fresh time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.security import APIKeyHeader, APIKeyQuery, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from models.errors import ForbiddenError, StoreUnavailableError, UnauthorizedError
from service.config import Settings
from service.identity import Principal, Role, touch_key, verify_key
from service.private_files import write_private
from service.tables import DEFAULT_TENANT

log = logging.getLogger(__name__)

ANONYMOUS = Principal(
    key_id="anonymous",
    tenant_id=DEFAULT_TENANT,
    subject_id="anonymous",
    subject_name="anonymous",
    role=Role.admin,
)
KEY_CACHE_FILE = "key-cache.json"
_TOUCH_EVERY = 60.0  # seconds between last-used writes per key

_bearer = HTTPBearer(auto_error=False, scheme_name="bearer", description="vimod API key")
_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, scheme_name="apiKey", description="vimod API key"
)
# Perspective clients send ``?key=``; only the Perspective route accepts it. Access lines log
# route templates, never query strings, so the key is not logged.
_query = APIKeyQuery(
    name="key",
    auto_error=False,
    scheme_name="queryKey",
    description="vimod API key as `?key=` (the Perspective-compatible route only)",
)


class KeyCache:
    """Principals of recently verified keys, by a SHA-256 of the key (the key is not kept).

    Entries are also written to a 0600 file (``path``), so a process started while the store
    is down still accepts keys that any process verified within the stale time.
    """

    def __init__(self, fresh: float, stale: float, path: Path | None = None) -> None:
        self.fresh = fresh
        self.stale = max(stale, fresh)
        self.path = path
        self._entries: dict[str, tuple[Principal, float]] = {}
        self._saved: dict[str, float] = {}  # slot -> wall time it was last written to disk

    @staticmethod
    def _slot(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    def get(self, raw: str, *, stale_ok: bool = False) -> Principal | None:
        slot = self._slot(raw)
        entry = self._entries.get(slot)
        limit = self.stale if stale_ok else self.fresh
        if entry is not None and time.monotonic() - entry[1] <= limit:
            return entry[0]
        if stale_ok:
            return self._from_disk(slot)
        return None

    def put(self, raw: str, principal: Principal) -> None:
        if len(self._entries) > 10_000:  # bound memory: drop the oldest half
            ordered = sorted(self._entries.items(), key=lambda kv: kv[1][1])
            self._entries = dict(ordered[len(ordered) // 2 :])
        slot = self._slot(raw)
        self._entries[slot] = (principal, time.monotonic())
        if self.path is not None and time.time() - self._saved.get(slot, 0.0) > self.fresh:
            self._save(slot, principal)

    def forget(self, key_id: str) -> None:
        """Drop a key at once (revoked through this process), from memory and disk."""
        self._entries = {s: e for s, e in self._entries.items() if e[0].key_id != key_id}
        if self.path is not None:
            data = {s: e for s, e in self._read().items() if e.get("key_id") != key_id}
            self._write(data)

    def _from_disk(self, slot: str) -> Principal | None:
        entry = self._read().get(slot)
        if not entry or time.time() - float(entry.get("verified_at", 0)) > self.stale:
            return None
        try:
            fields = {k: v for k, v in entry.items() if k != "verified_at"}
            return Principal(**{**fields, "role": Role[fields["role"]]})
        except (KeyError, TypeError):
            return None

    def _save(self, slot: str, principal: Principal) -> None:
        now = time.time()
        data = {
            s: e
            for s, e in self._read().items()
            if now - float(e.get("verified_at", 0)) <= self.stale
        }
        data[slot] = {**asdict(principal), "role": principal.role.name, "verified_at": now}
        try:
            self._write(data)
            self._saved[slot] = now
        except OSError as exc:  # a read-only secrets dir only loses the restart convenience
            log.warning("cannot write the key cache file: %s", type(exc).__name__)

    def _read(self) -> dict[str, dict[str, Any]]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, dict[str, Any]]) -> None:
        assert self.path is not None
        write_private(self.path, json.dumps(data))


class Authenticator:
    """Verifies keys against the store, through the cache."""

    def __init__(self, settings: Settings, sessions: sessionmaker[Session]) -> None:
        self.disabled = settings.auth_disabled
        self.sessions = sessions
        self.cache = KeyCache(
            settings.key_cache_seconds,
            settings.key_cache_stale_seconds,
            settings.secrets_dir / KEY_CACHE_FILE,
        )
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
        except (SQLAlchemyError, StoreUnavailableError):
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


async def _admit(request: Request, response: Response, raw: str | None, role: Role) -> Principal:
    """Authenticate ``raw``, check ``role`` and charge the key's request quota."""
    auth: Authenticator = request.app.state.auth
    principal = await auth.authenticate(raw)
    if principal.role < role:
        raise ForbiddenError(
            f"this request needs the {role.name} role; the key's role is {principal.role.name}"
        )
    request.state.principal = principal
    quotas = getattr(request.app.state, "quotas", None)
    if quotas is not None:
        await quotas.charge_request(principal, response)
    return principal


def requires(role: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency that authenticates the caller and checks ``role`` (and its quota)."""

    async def dependency(
        request: Request,
        response: Response,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        header: Annotated[str | None, Depends(_header)],
    ) -> Principal:
        return await _admit(request, response, _raw_key(bearer, header), role)

    dependency.__name__ = f"requires_{role.name}"
    return dependency


def requires_with_query_key(role: Role) -> Callable[..., Awaitable[Principal]]:
    """``requires``, also taking the key as ``?key=`` (after the headers), as Perspective does."""

    async def dependency(
        request: Request,
        response: Response,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        header: Annotated[str | None, Depends(_header)],
        query: Annotated[str | None, Depends(_query)],
    ) -> Principal:
        return await _admit(request, response, _raw_key(bearer, header) or query, role)

    dependency.__name__ = f"requires_{role.name}_or_query_key"
    return dependency


IntegratorDep = Annotated[Principal, Depends(requires(Role.integrator))]
ModeratorDep = Annotated[Principal, Depends(requires(Role.moderator))]
TrainerDep = Annotated[Principal, Depends(requires(Role.trainer))]
AdminDep = Annotated[Principal, Depends(requires(Role.admin))]
QueryKeyIntegratorDep = Annotated[Principal, Depends(requires_with_query_key(Role.integrator))]


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
