"""Score posts with the active model of each task: used by the API and ``vimod classify``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.base import Classifier, PostMetadata, Prediction, to_predictions
from models.errors import NotReadyError
from models.registry import Manifest, Registry


@dataclass(frozen=True)
class LoadedModel:
    """A classifier with the manifest it was loaded from (its version, thresholds)."""

    classifier: Classifier
    manifest: Manifest

    @property
    def version(self) -> str:
        return self.manifest.version

    def thresholds(self, overrides: Mapping[str, float] | None = None) -> dict[str, float]:
        """Task defaults, then thresholds chosen at training, then the caller's overrides."""
        return {
            **self.classifier.task.default_thresholds,
            **self.manifest.thresholds,
            **(overrides or {}),
        }

    def predict(
        self,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None] | None = None,
        thresholds: Mapping[str, float] | None = None,
    ) -> list[Prediction]:
        proba = self.classifier.predict_proba(texts, metadata)
        return to_predictions(self.classifier.task, proba, self.thresholds(thresholds))


def task_result(model: LoadedModel, prediction: Prediction) -> dict[str, Any]:
    """One task's result for one post: the one shape ``/v1/classify`` and ``vimod classify``
    both return (the API adds its optional spans fields)."""
    return {
        "label": prediction.label,
        "scores": prediction.scores,
        "flagged": prediction.flagged,
        "flagged_labels": list(prediction.flagged_labels),
        "model": model.manifest.kind,
        "model_version": model.version,
    }


def load_active_models(
    registry: Registry, tasks: Sequence[str], options: dict[str, object] | None = None
) -> dict[str, LoadedModel]:
    """Load the active version of each task that has one (tasks without one are skipped)."""
    loaded: dict[str, LoadedModel] = {}
    for task in tasks:
        found = registry.load_active(task, dict(options or {}))
        if found is not None:
            loaded[task] = LoadedModel(*found)
    return loaded


def require(models: Mapping[str, LoadedModel], task: str) -> LoadedModel:
    """The loaded model for ``task`` or ``NotReadyError``."""
    model = models.get(task)
    if model is None:
        raise NotReadyError(f"no model is loaded for task {task!r}")
    return model
