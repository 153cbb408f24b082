"""``POST /v1/classify``: score posts for every requested task.

With ``explain``, ``categories.toxicity`` also carries the post's offending spans
(``spans``, offsets into the text as sent), or ``spans: null`` and a ``spans_note`` when
no span model is active. The response omits unset fields (``response_model_exclude_unset``)
so that a request without ``explain`` keeps its shape; every other field is always set.
"""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response
from starlette.concurrency import run_in_threadpool

from models.base import Prediction, to_predictions
from models.explain import NO_SPAN_MODEL, SpanResult
from models.outcomes import PostOutcome, assemble, plan
from models.scorer import LoadedModel, task_result
from models.tasks import TOXICITY
from service.auth import IntegratorDep
from service.deps import QuotasDep, RuntimeDep, SessionDep, SettingsDep
from service.examples import (
    CLASSIFY_REQUESTS,
    CLASSIFY_RESPONSE,
    request_examples,
    with_example,
)
from service.responses import AUTHENTICATED, errors
from service.review.queue import store_for_review
from service.schemas import (
    API_VERSION,
    ClassifyRequest,
    ClassifyResponse,
    ClassifyResult,
    ErrorResponse,
    LanguageOut,
    SpanOut,
    TaskResult,
)
from service.store import new_id
from service.validation import check_classify, clean_text

router = APIRouter(prefix="/v1", tags=["classify"], responses=errors(*AUTHENTICATED))

_ERRORS = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in (
        (400, "Body is not valid JSON"),
        (413, "Body over payload_limit"),
        (
            422,
            "Invalid request: empty text, too many texts, unknown task or label, a pinned "
            "version that cannot be served, ...; "
            'LanguageNotSupported with `unsupported: "reject"`',
        ),
        (
            429,
            "Too much queued (characters, in all or for the key), or the key's quota is used up (see Retry-After)",
        ),
        (503, "No model loaded for a requested task"),
    )
}


def _span_fields(found: tuple[list[list[SpanResult]], str] | None, i: int) -> dict[str, object]:
    """The spans fields of post ``i``'s toxicity result (``explain``)."""
    if found is None:
        return {"spans": None, "spans_note": NO_SPAN_MODEL}
    spans, version = found
    return {
        "spans": [SpanOut(**s.to_dict()) for s in spans[i]],
        "spans_model_version": version,
    }


@router.post(
    "/classify",
    operation_id="classify",
    response_model=ClassifyResponse,
    response_model_exclude_unset=True,
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
    context = None if body.context is None else clean_text(body.context, "context", settings)
    name = "text" if body.text is not None else "texts"
    key = principal.key_id
    runtime.admit(key, req.texts, 1 + len(req.tasks) + req.explain)  # 429 before any work
    languages = await runtime.languages(req.texts, key=key)
    found = plan(req.texts, body.unsupported, name=name, languages=languages)  # reject raises
    await quotas.charge_chars(principal, sum(len(t) for t in req.texts), response)
    texts = [req.texts[i] for i in found.scored]
    meta = [req.metadata[i] for i in found.scored]
    scored = (
        await asyncio.gather(
            *(
                runtime.score(t, texts, meta, req.versions.get(t), key=key, admitted=True)
                for t in req.tasks
            )
        )
        if texts
        else []
    )
    explained = await runtime.explain(texts, key=key) if req.explain and texts else None
    models: dict[str, LoadedModel] = {}
    predictions: dict[str, list[Prediction]] = {}
    for task, (model, proba) in zip(req.tasks, scored, strict=False):  # [] if all skipped
        models[task] = model
        predictions[task] = to_predictions(
            model.classifier.task, proba, model.thresholds(req.thresholds)
        )
    at = {i: k for k, i in enumerate(found.scored)}  # input index -> index among scored posts
    results = [
        _result(
            o,
            models,
            req.store,
            _span_fields(explained, at[i]) if req.explain and i in at else None,
        )
        for i, o in enumerate(assemble(found, predictions))
    ]
    if req.store and texts:
        items = [
            (
                r.id,
                text,
                {t: c.model_dump(exclude_unset=True) for t, c in (r.categories or {}).items()},
            )
            for r, text in zip(results, req.texts, strict=True)
            if r.stored
        ]
        own = {t: model.thresholds() for t, (model, _) in zip(req.tasks, scored, strict=True)}
        await run_in_threadpool(
            store_for_review,
            session=session,
            settings=settings,
            tenant_id=principal.tenant_id,
            items=items,
            context=context,
            thresholds=own,
        )
    return ClassifyResponse(api_version=API_VERSION, results=results)


def _result(
    outcome: PostOutcome,
    models: dict[str, LoadedModel],
    store: bool,
    spans: dict[str, object] | None,
) -> ClassifyResult:
    """One post's result; ``spans`` are its toxicity spans fields when ``explain`` asked."""
    categories = None
    if outcome.categories is not None:
        categories = {
            t: TaskResult(
                **task_result(models[t], p),
                **(spans if spans is not None and t == TOXICITY.name else {}),
            )
            for t, p in outcome.categories.items()
        }
    return ClassifyResult(
        id=new_id(),
        flagged=outcome.flagged,
        categories=categories,
        stored=store and outcome.skipped is None,
        language=LanguageOut(code=outcome.language.code, supported=outcome.language.supported),
        skipped=outcome.skipped,
    )
