"""OpenAI's ``POST /v1/moderations``: request and response bodies, and the label mapping.

Categories vimod has no model for are answered ``null`` (not assessed), never ``false``:
the ``openai`` SDK builds its ``Moderation`` objects without validation, so it reads them as
``None`` and keeps vimod's extra categories (``vimod/misinformation``) as extra keys.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StrictStr, Tag

from models.errors import InputError
from service.dropin.mappings import LabelScore, OpenAIMapping
from service.dropin.scoring import Scored

TOXICITY = "toxicity"


class TextPart(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["text"]
    text: StrictStr


class ImageURL(BaseModel):
    url: StrictStr


class ImagePart(BaseModel):
    """Accepted by the schema so that the answer can say why: vimod scores text only."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["image_url"]
    image_url: ImageURL


def _part_kind(value: object) -> str:
    if isinstance(value, dict):
        return "image" if value.get("type") == "image_url" else "text"
    return "str"


InputItem = Annotated[
    Annotated[StrictStr, Tag("str")]
    | Annotated[TextPart, Tag("text")]
    | Annotated[ImagePart, Tag("image")],
    Discriminator(_part_kind),
]


class ModerationRequest(BaseModel):
    """OpenAI's moderation request: one text, a list of texts, or multimodal parts."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"input": ["bài viết hay quá", "đồ ngu"]}]},
    )

    input: StrictStr | list[InputItem] = Field(
        description="A text, a list of texts, or OpenAI's parts "
        '(`[{"type": "text", "text": "..."}]`; image parts are refused).'
    )
    model: StrictStr | None = Field(
        None,
        max_length=256,
        description="Accepted and ignored: the response's `model` names the vimod versions used.",
    )


class Moderation(BaseModel):
    flagged: bool = Field(description="True when any assessed category is true.")
    categories: dict[str, bool | None] = Field(description="null: not assessed by vimod.")
    category_scores: dict[str, float | None] = Field(description="null: not assessed by vimod.")
    category_applied_input_types: dict[str, list[Literal["text"]]]


class ModerationResponse(BaseModel):
    id: str
    model: str
    results: list[Moderation]


class OpenAIError(BaseModel):
    message: str
    type: str
    param: str | None
    code: str | None


class OpenAIErrorResponse(BaseModel):
    """OpenAI's error shape, which its SDKs turn into ``APIStatusError`` subclasses."""

    error: OpenAIError


def input_texts(req: ModerationRequest) -> list[str]:
    """The texts to score, in order; an image part is a client error."""
    if isinstance(req.input, str):
        return [req.input]
    texts: list[str] = []
    for i, item in enumerate(req.input):
        if isinstance(item, ImagePart):
            raise InputError(f"input[{i}] is an image; vimod moderates text only")
        texts.append(item if isinstance(item, str) else item.text)
    return texts


def tasks_for(mapping: OpenAIMapping, loaded: set[str]) -> list[str]:
    """Toxicity always (its absence is a 503); the extra categories' tasks when loaded."""
    extra = {s.task for s in mapping.extra_categories.values() if s.task in loaded}
    return [TOXICITY, *sorted(extra - {TOXICITY})]


def moderation_response(mapping: OpenAIMapping, scored: Scored, n: int) -> ModerationResponse:
    """One ``Moderation`` per text, in input order."""
    mapped: dict[str, LabelScore] = {
        **mapping.categories,
        **{c: s for c, s in mapping.extra_categories.items() if s.task in scored.predictions},
    }
    results = []
    for i in range(n):
        categories: dict[str, bool | None] = {}
        scores: dict[str, float | None] = {}
        applied: dict[str, list[Literal["text"]]] = {}
        for name, ref in mapped.items():
            prediction = scored.predictions[ref.task][i]
            categories[name] = ref.flagged(prediction)
            scores[name] = ref.score(prediction)
            applied[name] = ["text"]
        for name in mapping.not_assessed:
            categories[name] = None
            scores[name] = None
            applied[name] = []
        results.append(
            Moderation(
                flagged=any(v for v in categories.values()),
                categories=categories,
                category_scores=scores,
                category_applied_input_types=applied,
            )
        )
    return ModerationResponse(
        id=f"modr-{uuid.uuid4().hex}", model=scored.model_name(), results=results
    )
