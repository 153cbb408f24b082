"""``GET /healthz`` (process alive), ``GET /readyz`` (can serve) and ``GET /metrics``."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from service.auth import metrics_access
from service.deps import MetricsDep, RuntimeDep

router = APIRouter(tags=["health"])


@router.get("/healthz", operation_id="get_health")
async def healthz() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok"}


def _store_answers(request: Request) -> str | None:
    """``None`` when the store is migrated and answers now, else why not (a class name only:
    a driver's message can name the host, the user or the URL)."""
    store = request.app.state.store
    if not store.ready:
        return f"unavailable ({store.reason})"
    try:
        with request.app.state.sessions() as session:
            session.execute(text("SELECT 1"))
        return None
    except Exception as exc:  # any driver error means "not ready", never a 500
        return f"unavailable ({type(exc).__name__})"


@router.get("/readyz", operation_id="get_readiness", responses={503: {"description": "Not ready"}})
async def readyz(request: Request, runtime: RuntimeDep) -> JSONResponse:
    """Readiness: every served task has a model loaded and the store answers.

    ``span_models`` lists the spans model behind toxicity's ``explain`` (``null`` when none
    is loaded); a missing one is reported under ``optional_models_missing`` and does not make
    the service unready (classification still works; explain answers ``spans: null``).
    """
    missing = [t for t in runtime.tasks if t not in runtime.models]
    store_error = await run_in_threadpool(_store_answers, request)
    body: dict[str, object] = {
        "status": "ready" if not missing and store_error is None else "not ready",
        "models": {t: m.version for t, m in runtime.models.items()},
        "missing_models": {t: runtime.load_errors.get(t, "no active version") for t in missing},
        # activated elsewhere but refused here: the old version keeps serving, this says why
        "reload_errors": {t: e for t, e in runtime.load_errors.items() if t in runtime.models},
        "store": "ok" if store_error is None else store_error,
    }
    if "toxicity" in runtime.tasks:  # optional: without it, explain answers spans: null
        body["span_models"] = {"spans": runtime.spans[1].version if runtime.spans else None}
    if runtime.spans_error is not None:
        body["optional_models_missing"] = {"spans": runtime.spans_error}
    return JSONResponse(body, status_code=200 if body["status"] == "ready" else 503)


@router.get("/metrics", include_in_schema=False, dependencies=[Depends(metrics_access)])
async def metrics(m: MetricsDep) -> Response:
    """Prometheus exposition of the ``vimod_*`` metrics."""
    return Response(await run_in_threadpool(m.exposition), media_type=CONTENT_TYPE_LATEST)
