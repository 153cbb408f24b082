"""Checks on request bodies that depend on settings, shared by every route that takes text.

Pydantic checks types, names and ranges (``service.schemas``); this module checks the
limits (batch size, text length), which tasks are served, which labels the requested tasks
have and the alignment of metadata, and answers with ``InputError``s that name the
offending field.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.base import PostMetadata
from models.errors import InputError
from models.tasks import TOXICITY, get_task
from service.config import Settings
from service.schemas import ClassifyRequest, Metadata


@dataclass(frozen=True)
class ClassifyInput:
    """A validated classify request, in the shapes the runtime wants."""

    texts: list[str]
    metadata: list[PostMetadata | None]  # ``context`` set per post (its own or the request's)
    tasks: list[str]
    thresholds: dict[str, float]
    store: bool
    explain: bool
    versions: dict[str, str]


def clean_text(value: str, field: str, settings: Settings) -> str:
    """Refuse empty, over-long or un-encodable text; drop NUL characters no database stores."""
    if "\x00" in value:
        value = value.replace("\x00", " ")
    if not value.strip():
        raise InputError(f"{field} is empty or whitespace-only")
    if len(value) > settings.max_input_chars:
        raise InputError(
            f"{field} has {len(value)} characters; the limit is {settings.max_input_chars} "
            "(max_input_chars)"
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{field} is not valid Unicode (lone surrogate)") from None
    return value


def _metadata(
    item: Metadata | None, field: str, context: str | None, settings: Settings
) -> PostMetadata | None:
    """One post's metadata; its context is its own (checked like a text) or the request's."""
    if item is not None and item.context is not None:
        context = clean_text(item.context, f"{field}.context", settings)
    if item is None:
        return None if context is None else PostMetadata(context=context)
    return PostMetadata(
        likes=item.likes,
        comments=item.comments,
        shares=item.shares,
        posted_at=item.posted_at,
        context=context,
    )


def contexts_of(metadata: list[PostMetadata | None]) -> list[str | None]:
    """Each post's context, for storage next to its text."""
    return [None if m is None else m.context for m in metadata]


def check_classify(req: ClassifyRequest, settings: Settings) -> ClassifyInput:
    """Validate ``req`` against the settings' limits and the served tasks."""
    if (req.text is None) == (req.texts is None):
        raise InputError("give exactly one of 'text' and 'texts'")
    if req.text is not None:
        texts = [clean_text(req.text, "text", settings)]
    else:
        raw = req.texts or []
        if len(raw) > settings.max_client_batch_size:
            raise InputError(
                f"texts has {len(raw)} items; the limit is {settings.max_client_batch_size} "
                "(max_client_batch_size)"
            )
        texts = [clean_text(t, f"texts[{i}]", settings) for i, t in enumerate(raw)]

    tasks = list(dict.fromkeys(req.tasks)) if req.tasks is not None else list(settings.tasks)
    if not tasks:
        raise InputError("tasks is empty")
    for name in tasks:
        get_task(name)
        if name not in settings.tasks:
            raise InputError(
                f"task {name!r} is not served here; served: {', '.join(settings.tasks)}"
            )

    labels = {label: name for name in tasks for label in get_task(name).labels}
    thresholds = dict(req.thresholds or {})
    for label in thresholds:
        if label not in labels:
            raise InputError(
                f"thresholds: unknown label {label!r}; labels of the requested tasks: "
                f"{', '.join(labels)}"
            )

    context = None if req.context is None else clean_text(req.context, "context", settings)
    meta = req.metadata
    if meta is None:
        metadata = [_metadata(None, "metadata", context, settings) for _ in texts]
    elif isinstance(meta, Metadata):
        if req.texts is not None:  # as documented, even for a batch of one
            raise InputError("metadata must be a list aligned with texts")
        metadata = [_metadata(meta, "metadata", context, settings)]
    else:
        if len(meta) != len(texts):
            raise InputError(f"metadata has {len(meta)} items for {len(texts)} texts")
        metadata = [_metadata(m, f"metadata[{i}]", context, settings) for i, m in enumerate(meta)]
    if req.explain and TOXICITY.name not in tasks:
        raise InputError("explain adds spans to the toxicity task; request it in 'tasks'")
    versions = dict(req.versions or {})
    for name in versions:
        if name not in tasks:
            raise InputError(f"versions: task {name!r} is not among the requested tasks")
    return ClassifyInput(texts, metadata, tasks, thresholds, req.store, req.explain, versions)
