"""Score a batch of posts into the API's result rows: one process and Ray actors alike.

``pin_versions`` fixes the model versions once, in the caller, so every Ray actor loads the
same ones even if a version is activated mid-run; ``Scorer.load`` is the one loading path.
A ``Scorer`` scores any slice of a file: languages are detected post by post, so scoring in
batches gives what scoring the whole file gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.base import PostMetadata, Prediction, to_predictions
from models.errors import InputError
from models.explain import NO_SPAN_MODEL, span_results
from models.outcomes import Policy, PostOutcome, assemble, plan
from models.registry import Registry
from models.scorer import LoadedModel, task_result
from models.span_contract import SpanTagger
from models.tasks import SPANS, TOXICITY
from training.progress import predict_batched


@dataclass(frozen=True)
class Pinned:
    """The versions one run scores with; ``spans`` is ``None`` without ``--explain``."""

    tasks: dict[str, str]
    explain: bool = False
    spans: str | None = None


def pin_versions(registry: Registry, tasks: Sequence[str], *, explain: bool) -> Pinned:
    """The active version of each task (and of the span model with ``explain``)."""
    found = {t: registry.active_version(t) for t in tasks}
    missing = [t for t, v in found.items() if v is None]
    if missing:
        raise InputError(
            f"no active model for {', '.join(missing)}; run `vimod serve` or train one"
        )
    if explain and TOXICITY.name not in found:
        raise InputError("--explain adds spans to the toxicity task; include it in --task")
    spans = registry.active_version(SPANS.name) if explain else None
    return Pinned({t: v for t, v in found.items() if v is not None}, explain, spans)


@dataclass(frozen=True)
class Scorer:
    """The loaded models of one run, and the one function that turns posts into results."""

    models: dict[str, LoadedModel]
    explain: bool = False
    tagger: SpanTagger | None = None
    spans_version: str | None = None

    @classmethod
    def load(cls, registry: Registry, pinned: Pinned) -> Scorer:
        models = {t: LoadedModel(*registry.load(v)) for t, v in pinned.tasks.items()}
        tagger = None if pinned.spans is None else registry.load_spans(pinned.spans)[0]
        return cls(models, pinned.explain, tagger, pinned.spans)

    def score(
        self,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None],
        policy: Policy,
        *,
        show: bool = False,
    ) -> list[dict[str, Any]]:
        """One result per post, in order: the API's fields (``categories`` null if skipped).

        ``reject`` raises naming posts by their index in ``texts`` (``rows[i]``).
        """
        found = plan(texts, policy, name="rows")
        kept = [texts[i] for i in found.scored]
        meta = [metadata[i] for i in found.scored]
        scored = {t: self._predict(m, kept, meta, show) for t, m in self.models.items()}
        results = [self._row(o) for o in assemble(found, scored)]
        if self.explain:
            self._add_spans(kept, [results[i] for i in found.scored])
        return results

    @staticmethod
    def _predict(
        model: LoadedModel, texts: list[str], meta: list[PostMetadata | None], show: bool
    ) -> list[Prediction]:
        if not texts:  # every post skipped
            return []
        proba = predict_batched(
            model.classifier, texts, meta, description=model.manifest.task, show=show
        )
        return to_predictions(model.classifier.task, proba, model.thresholds())

    def _row(self, outcome: PostOutcome) -> dict[str, Any]:
        cats = None
        if outcome.categories is not None:
            cats = {t: task_result(self.models[t], p) for t, p in outcome.categories.items()}
        return {
            "flagged": outcome.flagged,
            "categories": cats,
            "language": {"code": outcome.language.code, "supported": outcome.language.supported},
            "skipped": outcome.skipped,
        }

    def _add_spans(self, texts: list[str], results: list[dict[str, Any]]) -> None:
        """Put each scored post's spans into its toxicity result, as ``POST /v1/classify``."""
        if self.tagger is None:
            for result in results:
                result["categories"]["toxicity"].update(spans=None, spans_note=NO_SPAN_MODEL)
            return
        for result, post in zip(results, span_results(self.tagger, texts), strict=True):
            result["categories"]["toxicity"]["spans"] = [s.to_dict() for s in post]
            result["categories"]["toxicity"]["spans_model_version"] = self.spans_version
