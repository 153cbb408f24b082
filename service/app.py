"""The FastAPI app factory. Models and the database engine are created in the lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.middleware.cors import CORSMiddleware

from models.registry import Registry
from service import __version__, errors
from service.auth import Authenticator
from service.config import Settings
from service.db import make_engine, session_factory
from service.docs_ui import install_docs
from service.dropin.errors import DropinErrorMiddleware
from service.first_key import ensure_admin_key
from service.metrics import Metrics
from service.middleware import (
    CORS_EXPOSED_HEADERS,
    CORS_REQUEST_HEADERS,
    AllowMiddleware,
    BodyLimitMiddleware,
    MetricsMiddleware,
    RequestContextMiddleware,
    UnexpectedErrorMiddleware,
)
from service.quotas import Quotas
from service.retention import purge_forever
from service.routes import admin, classify, dropin, feedback, health, models, review
from service.runtime import ModelRuntime
from service.store_state import StoreState, keep_trying
from service.ui import install_ui

log = logging.getLogger(__name__)

DESCRIPTION = """
Scores Vietnamese social-media posts for **toxicity** (CLEAN / OFFENSIVE / HATE) and
**misinformation** (RELIABLE / UNRELIABLE) and stores moderators' corrections.

Every error has the shape `{"error": "...", "error_type": "..."}`. Limits are listed by
`GET /v1/info`.
"""


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the app.

    Args:
        settings: defaults to ``Settings()`` read from ``VIMOD_*`` variables.
        engine: an existing SQLAlchemy engine (tests share an in-memory SQLite one).
    """
    cfg = settings or Settings()
    metrics = Metrics(multiprocess_dir=cfg.metrics_multiproc_dir)
    store = StoreState()
    if not cfg.auth_disabled:
        store.on_ready(lambda sessions: _first_key(sessions, cfg))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The store is optional at start-up: one attempt now, then retries in the background,
        # so classification serves while the database is down.
        db = engine or make_engine(cfg.database_url, connect_timeout=cfg.db_connect_timeout_s)
        app.state.sessions = session_factory(db, store.check)
        app.state.auth = Authenticator(cfg, app.state.sessions)
        app.state.quotas = Quotas(cfg, metrics)
        if cfg.auth_disabled:
            log.warning(
                "AUTHENTICATION IS DISABLED (VIMOD_AUTH_DISABLED): anyone who reaches "
                "this port is an admin. Never expose it to a network."
            )
        retry: asyncio.Task[None] | None = None
        if not await asyncio.to_thread(store.try_bring_up, db, cfg.database_url):
            retry = asyncio.create_task(
                keep_trying(
                    store,
                    db,
                    cfg.database_url,
                    first_wait=cfg.store_retry_initial_s,
                    max_wait=cfg.store_retry_max_s,
                )
            )
        background = [] if retry is None else [retry]
        if cfg.retention_days is not None:
            background.append(
                asyncio.create_task(
                    purge_forever(
                        app.state.sessions, store, cfg.retention_days, cfg.retention_every_s
                    )
                )
            )
        runtime = ModelRuntime(Registry(cfg.registry_dir), cfg, metrics)
        runtime.load()
        app.state.runtime = runtime
        log.info("serving %s", {t: m.version for t, m in runtime.models.items()})
        if cfg.registry_watch_s > 0:
            background.append(asyncio.create_task(runtime.watch(cfg.registry_watch_s)))
        try:
            yield
        finally:
            for task in background:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await runtime.close()
            metrics.worker_exited()
            if engine is None:
                db.dispose()

    app = FastAPI(
        title="vimod",
        description=DESCRIPTION,
        lifespan=lifespan,
        version=__version__,
        docs_url=None,
        redoc_url=None,
    )
    install_docs(app)
    app.state.settings = cfg
    app.state.metrics = metrics
    app.state.store = store  # register "once the store is ready" hooks with store.on_ready
    errors.install(app)
    for module in (classify, feedback, review, models, admin, health, dropin):
        app.include_router(module.router)
    install_ui(app, cfg)
    _add_middleware(app, cfg, metrics)
    return app


def _first_key(sessions: sessionmaker[Session], cfg: Settings) -> None:
    ensure_admin_key(sessions, cfg.secrets_dir)


def _add_middleware(app: FastAPI, cfg: Settings, metrics: Metrics) -> None:
    """Each one added wraps the ones before it: the last here sees a request first.

    Request ids and the access line come first so every log line and response carries the
    id; CORS wraps the 500 fallback so even a 500 can be read by an allowed page.
    """
    app.add_middleware(AllowMiddleware, router=app.router)
    app.add_middleware(BodyLimitMiddleware, limit=cfg.payload_limit)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    app.add_middleware(UnexpectedErrorMiddleware, metrics=metrics)
    if cfg.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=cfg.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=CORS_REQUEST_HEADERS,
            expose_headers=CORS_EXPOSED_HEADERS,
        )
    app.add_middleware(DropinErrorMiddleware)  # outside every vimod-shaped error it reshapes
    app.add_middleware(RequestContextMiddleware, retry_after=cfg.overloaded_retry_after_s)
