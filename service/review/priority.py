"""Why a stored post enters the queue, and where it goes in it.

The order is one documented formula (README, "Review queue")::

    points   = severity + 2 * uncertainty + boost
    sort_key = enqueued_at (unix seconds) - points * review_priority_hours * 3600

and claims hand out the smallest ``sort_key`` first. Severity is 3 for HATE, 2 for
OFFENSIVE, 1 for UNRELIABLE (the most severe flag label that reached ``threshold - margin``),
uncertainty is 1 at the model's own threshold falling to 0 at the margin's edge, and
reported posts and appeals get a boost of 3. Because the key is a time, age needs no
re-scoring: each point is worth ``review_priority_hours`` of waiting, so nothing starves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

SEVERITY: dict[str, int] = {"HATE": 3, "OFFENSIVE": 2, "UNRELIABLE": 1}
BOOST: dict[str, float] = {"reported": 3.0, "appeal": 3.0}
UNCERTAINTY_WEIGHT = 2.0
REASONS = ("flagged", "uncertain", "reported", "appeal")


@dataclass(frozen=True)
class Triage:
    """What the model's scores say about a stored post."""

    flagged: bool
    uncertain: bool
    severity: int
    uncertainty: float

    @property
    def reason(self) -> str | None:
        """``flagged``, ``uncertain``, or ``None`` when the post need not be reviewed."""
        if self.flagged:
            return "flagged"
        return "uncertain" if self.uncertain else None


def triage(
    categories: Mapping[str, Any], thresholds: Mapping[str, Mapping[str, float]], margin: float
) -> Triage:
    """Score a stored post against each task's *own* thresholds (never a caller's override).

    Args:
        categories: task → stored result (``{"scores": {label: p}, "flagged": bool, ...}``).
        thresholds: task → the model's own flag thresholds of the flag labels.
        margin: ``review_margin``.
    """
    flagged = uncertain = False
    severity, uncertainty = 0, 0.0
    for task, result in categories.items():
        if not isinstance(result, Mapping):
            continue
        flagged = flagged or bool(result.get("flagged"))
        scores = result.get("scores") or {}
        for label, limit in thresholds.get(task, {}).items():
            score = float(scores.get(label, 0.0))
            if score >= limit:
                flagged = True
            distance = abs(score - limit)
            if distance <= margin:
                uncertain = True
                closeness = 1.0 if margin == 0 else 1.0 - distance / margin
                uncertainty = max(uncertainty, closeness)
            if score >= limit - margin:
                severity = max(severity, SEVERITY.get(label, 0))
    return Triage(flagged, uncertain, severity, round(uncertainty, 6))


def points(severity: int, uncertainty: float, reason: str) -> float:
    """Priority points of an item (higher: sooner)."""
    return severity + UNCERTAINTY_WEIGHT * uncertainty + BOOST.get(reason, 0.0)


def sort_key(enqueued_at: datetime, score: float, priority_hours: float) -> float:
    """Claim order: smaller first; ``score`` points are worth ``priority_hours`` each."""
    return enqueued_at.timestamp() - score * priority_hours * 3600.0
