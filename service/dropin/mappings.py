"""The drop-in label mappings, read from ``mappings.toml`` (data, not code) on first use."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from models.base import Prediction
from models.tasks import get_task

MAPPINGS_FILE = Path(__file__).with_name("mappings.toml")


@dataclass(frozen=True)
class LabelScore:
    """A score taken from one task's prediction: ``P(label)``, or ``1 - P(label)``."""

    task: str
    label: str
    complement: bool = False

    @classmethod
    def parse(cls, spec: str) -> LabelScore:
        """``"toxicity:HATE"`` or ``"toxicity:1-CLEAN"``; the label must belong to the task."""
        task, _, label = spec.partition(":")
        complement = label.startswith("1-")
        label = label.removeprefix("1-")
        get_task(task).check_label(label)
        return cls(task, label, complement)

    def score(self, prediction: Prediction) -> float:
        p = prediction.scores[self.label]
        return round(1.0 - p, 6) if self.complement else p

    def flagged(self, prediction: Prediction) -> bool:
        """Whether this label tripped the task's flag (a complement is flagged when any did)."""
        if self.complement:
            return prediction.flagged
        return self.label in prediction.flagged_labels


@dataclass(frozen=True)
class OpenAIMapping:
    categories: dict[str, LabelScore]
    extra_categories: dict[str, LabelScore]
    not_assessed: tuple[str, ...]


@dataclass(frozen=True)
class PerspectiveMapping:
    attributes: dict[str, LabelScore]
    span_attributes: frozenset[str]
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Mappings:
    openai: OpenAIMapping
    perspective: PerspectiveMapping


def _scores(table: dict[str, str]) -> dict[str, LabelScore]:
    return {name: LabelScore.parse(spec) for name, spec in table.items()}


@functools.cache
def load_mappings(path: Path = MAPPINGS_FILE) -> Mappings:
    """Parse and check the mappings file (an unknown task or label raises ``InputError``)."""
    data = tomllib.loads(path.read_text("utf-8"))
    oa, pe = data["openai"], data["perspective"]
    return Mappings(
        openai=OpenAIMapping(
            categories=_scores(oa["categories"]),
            extra_categories=_scores(oa["extra_categories"]),
            not_assessed=tuple(oa["not_assessed"]),
        ),
        perspective=PerspectiveMapping(
            attributes=_scores(pe["attributes"]),
            span_attributes=frozenset(pe["span_attributes"]),
            languages=tuple(pe["languages"]),
        ),
    )
