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
        None,
        min_length=1,
        max_length=500,
        description="Why: shown in the changelog (`GET /v1/models/changes`); required with "
        "`force`.",
    )

    @model_validator(mode="after")
    def _force_needs_a_reason(self) -> ActivateRequest:
        if self.force and not (self.reason and self.reason.strip()):
            raise ValueError("force needs a reason")
        return self


class RollbackRequest(BaseModel):
    """Optional body of ``POST /v1/models/rollback``: say why, for the changelog."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"reason": "flags too many greetings"}]}
    )

    reason: str | None = Field(
        None, min_length=1, max_length=500, description="Why; shown in the changelog."
    )


class ModelChange(BaseModel):
    """One activation or rollback, as ``GET /v1/models/changes`` lists it."""

    at: str = Field(description="When (ISO 8601, UTC).")
    task: str
    version: str = Field(description="The version active from then on.")
    previous: str | None = Field(None, description="The version it replaced.")
    action: str = Field(description="`activate` or `rollback`.")
    by: str | None = Field(None, description="Who: a key's subject id, or `cli:<user>`.")
    reason: str | None = Field(None, description="The note given with the change.")
    metrics_delta: dict[str, dict[str, float]] = Field(
        default_factory=dict,
        description="Per evaluation set both versions were measured on: new minus previous "
        "(e.g. `macro_f1`). Empty when they share none.",
    )


class ModelChangesResponse(BaseModel):
    changes: list[ModelChange] = Field(description="Newest first.")
