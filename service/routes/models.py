"""``GET /v1/models``, activation, rollback, reload, the changelog and ``GET /v1/info``."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from models.changelog import read_changes
from models.tasks import get_task
from service.auth import IntegratorDep, TrainerDep
from service.deps import QuotasDep, RegistryDep, RuntimeDep, SettingsDep
from service.model_schemas import (
    ActivateRequest,
    ModelChange,
    ModelChangesResponse,
    RollbackRequest,
)
from service.responses import AUTHENTICATED, errors
from service.schemas import (
    ErrorResponse,
    InfoResponse,
    ModelsResponse,
    ModelVersionOut,
    TaskName,
    UtcDateTime,
)

router = APIRouter(prefix="/v1", tags=["models"], responses=errors(*AUTHENTICATED))


@router.get("/models", operation_id="list_models", response_model=ModelsResponse)
async def list_models(_: TrainerDep, registry: RegistryDep, runtime: RuntimeDep) -> ModelsResponse:
    """Every registered version, with which one is active and which one is serving."""
    manifests = await run_in_threadpool(registry.versions)
    active = {t: registry.active_version(t) for t in {m.task for m in manifests}}
    loaded = {m.version for m in runtime.models.values()}
    if runtime.spans is not None:  # the span model behind toxicity's explain
        loaded.add(runtime.spans[1].version)
    return ModelsResponse(
        models=[
            ModelVersionOut(
                version=m.version,
                task=m.task,
                kind=m.kind,
                labels=m.labels,
                created_at=m.created_at,
                data_fingerprint=m.data_fingerprint,
                thresholds=m.thresholds,
                metrics=m.metrics,
                active=active.get(m.task) == m.version,
                loaded=m.version in loaded,
            )
            for m in manifests
        ]
    )


@router.post(
    "/models/reload",
    operation_id="reload_models",
    responses={409: {"model": ErrorResponse, "description": "A version failed to load"}},
)
async def reload_models(_: TrainerDep, runtime: RuntimeDep) -> dict[str, dict[str, str]]:
    """Load the registry's active versions (after `vimod models activate`) without a restart."""
    return {"serving": await runtime.reload()}


@router.post(
    "/models/{version}/activate",
    operation_id="activate_model",
    responses={
        404: {"model": ErrorResponse, "description": "Unknown version"},
        409: {
            "model": ErrorResponse,
            "description": "No passed promotion gate against the active version (run `vimod "
            "models promote`), or the version fails to load or predict",
        },
    },
)
async def activate_model(
    version: str,
    principal: TrainerDep,
    registry: RegistryDep,
    runtime: RuntimeDep,
    body: ActivateRequest | None = None,
) -> dict[str, dict[str, str]]:
    """Make a version active for its task and serve it here now.

    Allowed when its manifest records a passed promotion gate against the task's active
    version (`vimod models promote VERSION`; a task's first version needs none), or with
    `{"force": true, "reason": "…"}`, which the activation history records with the caller's
    subject. Nothing is evaluated here. The version must load and pass a smoke prediction.
    """
    force = body is not None and body.force
    await run_in_threadpool(
        partial(
            registry.activate,
            version,
            require_gate=True,
            forced=force,
            reason=body.reason if body is not None else None,
            by=principal.subject_name,
            by_id=principal.subject_id,
        )
    )
    return {"serving": await runtime.reload()}


@router.post(
    "/models/rollback",
    operation_id="rollback_model",
    responses={409: {"model": ErrorResponse, "description": "Nothing to roll back to"}},
)
async def rollback_model(
    task: str,
    principal: TrainerDep,
    registry: RegistryDep,
    runtime: RuntimeDep,
    body: RollbackRequest | None = None,
) -> dict[str, dict[str, str]]:
    """Re-activate the task's previous version from the activation history (not gated)."""
    get_task(task)
    await run_in_threadpool(
        partial(
            registry.rollback,
            task,
            by=principal.subject_name,
            by_id=principal.subject_id,
            reason=body.reason if body is not None else None,
        )
    )
    return {"serving": await runtime.reload()}


@router.get(
    "/models/changes",
    operation_id="list_model_changes",
    response_model=ModelChangesResponse,
    responses={422: {"model": ErrorResponse, "description": "Unknown task, bad time or limit"}},
)
async def list_model_changes(
    _: IntegratorDep,
    registry: RegistryDep,
    task: Annotated[TaskName | None, Query(description="Only this task.")] = None,
    since: Annotated[
        UtcDateTime | None,
        Query(description="Only changes after this time (ISO-8601; no offset: UTC)."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many.")] = 100,
) -> ModelChangesResponse:
    """Every activation and rollback, newest first: when, which version, why, metrics delta.

    Readable by every key, so integrators can see why their flag rates moved.
    """
    entries = await run_in_threadpool(
        partial(read_changes, registry.root, task=task, since=since, limit=limit)
    )
    return ModelChangesResponse(changes=[c for e in entries if (c := _change(e)) is not None])


def _change(entry: dict[str, object]) -> ModelChange | None:
    """A changelog entry as the API shows it; a hand-edited, malformed one is skipped."""
    try:
        return ModelChange.model_validate(entry)
    except ValidationError:
        return None


@router.get("/info", operation_id="get_info", response_model=InfoResponse)
async def info(
    principal: IntegratorDep, settings: SettingsDep, runtime: RuntimeDep, quotas: QuotasDep
) -> InfoResponse:
    """Served tasks with their versions, and every limit the API enforces."""
    return InfoResponse(
        tasks={t: (m.version if (m := runtime.models.get(t)) else None) for t in settings.tasks},
        limits={
            "max_client_batch_size": settings.max_client_batch_size,
            "max_input_chars": settings.max_input_chars,
            "payload_limit": settings.payload_limit,
            "max_page_size": settings.max_page_size,
            "batch_max_size": settings.batch_max_size,
            "batch_max_chars": settings.batch_max_chars,
            "batch_max_wait_ms": settings.batch_max_wait_ms,
            "max_queue_chars": settings.max_queue_chars,
            "max_queue_chars_per_key": settings.max_queue_chars_per_key,
            "inference_threads": settings.inference_threads,
            "gil_switch_interval_ms": settings.gil_switch_interval_ms,
            "key_cache_seconds": settings.key_cache_seconds,
            "key_cache_stale_seconds": settings.key_cache_stale_seconds,
            **{
                name: getattr(settings, name)
                for name in type(settings).model_fields
                if name.startswith("review_")
            },
            "pinned_models_max": settings.pinned_models_max,
            "registry_watch_s": settings.registry_watch_s,
        },
        engine=settings.engine,
        auth="disabled" if settings.auth_disabled else "keys",
        quota_backend=quotas.backend,
        quotas={
            "requests_per_minute": principal.requests_per_minute
            or settings.quota_requests_per_minute,
            "chars_per_minute": principal.chars_per_minute or settings.quota_chars_per_minute,
        },
    )
