"""Whether the feedback store can be used, and bringing it up without blocking start-up.

vimod must classify while its database is down: the lifespan makes one attempt to migrate,
then keeps retrying in the background with backoff. Code that needs the store once it works
(e.g. seeding an admin key) registers a hook with ``StoreState.on_ready`` before start-up.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from models.errors import StoreUnavailableError
from service.db import error_code, session_factory, upgrade_database

log = logging.getLogger(__name__)

ReadyHook = Callable[[sessionmaker[Session]], None]
"""Runs once per process after migrations, in a worker thread; it must be idempotent
(it runs again if a later step of the same attempt fails)."""


@dataclass
class StoreState:
    """Store health shared on ``app.state.store``.

    Attributes:
        ready: migrations applied and every ready hook ran.
        reason: why it is not ready: ``"starting"`` or the class of the last failure
            (never a message, which could hold a URL or a password).
        attempts: bring-up attempts so far.
        ready_at: ``time.monotonic()`` when it became ready.
    """

    ready: bool = False
    reason: str = "starting"
    attempts: int = 0
    ready_at: float | None = None
    hooks: list[ReadyHook] = field(default_factory=list)

    def on_ready(self, hook: ReadyHook) -> None:
        """Run ``hook`` with an unguarded session factory once the store is first ready."""
        self.hooks.append(hook)

    def check(self) -> None:
        """Raise ``StoreUnavailableError`` unless the store is ready (the session guard)."""
        if not self.ready:
            raise StoreUnavailableError(
                f"the feedback store is not available yet ({self.reason}); retry later"
            )

    def try_bring_up(self, engine: Engine, url: str) -> bool:
        """Migrate and run the hooks once (blocking); record the outcome.

        Returns:
            Whether the store is ready now.
        """
        if self.ready:
            return True
        self.attempts += 1
        try:
            upgrade_database(url, engine)
            sessions = session_factory(engine)
            for hook in self.hooks:
                hook(sessions)
        except Exception as exc:  # whatever failed, the service keeps serving without a store
            self.reason = type(exc).__name__
            code = error_code(exc)
            log.warning(
                "feedback store not ready (attempt %d): %s%s",
                self.attempts,
                self.reason,
                f" (sqlstate {code})" if code else "",
            )
            return False
        self.ready, self.reason, self.ready_at = True, "ok", time.monotonic()
        log.info("feedback store ready after %d attempt(s)", self.attempts)
        return True


async def keep_trying(
    state: StoreState, engine: Engine, url: str, *, first_wait: float, max_wait: float
) -> None:
    """Retry ``state.try_bring_up`` with doubling waits until it succeeds (or is cancelled)."""
    wait = first_wait
    while not state.ready:
        await asyncio.sleep(wait)
        if await asyncio.to_thread(state.try_bring_up, engine, url):
            return
        wait = min(wait * 2, max_wait)
