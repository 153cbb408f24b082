"""Request bodies of the model-management routes (``service/routes/models.py``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator


class ActivateRequest(BaseModel):
    """Optional body of ``POST /v1/models/{version}/activate``: skip the gate, saying why."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"force": True, "reason": "hotfix: the active version flags greetings"}]
        },
    )

    force: StrictBool = Field(
        False,
        description="Activate without a passed promotion gate; needs `reason`. Recorded in "
        "the activation history with the caller's subject.",
    )
    reason: str | None = Field(
        None, min_length=1, max_length=500, description="Why the gate is skipped."
    )

    @model_validator(mode="after")
    def _reason_goes_with_force(self) -> ActivateRequest:
        has_reason = bool(self.reason and self.reason.strip())
        if self.force and not has_reason:
            raise ValueError("force needs a reason")
        if self.reason is not None and not self.force:
            raise ValueError("reason goes with force")
        return self
