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

TASKS: dict[str, Task] = {t.name: t for t in (TOXICITY, MISINFORMATION)}


def get_task(name: str) -> Task:
    """Look up a task by name, raising ``InputError`` for an unknown one."""
    try:
        return TASKS[name]
    except KeyError:
        raise InputError(f"unknown task {name!r}; expected one of {', '.join(TASKS)}") from None
