"""The FastAPI app factory. Models and the database engine are created in the lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import Engine

from models.registry import Registry
from service import errors
from service.auth import Authenticator
from service.config import Settings
from service.db import make_engine, session_factory, upgrade_database
from service.first_key import ensure_admin_key
from service.metrics import Metrics
from service.middleware import BodyLimitMiddleware, MetricsMiddleware
from service.quotas import Quotas
from service.routes import admin, classify, feedback, health, models
from service.runtime import ModelRuntime

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
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = engine or make_engine(cfg.database_url)
        upgrade_database(cfg.database_url, db)
        app.state.sessions = session_factory(db)
        app.state.auth = Authenticator(cfg, app.state.sessions)
        app.state.quotas = Quotas(cfg, metrics)
        if cfg.auth_disabled:
            log.warning(
                "AUTHENTICATION IS DISABLED (VIMOD_AUTH_DISABLED): anyone who reaches "
                "this port is an admin. Never expose it to a network."
            )
        else:
            ensure_admin_key(app.state.sessions, cfg.secrets_dir)
        runtime = ModelRuntime(Registry(cfg.registry_dir), cfg, metrics)
        runtime.load()
        app.state.runtime = runtime
        log.info("serving %s", {t: m.version for t, m in runtime.models.items()})
        try:
            yield
        finally:
            await runtime.close()
            if engine is None:
                db.dispose()

    app = FastAPI(
        title="vimod",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = cfg
    app.state.metrics = metrics
    errors.install(app)
    for module in (classify, feedback, models, admin, health):
        app.include_router(module.router)
    app.add_middleware(BodyLimitMiddleware, limit=cfg.payload_limit)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    return app
