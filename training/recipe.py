"""Training recipes: one TOML file per task (``training/recipes/<name>.toml``), typed.

A recipe names everything a (re)training run needs, so ``vimod retrain --task toxicity`` is
reproducible from the file alone::

    task = "toxicity"
    model = "baseline"
    datasets = ["vihsd:train", "safesense:train"]
    dev = "vihsd:dev"
    benchmark = ["vihsd:test", "safesense:test"]   # read by the promotion gate too

    [config]              # the model kind's hyper-parameters (``TrainJob.config``)
    [feedback]            # how moderators' labels join the data (``FeedbackSettings``)
    [quality]             # when a moderator's labels are left out (``QualityRule``)

Every table rejects unknown keys, so a typo fails before any data is read.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from models.errors import InputError
from models.tasks import get_task
from training.datasets.base import EVAL_ONLY


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FeedbackSettings(_Strict):
    """How feedback from the store joins the recipe's datasets.

    Attributes:
        include: train on feedback at all (``false``: the recipe's datasets only).
        holdout_share: share of *trusted* feedback texts kept out of training and scored
            as the feedback holdout, chosen by a hash of the normalised text (stable).
        conflict_rule: how labels of one text by several subjects are resolved; the only
            rule is ``majority-trusted-recent`` (see ``training.retrain.resolve_labels``).
        trusted_agreement: distinct subjects that must agree for a label to be trusted
            without an admin-trusted subject among them.
        leave_out_flagged: leave out the labels of subjects the quality check flags (unless
            approved); ``false`` only reports them (the simulation measures the difference).
    """

    include: bool = True
    holdout_share: float = Field(0.2, ge=0.0, lt=1.0)
    conflict_rule: Literal["majority-trusted-recent"] = "majority-trusted-recent"
    trusted_agreement: int = Field(2, ge=2)
    leave_out_flagged: bool = True


class QualityRule(_Strict):
    """When a subject's disagreement rate is unusual (``training.label_quality``).

    A subject is flagged when, for partners or for the model, it has at least
    ``min_labels`` comparisons, its disagreement rate is at least ``min_excess`` above the
    pooled rate of all *other* subjects, and a one-sided binomial test against that pooled
    rate gives p < ``alpha`` divided by the number of tests run (Bonferroni). The defaults
    were fixed before the loop simulation was run and are not tuned to it.
    """

    min_labels: int = Field(30, ge=1)
    min_excess: float = Field(0.20, ge=0.0, le=1.0)
    alpha: float = Field(0.01, gt=0.0, lt=1.0)


class SimulationSettings(_Strict):
    """The moderation loop simulated by ``bench/loop_simulation.py`` (fixed in advance).

    Attributes:
        base_share: share of the datasets (by a hash of the normalised text) that v1 trains
            on; the rest is posted as feedback.
        double_review: share of posted texts labelled by both honest moderators.
        mislabel_rate: share of the second moderator's labels replaced by a random other label.
        poison_flips: HATE↔CLEAN flips the third subject posts on texts nobody else labelled.
        seed: seed of every random choice.
    """

    base_share: float = Field(0.7, gt=0.0, lt=1.0)
    double_review: float = Field(0.1, ge=0.0, le=1.0)
    mislabel_rate: float = Field(0.1, ge=0.0, le=1.0)
    poison_flips: int = Field(600, ge=0)
    seed: int = 0


class Recipe(_Strict):
    """A typed training recipe; see the module docstring for the file format."""

    task: str
    model: str = "baseline"
    datasets: list[str] = Field(min_length=1)
    dev: str | None = None
    benchmark: list[str] = Field(default_factory=list)
    config: dict[str, Any] = Field(default_factory=dict)
    feedback: FeedbackSettings = FeedbackSettings()
    quality: QualityRule = QualityRule()
    simulation: SimulationSettings | None = None

    @field_validator("task")
    @classmethod
    def _known_task(cls, value: str) -> str:
        try:
            return get_task(value).name
        except InputError as exc:
            raise ValueError(exc.message) from None

    @field_validator("datasets", "benchmark")
    @classmethod
    def _no_blank_specs(cls, value: list[str]) -> list[str]:
        if any(not spec.strip() for spec in value):
            raise ValueError("dataset specs must not be empty")
        return value

    @field_validator("datasets", "dev")
    @classmethod
    def _not_evaluation_only(cls, value: list[str] | str | None) -> list[str] | str | None:
        """Fitting or tuning on an evaluation-only set (``notices``) would hide what it measures."""
        specs = [value] if isinstance(value, str) else value or []
        for spec in specs:
            if spec.partition(":")[0] in EVAL_ONLY:
                raise ValueError(f"{spec} is evaluation-only: name it in benchmark, not here")
        return value


def recipe_path(name_or_path: str | Path) -> Path:
    """A recipe file: an existing path, or a name shipped in ``training/recipes``."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise InputError(f"recipe file not found: {path}")
        return path
    shipped = Path(str(resources.files("training").joinpath(f"recipes/{name_or_path}.toml")))
    if not shipped.is_file():
        known = sorted(p.stem for p in shipped.parent.glob("*.toml"))
        raise InputError(f"no recipe {str(name_or_path)!r}; shipped: {', '.join(known)}")
    return shipped


def load_recipe(name_or_path: str | Path) -> Recipe:
    """Parse and validate a recipe, raising ``InputError`` that names the file and the key."""
    path = recipe_path(name_or_path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML ({exc})") from None
    try:
        return Recipe.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise InputError(f"{path}: {problems}") from None
