"""``vimod classify FILE``: score a CSV or JSONL file offline, with a progress bar."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import registry, run_guarded, settings
from models.base import to_predictions
from models.errors import InputError
from models.explain import NO_SPAN_MODEL, span_results
from models.registry import Registry
from models.scorer import LoadedModel, load_active_models, task_result
from training.datasets.generic import metadata_from_row, read_jsonl
from training.progress import predict_batched


def _read(path: Path, column: str) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"input file not found: {path}")
    if path.suffix.lower() == ".jsonl":
        rows = read_jsonl(path)
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    for n, row in enumerate(rows, start=1):
        if not isinstance(row.get(column), str):
            raise InputError(f"{path.name} row {n}: no text in column {column!r}")
    return rows


def _score(model: LoadedModel, rows: list[dict[str, Any]], column: str) -> list[dict[str, Any]]:
    texts = [row[column] for row in rows]
    proba = predict_batched(
        model.classifier,
        texts,
        [metadata_from_row(r) for r in rows],
        description=model.manifest.task,
    )
    preds = to_predictions(model.classifier.task, proba, model.thresholds())
    return [task_result(model, p) for p in preds]


def classify(
    file: Annotated[Path, typer.Argument(help="CSV or JSONL with a text column.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write results.")],
    column: Annotated[str, typer.Option(help="Name of the text column.")] = "text",
    task: Annotated[list[str] | None, typer.Option("--task", help="Task(s); default all.")] = None,
    explain: Annotated[
        bool, typer.Option(help="Add toxicity's offending spans (JSON) from the spans model.")
    ] = False,
) -> None:
    """Score every row of FILE with the active models; writes CSV or JSONL by OUTPUT's suffix."""

    def _run() -> None:
        cfg = settings()
        tasks = task or cfg.tasks
        rows = _read(file, column)
        models = load_active_models(registry(cfg), tasks)
        missing = [t for t in tasks if t not in models]
        if missing:
            raise InputError(
                f"no active model for {', '.join(missing)}; run `vimod serve` or train one"
            )
        results = {t: _score(m, rows, column) for t, m in models.items()}
        if explain:
            _add_spans(registry(cfg), rows, column, results)
        _write(output, rows, results)
        typer.echo(f"scored {len(rows)} posts → {output}")

    run_guarded(_run)


def _add_spans(
    reg: Registry, rows: list[dict[str, Any]], column: str, results: dict[str, Any]
) -> None:
    """Put each post's spans into its toxicity result, as ``POST /v1/classify`` does."""
    if "toxicity" not in results:
        raise InputError("--explain adds spans to the toxicity task; include it in --task")
    found = reg.load_active_spans()
    if found is None:
        for result in results["toxicity"]:
            result.update(spans=None, spans_note=NO_SPAN_MODEL)
        return
    tagger, manifest = found
    spans = span_results(tagger, [row[column] for row in rows])
    for result, post in zip(results["toxicity"], spans, strict=True):
        result["spans"] = [s.to_dict() for s in post]
        result["spans_model_version"] = manifest.version


def _write(
    path: Path, rows: list[dict[str, Any]], results: dict[str, list[dict[str, Any]]]
) -> None:
    if path.suffix.lower() == ".jsonl":
        with open(path, "w", encoding="utf-8") as fh:
            for i, row in enumerate(rows):
                cats = {t: res[i] for t, res in results.items()}
                fh.write(json.dumps({**row, "categories": cats}, ensure_ascii=False) + "\n")
        return
    flat: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        out = dict(row)
        for t, res in results.items():
            r = res[i]
            out[f"{t}_label"] = r["label"]
            out[f"{t}_flagged"] = r["flagged"]
            out[f"{t}_flagged_labels"] = " ".join(r["flagged_labels"])
            out.update({f"{t}_{label}": score for label, score in r["scores"].items()})
            out[f"{t}_model_version"] = r["model_version"]
            if "spans" in r:
                out[f"{t}_spans"] = json.dumps(r["spans"], ensure_ascii=False)
        flat.append(out)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(flat[0]) if flat else ["text"])
        writer.writeheader()
        writer.writerows(flat)
