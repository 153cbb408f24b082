"""The tasks vimod scores and their label sets.

Responses are keyed by task, so adding a task never changes the shape of an existing one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.errors import InputError


@dataclass(frozen=True)
class Task:
    """A classification task.

    Attributes:
        name: key used in the API (``categories.<name>``) and the registry.
        labels: label names in model output order; the first is the benign one.
        flag_labels: labels whose score can raise ``flagged``.
        default_thresholds: score at or above which a flag label flags the post.
    """

    name: str
    labels: tuple[str, ...]
    flag_labels: tuple[str, ...]
    default_thresholds: dict[str, float] = field(default_factory=dict)

    def check_label(self, label: str) -> str:
        """Return ``label`` if it belongs to this task, else raise ``InputError``."""
        if label not in self.labels:
            raise InputError(
                f"unknown label {label!r} for task {self.name!r}; expected one of "
                f"{', '.join(self.labels)}"
            )
        return label


TOXICITY = Task(
    name="toxicity",
    labels=("CLEAN", "OFFENSIVE", "HATE"),
    flag_labels=("OFFENSIVE", "HATE"),
    default_thresholds={"OFFENSIVE": 0.5, "HATE": 0.5},
)
MISINFORMATION = Task(
    name="misinformation",
    labels=("RELIABLE", "UNRELIABLE"),
    flag_labels=("UNRELIABLE",),
    default_thresholds={"UNRELIABLE": 0.5},
)

# The offending-span task: its models are ``SpanTagger``s (``models.span_contract``), not
# classifiers. It has a registry directory, versions, a gate and an active version like the
# tasks above, but it is not a category of ``/v1/classify``: its spans are served inside
# ``categories.toxicity`` when a client asks for them (``explain``). Its two "labels" name
# whether a post has any offending span, so post-level tools (fingerprints) still work.
SPANS = Task(name="spans", labels=("CLEAN", "OFFENDING"), flag_labels=())

# Classification tasks: the categories of ``/v1/classify`` and the tasks the service serves.
TASKS: dict[str, Task] = {t.name: t for t in (TOXICITY, MISINFORMATION)}
# Span tasks, kept apart so that iterating ``TASKS`` never yields one.
SPAN_TASKS: dict[str, Task] = {SPANS.name: SPANS}
# Every task the registry keeps versions of.
REGISTRY_TASKS: dict[str, Task] = {**TASKS, **SPAN_TASKS}


def get_task(name: str) -> Task:
    """Look up a task by name, raising ``InputError`` for an unknown one."""
    try:
        return TASKS[name]
    except KeyError:
        raise InputError(f"unknown task {name!r}; expected one of {', '.join(TASKS)}") from None


def get_registry_task(name: str) -> Task:
    """Look up any task the registry keeps (classification or spans); ``InputError`` if none."""
    try:
        return REGISTRY_TASKS[name]
    except KeyError:
        known = ", ".join(REGISTRY_TASKS)
        raise InputError(f"unknown task {name!r}; expected one of {known}") from None


def is_span_task(name: str) -> bool:
    """Whether ``name`` is a span task (its models are ``SpanTagger``s)."""
    return name in SPAN_TASKS
