"""Drop-in routes: OpenAI's ``/v1/moderations`` and Perspective's ``comments:analyze``.

Integrator-level, charged like ``/v1/classify``; their errors are reshaped for their clients by
``service.dropin.errors.DropinErrorMiddleware`` (documented here with the dialects' models).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from models.tasks import TOXICITY
from service.auth import IntegratorDep, QueryKeyIntegratorDep
from service.deps import QuotasDep, RuntimeDep, SettingsDep
from service.dropin import openai, perspective
from service.dropin.errors import OPENAI_PATH, PERSPECTIVE_PATH
from service.dropin.mappings import load_mappings
from service.dropin.scoring import check_context, check_texts, score_texts

router = APIRouter(tags=["drop-in"])

_STATUSES = {
    400: "Invalid request (bad JSON, a field, an image input, an unsupported attribute)",
    401: "No API key, or an invalid or revoked one",
    403: "The key's role does not allow this request",
    413: "Body over payload_limit",
    429: "The key's quota is used up or the queue is full; see Retry-After",
    # Listed only so that FastAPI does not document its own 422 body: invalid requests
    # answer 400, as both dialects do.
    422: "Never sent: an invalid request answers 400",
    503: "No toxicity model is loaded",
}


def _responses(model: type, *, skip: tuple[int, ...] = ()) -> dict[int | str, dict[str, Any]]:
    return {
        code: {"model": model, "description": text}
        for code, text in _STATUSES.items()
        if code not in skip
    }


@router.post(
    OPENAI_PATH,
    response_model=openai.ModerationResponse,
    responses=_responses(openai.OpenAIErrorResponse),  # type: ignore[arg-type]
)
async def moderations(
    body: openai.ModerationRequest,
    principal: IntegratorDep,
    response: Response,
    quotas: QuotasDep,
    settings: SettingsDep,
    runtime: RuntimeDep,
) -> openai.ModerationResponse:
    """OpenAI-compatible moderation (`openai.OpenAI(base_url=.../v1)`); see docs/dropin.md."""
    mapping = load_mappings().openai
    texts = check_texts(openai.input_texts(body), "input", settings)
    tasks = openai.tasks_for(mapping, set(runtime.models) & set(settings.tasks))
    scored = await score_texts(
        texts, tasks, principal=principal, response=response, quotas=quotas, runtime=runtime
    )
    return openai.moderation_response(mapping, scored, len(texts))


@router.post(
    PERSPECTIVE_PATH,
    response_model=perspective.AnalyzeResponse,
    response_model_exclude_none=True,
    responses=_responses(perspective.GoogleErrorResponse, skip=(413,)),  # type: ignore[arg-type]
)
async def analyze_comment(
    body: perspective.AnalyzeRequest,
    principal: QueryKeyIntegratorDep,
    response: Response,
    quotas: QuotasDep,
    settings: SettingsDep,
    runtime: RuntimeDep,
) -> perspective.AnalyzeResponse | JSONResponse:
    """Perspective-compatible scoring (`?key=` accepted here only); see docs/dropin.md."""
    mapping = load_mappings().perspective
    refused = perspective.unsupported(mapping, body)
    if refused is not None:
        return refused
    texts = check_texts([body.comment.text], "comment.text", settings)
    context = body.context.text() if body.context is not None else None
    if context is not None:
        context = check_context(context, "context.entries", settings)
    scored = await score_texts(
        texts,
        [TOXICITY.name],
        contexts=[context],
        principal=principal,
        response=response,
        quotas=quotas,
        runtime=runtime,
        explain=bool(body.spanAnnotations),
    )
    spans = scored.spans[0] if scored.spans is not None else None
    return perspective.analyze_response(mapping, body, scored, spans)
