"""The retention loop: deletes stored posts older than ``retention_days``, hourly.

Runs in each worker; the delete is idempotent, so several workers or replicas running it
only repeat a cheap query. It waits while the store is down and never stops the service.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from service.privacy import purge_predictions
from service.store_state import StoreState

log = logging.getLogger(__name__)


def purge_once(sessions: sessionmaker[Session], days: int) -> int:
    cutoff = datetime.now(UTC) - timedelta(days=days)
    with sessions() as session:
        return purge_predictions(session=session, before=cutoff)


async def purge_forever(
    sessions: sessionmaker[Session], store: StoreState, days: int, every_s: float
) -> None:
    """Purge now and then every ``every_s`` seconds, until cancelled."""
    while True:
        if store.ready:
            try:
                count = await asyncio.to_thread(purge_once, sessions, days)
                if count:
                    log.info("retention: deleted %d stored posts older than %d days", count, days)
            except Exception as exc:  # the store may drop between checks; try next time
                log.warning("retention purge failed: %s", type(exc).__name__)
        await asyncio.sleep(every_s)
