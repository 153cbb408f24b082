"""What a recorded promotion gate allows: the rule the registry applies when activating.

``training.gate`` runs the gate and the registry stores its outcome in the candidate's
manifest under ``"gate"``: ``{"against", "passed", "at", "evaluations", "failing", ...}``.
This module only reads that record, so the service can check it without evaluating.
"""

from __future__ import annotations

from typing import Any

GATE = "gate"  # manifest key of the latest gate summary


def gate_allows(record: dict[str, Any] | None, version: str, active: str | None) -> bool:
    """Whether a gate record lets ``version`` replace ``active``.

    A task's first activation and re-activating the active version need no gate; otherwise
    the latest gate must have passed against exactly the version now active.
    """
    if active is None or active == version:
        return True
    return bool(record and record.get("passed") is True and record.get("against") == active)


def gate_refusal(version: str, task: str, active: str | None, record: dict[str, Any] | None) -> str:
    """The message of a refused activation: what was missing and what to run."""
    last = ""
    if record is not None:
        outcome = "passed" if record.get("passed") else "failed"
        last = f" (its last gate {outcome} against {record.get('against') or 'no version'})"
    return (
        f"{version} has no passed promotion gate against the active {task} version "
        f"{active}{last}; run `vimod models promote {version} --data SPEC` first, "
        "or force the activation with a reason"
    )
