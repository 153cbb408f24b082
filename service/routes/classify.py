"""``POST /v1/classify``: score posts for every requested task."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response
from starlette.concurrency import run_in_threadpool

from models.base import to_predictions
from service.auth import IntegratorDep
from service.deps import QuotasDep, RuntimeDep, SessionDep, SettingsDep
from service.examples import (
    CLASSIFY_REQUESTS,
    CLASSIFY_RESPONSE,
    request_examples,
    with_example,
)
from service.responses import AUTHENTICATED, errors
from service.schemas import (
    ClassifyRequest,
    ClassifyResponse,
    ClassifyResult,
    ErrorResponse,
    TaskResult,
)
from service.store import new_id, save_predictions
from service.validation import check_classify

router = APIRouter(prefix="/v1", tags=["classify"], responses=errors(*AUTHENTICATED))

_ERRORS = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in (
        (400, "Body is not valid JSON"),
        (413, "Body over payload_limit"),
        (
            422,
            "Invalid request: empty text, too many texts, unknown task or label, a pinned "
            "version that cannot be served, ...",
        ),
        (429, "Too many texts queued, or the key's quota is used up (see Retry-After)"),
        (503, "No model loaded for a requested task"),
    )
}


@router.post(
    "/classify",
    operation_id="classify",
    response_model=ClassifyResponse,
    responses=with_example(_ERRORS, 200, CLASSIFY_RESPONSE),
    openapi_extra=request_examples(CLASSIFY_REQUESTS),
)
async def classify(
    body: ClassifyRequest,
    principal: IntegratorDep,
    response: Response,
    quotas: QuotasDep,
    settings: SettingsDep,
    runtime: RuntimeDep,
    session: SessionDep,
) -> ClassifyResponse:
    """Score one post (`text`) or a batch (`texts`); optionally store them for feedback."""
    req = check_classify(body, settings)
    await quotas.charge_chars(principal, sum(len(t) for t in req.texts), response)
    scored = await asyncio.gather(
        *(runtime.score(t, req.texts, req.metadata, req.versions.get(t)) for t in req.tasks)
    )
    per_task: dict[str, list[TaskResult]] = {}
    for task, (model, proba) in zip(req.tasks, scored, strict=True):
        kind, version = model.manifest.kind, model.version
        per_task[task] = [
            TaskResult(
                label=p.label, scores=p.scores, flagged=p.flagged, model=kind, model_version=version
            )
            for p in to_predictions(model.classifier.task, proba, model.thresholds(req.thresholds))
        ]
    results = [
        ClassifyResult(
            id=new_id(),
            flagged=any(per_task[t][i].flagged for t in req.tasks),
            categories={t: per_task[t][i] for t in req.tasks},
            stored=req.store,
        )
        for i in range(len(req.texts))
    ]
    if req.store:
        items = [
            (r.id, text, {t: c.model_dump() for t, c in r.categories.items()})
            for r, text in zip(results, req.texts, strict=True)
        ]
        await run_in_threadpool(
            save_predictions, session=session, tenant_id=principal.tenant_id, items=items
        )
    return ClassifyResponse(results=results)
