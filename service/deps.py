"""FastAPI dependencies: settings, database sessions and the model runtime, by type.

Everything comes from ``app.state`` (filled by the lifespan), so tests override nothing
global: they build an app with ``create_app(settings)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from models.registry import Registry
from service.config import Settings
from service.metrics import Metrics
from service.quotas import Quotas
from service.runtime import ModelRuntime


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def get_runtime(request: Request) -> ModelRuntime:
    return request.app.state.runtime  # type: ignore[no-any-return]


def get_registry(request: Request) -> Registry:
    return request.app.state.runtime.registry  # type: ignore[no-any-return]


def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics  # type: ignore[no-any-return]


def get_quotas(request: Request) -> Quotas:
    return request.app.state.quotas  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
RuntimeDep = Annotated[ModelRuntime, Depends(get_runtime)]
RegistryDep = Annotated[Registry, Depends(get_registry)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
QuotasDep = Annotated[Quotas, Depends(get_quotas)]
