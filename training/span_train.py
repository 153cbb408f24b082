"""Training and evaluation of the spans task: fit a span kind, score it, write its report.

The classification path (``training.train``, ``training.evaluate``) works on label
probabilities; span models answer with character ranges, so they get their own small
path over the same registry, trainer table and dataset specs.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.registry import Manifest, Registry
from models.span_contract import SpanTagger
from models.tasks import SPANS
from training.datasets import DataContext, Example, load_dataset
from training.evaluate import report_dir
from training.progress import phase
from training.span_metrics import span_metrics
from training.span_report import write_span_report
from training.train import TrainJob, get_trainer

SUMMARY_KEYS = ("n", "char_f1", "vihos_f1", "char", "token")


def span_fingerprint(examples: Sequence[Example]) -> str:
    """Order-independent SHA-256 of (text, spans) pairs."""
    digests = sorted(
        hashlib.sha256(f"{list(e.spans or ())}\t{e.text}".encode()).digest() for e in examples
    )
    return "sha256:" + hashlib.sha256(b"".join(digests)).hexdigest()


def score_spans(tagger: SpanTagger, examples: Sequence[Example]) -> dict[str, Any]:
    """Both span scores and P/R of ``tagger`` on ``examples`` (which carry gold spans)."""
    texts = [e.text for e in examples]
    predicted = tagger.predict_spans(texts)
    return span_metrics(
        texts,
        [[(s.start, s.end) for s in spans] for spans in predicted],
        [e.spans or () for e in examples],
    )


def run_span_training(
    kind: str,
    job: TrainJob,
    registry: Registry,
    *,
    datasets: Sequence[str] = (),
    activate: bool = False,
) -> Manifest:
    """Train a span kind on ``job``, score it on dev, and register it as a new version."""
    trainer = get_trainer(kind)
    start = time.perf_counter()
    with phase(f"training {kind} on {len(job.train)} posts", show=job.show_progress):
        model: SpanTagger = trainer(job)  # type: ignore[assignment]
    seconds = time.perf_counter() - start
    metrics: dict[str, Any] = {}
    if job.dev:
        dev = score_spans(model, job.dev)
        metrics["dev"] = {k: dev[k] for k in SUMMARY_KEYS}
    return registry.save(
        model,
        data_fingerprint=span_fingerprint(job.train),
        metrics=metrics,
        training={
            "datasets": list(datasets),
            "examples": len(job.train),
            "posts_with_spans": sum(1 for e in job.train if e.spans),
            "dev_examples": len(job.dev or []),
            "seconds": round(seconds, 1),
        },
        activate=activate,
    )


def evaluate_spans(
    registry: Registry, version: str, spec: str, data_dir: Path
) -> tuple[dict[str, Any], list[Path]]:
    """Score span ``version`` on ``spec``, record the summary and write the report."""
    tagger, _ = registry.load_spans(version)
    examples = load_dataset(spec, DataContext(SPANS, data_dir))
    metrics = score_spans(tagger, examples)
    metrics["threshold"] = tagger.config.get("threshold")
    paths = write_span_report(
        report_dir(registry, version, spec), title=f"{version} on {spec}", metrics=metrics
    )
    registry.update_metrics(version, spec, {k: metrics[k] for k in SUMMARY_KEYS})
    return metrics, paths
