"""Perspective's ``POST /v1alpha1/comments:analyze``: bodies, attribute mapping and errors.

Shapes follow Perspective's API reference (``AnalyzeComment`` request and response). Span
offsets (``begin``, ``end``) count Unicode code points of ``comment.text`` as sent, like
vimod's own spans. Nothing is ever stored, so ``doNotStore`` is always honoured.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from models.explain import SpanResult
from service.dropin.mappings import PerspectiveMapping
from service.dropin.scoring import Scored
from service.schemas import Probability

ERROR_TYPE = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error"


class TextEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: StrictStr
    type: Literal["PLAIN_TEXT"] | None = Field(
        None, description='Only "PLAIN_TEXT" (the default), as in Perspective.'
    )


class Context(BaseModel):
    """What the comment replies to: the entries' texts, one line each, are the comment's
    ``context`` for the toxicity model (``/v1/classify``'s ``metadata.context``)."""

    model_config = ConfigDict(extra="forbid")

    entries: list[TextEntry] | None = None

    def text(self) -> str | None:
        """The entries joined by newlines; ``None`` when there is no text in them."""
        joined = "\n".join(e.text for e in self.entries or [])
        return joined if joined.strip() else None


class AttributeParameters(BaseModel):
    """Perspective's camelCase field names, kept as sent."""

    model_config = ConfigDict(extra="forbid")

    scoreType: Literal["PROBABILITY"] | None = None
    scoreThreshold: Probability | None = None


class AnalyzeRequest(BaseModel):
    """Perspective's ``AnalyzeComment`` request."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "comment": {"text": "đồ ngu"},
                    "languages": ["vi"],
                    "requestedAttributes": {"TOXICITY": {}, "INSULT": {}},
                    "spanAnnotations": True,
                }
            ]
        },
    )

    comment: TextEntry
    context: Context | None = None
    requestedAttributes: dict[StrictStr, AttributeParameters] = Field(
        min_length=1,
        description="TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK or INSULT (docs/dropin.md).",
    )
    languages: list[StrictStr] | None = Field(None, description='Only "vi".')
    doNotStore: StrictBool | None = Field(
        None, description="Always honoured: this endpoint never stores."
    )
    spanAnnotations: StrictBool | None = None
    clientToken: StrictStr | None = Field(None, max_length=1024)
    sessionId: StrictStr | None = Field(None, max_length=1024)
    communityId: StrictStr | None = Field(None, max_length=1024)


class Score(BaseModel):
    value: float
    type: Literal["PROBABILITY"] = "PROBABILITY"


class SpanScore(BaseModel):
    begin: int
    end: int
    score: Score


class AttributeScores(BaseModel):
    summaryScore: Score | None = None
    spanScores: list[SpanScore] | None = None


class AnalyzeResponse(BaseModel):
    attributeScores: dict[str, AttributeScores]
    languages: list[str]
    detectedLanguages: list[str] | None = None
    clientToken: str | None = None


class GoogleError(BaseModel):
    code: int
    message: str
    status: str
    details: list[dict[str, Any]] | None = None


class GoogleErrorResponse(BaseModel):
    """Google's error shape (``google.rpc.Status``), which Perspective clients parse."""

    error: GoogleError


def unsupported(mapping: PerspectiveMapping, req: AnalyzeRequest) -> JSONResponse | None:
    """Perspective's 400 ``LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE`` for the first attribute or
    language vimod cannot score; ``None`` when it can score them all."""
    languages = req.languages or list(mapping.languages)
    for attribute in req.requestedAttributes:
        wrong = [lang for lang in languages if lang not in mapping.languages]
        if attribute in mapping.attributes and not wrong:
            continue
        message = f"Attribute {attribute} does not support request languages: " + ", ".join(
            wrong or languages
        )
        detail = {
            "@type": ERROR_TYPE,
            "errorType": "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
            "languageNotSupportedByAttributeError": {
                "detectedLanguages": languages,
                "attribute": attribute,
            },
        }
        body = {
            "error": {
                "code": 400,
                "message": message,
                "status": "INVALID_ARGUMENT",
                "details": [detail],
            }
        }
        return JSONResponse(body, status_code=400)
    return None


def analyze_response(
    mapping: PerspectiveMapping,
    req: AnalyzeRequest,
    scored: Scored,
    spans: list[SpanResult] | None,
) -> AnalyzeResponse:
    """Scores of the requested attributes; a score under ``scoreThreshold`` is left out."""
    out: dict[str, AttributeScores] = {}
    for attribute, params in req.requestedAttributes.items():
        ref = mapping.attributes[attribute]
        value = ref.score(scored.predictions[ref.task][0])
        floor = params.scoreThreshold or 0.0
        entry = AttributeScores()
        if value >= floor:
            entry.summaryScore = Score(value=value)
        if req.spanAnnotations and spans is not None and attribute in mapping.span_attributes:
            entry.spanScores = [
                SpanScore(begin=s.start, end=s.end, score=Score(value=s.score))
                for s in spans
                if s.score >= floor
            ]
        if entry.summaryScore is not None or entry.spanScores:
            out[attribute] = entry
    languages = req.languages or list(mapping.languages)
    return AnalyzeResponse(
        attributeScores=out,
        languages=languages,
        detectedLanguages=list(mapping.languages),
        clientToken=req.clientToken,
    )
