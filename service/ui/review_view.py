"""What the queue page shows for each claimed slot: highlighted text, scores, label choices.

Built from the review service's ``SlotOut`` (``service/review``); nothing here writes.
Label choices are numbered across tasks in task order (toxicity 1-3, misinformation 4-5),
which is what the number keys of ``static/keys.js`` pick.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.tasks import TASKS
from service.identity import Principal
from service.review import queue
from service.review.schemas import SlotOut
from service.tables import Subject


@dataclass(frozen=True)
class Segment:
    """A run of the post's text; ``score`` is set when it lies in an offending span."""

    text: str
    score: float | None


@dataclass(frozen=True)
class Choice:
    task: str
    label: str
    number: int
    predicted: bool


@dataclass(frozen=True)
class TaskScores:
    task: str
    predicted: str | None
    flagged: bool
    scores: list[tuple[str, float]]
    model_version: str | None


@dataclass(frozen=True)
class SlotView:
    slot: SlotOut
    segments: list[Segment]
    tasks: list[TaskScores]
    choices: list[Choice]


def segments(text: str, spans: Sequence[dict[str, Any]] | None) -> list[Segment]:
    """Split ``text`` at the spans (clipped to the text; overlaps merged into the first)."""
    marks = []
    for span in spans or []:
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            continue
        start, end = max(0, start), min(len(text), end)
        if start < end:
            score = span.get("score")
            marks.append((start, end, float(score) if isinstance(score, int | float) else 1.0))
    out: list[Segment] = []
    at = 0
    for start, end, score in sorted(marks):
        start = max(start, at)
        if start >= end:
            continue
        if start > at:
            out.append(Segment(text[at:start], None))
        out.append(Segment(text[start:end], score))
        at = end
    if at < len(text) or not out:
        out.append(Segment(text[at:], None))
    return out


def _task_scores(categories: dict[str, Any]) -> list[TaskScores]:
    out = []
    for task in TASKS:
        result = categories.get(task)
        if not isinstance(result, dict):
            continue
        scores = result.get("scores") if isinstance(result.get("scores"), dict) else {}
        out.append(
            TaskScores(
                task=task,
                predicted=result.get("label") if isinstance(result.get("label"), str) else None,
                flagged=bool(result.get("flagged")),
                scores=[(label, float(scores.get(label, 0.0))) for label in TASKS[task].labels],
                model_version=str(result["model_version"]) if result.get("model_version") else None,
            )
        )
    return out


def slot_view(slot: SlotOut) -> SlotView:
    tasks = _task_scores(slot.categories)
    choices = []
    number = 0
    for scores in tasks:
        for label in TASKS[scores.task].labels:
            number += 1
            choices.append(Choice(scores.task, label, number, label == scores.predicted))
    return SlotView(slot, segments(slot.text, slot.spans), tasks, choices)


def held_slots(*, session: Session, principal: Principal, now: datetime) -> list[SlotView]:
    """The slots ``principal`` holds now (unexpired leases), most urgent first, as shown."""
    return [slot_view(s) for s in queue.held_slots(session=session, principal=principal, now=now)]


def subject_names(*, session: Session, tenant_id: str, ids: set[str]) -> dict[str, str]:
    """Names of the tenant's subjects (moderators on the stats page), by id."""
    if not ids:
        return {}
    query = select(Subject.id, Subject.name).where(
        Subject.tenant_id == tenant_id, Subject.id.in_(ids)
    )
    return {sid: name for sid, name in session.execute(query)}
