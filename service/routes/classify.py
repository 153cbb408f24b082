"""``POST /v1/classify``: score posts for every requested task.

With ``explain``, ``categories.toxicity`` also carries the post's offending spans
(``spans``, offsets into the text as sent), or ``spans: null`` and a ``spans_note`` when
no span model is active; a request without ``explain`` keeps its shape (no spans keys);
every other field is always set.

The body is built as plain dicts from values that are already typed (``Prediction``s,
``task_result``) and serialised in one ``pydantic_core.to_json`` call: validating 256
pydantic models per 64-post request cost more than a tenth of the server's time.
``ClassifyResponse`` stays the documented response model, and a test checks that every
body validates against it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Response
from pydantic_core import to_json
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from models.base import Prediction, to_predictions
from models.explain import NO_SPAN_MODEL, SpanResult
from models.outcomes import PostOutcome, assemble, plan
from models.scorer import LoadedModel, task_result
from models.tasks import TOXICITY
from service.auth import IntegratorDep
from service.deps import QuotasDep, RuntimeDep, SessionsDep, SettingsDep
from service.examples import (
    CLASSIFY_REQUESTS,
    CLASSIFY_RESPONSE,
    request_examples,
    with_example,
)
from service.responses import AUTHENTICATED, errors
from service.review.queue import store_for_review
from service.schemas import API_VERSION, ClassifyRequest, ClassifyResponse, ErrorResponse
from service.store import new_ids
from service.validation import check_classify, contexts_of

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
        "spans": [
            {"start": int(s.start), "end": int(s.end), "text": s.text, "score": float(s.score)}
            for s in spans[i]
        ],
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
    sessions: SessionsDep,
) -> Response:
    """Score one post (`text`) or a batch (`texts`); optionally store them for feedback."""
    req = check_classify(body, settings)
    name = "text" if body.text is not None else "texts"
    key = principal.key_id
    contexts = contexts_of(req.metadata)  # each post's own or the request's
    # 429 before any work, the request's characters held until its work is queued; a
    # context costs what a text of its length does
    with runtime.admit(key, req.texts, 1 + len(req.tasks) + req.explain, req.metadata) as held:
        languages = await runtime.languages(req.texts, key=key, admitted=held)
        found = plan(req.texts, body.unsupported, name=name, languages=languages)  # may raise
        chars = sum(len(t) for t in req.texts) + sum(len(c) for c in contexts if c)
        await quotas.charge_chars(principal, chars, response)
        texts = [req.texts[i] for i in found.scored]
        meta = [req.metadata[i] for i in found.scored]
        scored = (
            await asyncio.gather(
                *(
                    runtime.score(t, texts, meta, req.versions.get(t), key=key, admitted=held)
                    for t in req.tasks
                )
            )
            if texts
            else []
        )
        explained = (
            await runtime.explain(texts, key=key, admitted=held) if req.explain and texts else None
        )
    models: dict[str, LoadedModel] = {}
    predictions: dict[str, list[Prediction]] = {}
    for task, (model, proba) in zip(req.tasks, scored, strict=False):  # [] if all skipped
        models[task] = model
        predictions[task] = to_predictions(
            model.classifier.task, proba, model.thresholds(req.thresholds)
        )
    at = {i: k for k, i in enumerate(found.scored)}  # input index -> index among scored posts
    outcomes = assemble(found, predictions)
    results = [
        _result(
            o,
            post_id,
            models,
            req.store,
            _span_fields(explained, at[i]) if req.explain and i in at else None,
        )
        for i, (o, post_id) in enumerate(zip(outcomes, new_ids(len(outcomes)), strict=True))
    ]
    if req.store and texts:
        kept = [
            (r["id"], text, r["categories"] or {}, c)
            for r, text, c in zip(results, req.texts, contexts, strict=True)
            if r["stored"]
        ]
        items = [(pid, text, cats) for pid, text, cats, _ in kept]
        own = {t: model.thresholds() for t, (model, _) in zip(req.tasks, scored, strict=True)}
        await run_in_threadpool(
            _store,
            sessions,
            settings=settings,
            tenant_id=principal.tenant_id,
            items=items,
            contexts=[c for *_, c in kept],
            thresholds=own,
        )
    return _json({"api_version": API_VERSION, "results": results}, response)


def _store(sessions: sessionmaker[Session], **kwargs: Any) -> None:
    """``store_for_review`` in a session of its own (opened only when a request stores)."""
    with sessions() as session:
        store_for_review(session=session, **kwargs)


def _json(body: dict[str, Any], response: Response) -> Response:
    """``body`` as JSON, with the headers dependencies set on ``response`` (quota headers):
    what FastAPI would send for ``ClassifyResponse``, without validating it again."""
    out = Response(
        to_json(body), status_code=response.status_code or 200, media_type="application/json"
    )
    out.headers.raw.extend(response.headers.raw)
    return out


def _result(
    outcome: PostOutcome,
    post_id: str,
    models: dict[str, LoadedModel],
    store: bool,
    spans: dict[str, object] | None,
) -> dict[str, Any]:
    """One post's result (a ``ClassifyResult``); ``spans`` are its toxicity spans fields
    when ``explain`` asked."""
    categories = None
    if outcome.categories is not None:
        categories = {
            t: {
                **task_result(models[t], p),
                **(spans if spans is not None and t == TOXICITY.name else {}),
            }
            for t, p in outcome.categories.items()
        }
    return {
        "id": post_id,
        "flagged": outcome.flagged,
        "categories": categories,
        "stored": store and outcome.skipped is None,
        "language": {"code": outcome.language.code, "supported": outcome.language.supported},
        "skipped": outcome.skipped,
    }
