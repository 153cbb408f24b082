"""FastAPI dependencies: settings, database sessions and the model runtime, by type.

Everything comes from ``app.state`` (filled by the lifespan), so tests override nothing
global: they build an app with ``create_app(settings)``.

The getters are ``async def`` because FastAPI runs a plain ``def`` dependency in its thread
pool: four thread hops per classify request, each waiting for the GIL that the inference
thread holds (measured in README "HTTP throughput"). Reading ``app.state`` never blocks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from models.registry import Registry
from service.config import Settings
from service.metrics import Metrics
from service.quotas import Quotas
from service.runtime import ModelRuntime


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


async def get_sessions(request: Request) -> sessionmaker[Session]:
    """The session factory, for a route that opens a session only on some requests (and
    then in a worker thread, where its queries belong)."""
    return request.app.state.sessions  # type: ignore[no-any-return]


async def get_runtime(request: Request) -> ModelRuntime:
    return request.app.state.runtime  # type: ignore[no-any-return]


async def get_registry(request: Request) -> Registry:
    return request.app.state.runtime.registry  # type: ignore[no-any-return]


async def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics  # type: ignore[no-any-return]


async def get_quotas(request: Request) -> Quotas:
    return request.app.state.quotas  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
SessionsDep = Annotated[sessionmaker[Session], Depends(get_sessions)]
RuntimeDep = Annotated[ModelRuntime, Depends(get_runtime)]
RegistryDep = Annotated[Registry, Depends(get_registry)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
QuotasDep = Annotated[Quotas, Depends(get_quotas)]
