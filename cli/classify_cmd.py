"""``vimod classify FILE``: score a CSV or JSONL file offline, with a progress bar."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from cli.common import registry, run_guarded, settings
from models.base import Prediction, to_predictions
from models.errors import InputError
from models.explain import NO_SPAN_MODEL, span_results
from models.outcomes import POLICIES, Policy, PostOutcome, assemble, plan
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


def _score(model: LoadedModel, rows: list[dict[str, Any]], column: str) -> list[Prediction]:
    if not rows:  # every row skipped
        return []
    proba = predict_batched(
        model.classifier,
        [row[column] for row in rows],
        [metadata_from_row(r) for r in rows],
        description=model.manifest.task,
    )
    return to_predictions(model.classifier.task, proba, model.thresholds())


def classify(
    file: Annotated[Path, typer.Argument(help="CSV or JSONL with a text column.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write results.")],
    column: Annotated[str, typer.Option(help="Name of the text column.")] = "text",
    task: Annotated[list[str] | None, typer.Option("--task", help="Task(s); default all.")] = None,
    explain: Annotated[
        bool, typer.Option(help="Add toxicity's offending spans (JSON) from the spans model.")
    ] = False,
    unsupported: Annotated[
        str,
        typer.Option(
            help="Rows in a language the models were not made for: score (default), skip "
            "(no scores, flagged empty) or reject (fail naming the rows); as the API."
        ),
    ] = "score",
) -> None:
    """Score every row of FILE with the active models; writes CSV or JSONL by OUTPUT's suffix."""

    def _run() -> None:
        cfg = settings()
        tasks = task or cfg.tasks
        if unsupported not in POLICIES:
            raise InputError(f"--unsupported must be one of {', '.join(POLICIES)}")
        rows = _read(file, column)
        found = plan([r[column] for r in rows], cast(Policy, unsupported), name="rows")
        models = load_active_models(registry(cfg), tasks)
        missing = [t for t in tasks if t not in models]
        if missing:
            raise InputError(
                f"no active model for {', '.join(missing)}; run `vimod serve` or train one"
            )
        if explain and "toxicity" not in models:
            raise InputError("--explain adds spans to the toxicity task; include it in --task")
        scored = [rows[i] for i in found.scored]
        outcomes = assemble(found, {t: _score(m, scored, column) for t, m in models.items()})
        results = [_row(o, models) for o in outcomes]
        if explain:
            kept = [results[i] for i in found.scored]
            _add_spans(registry(cfg), [r[column] for r in scored], kept)
        _write(output, rows, results)
        typer.echo(f"scored {len(rows)} posts → {output}")

    run_guarded(_run)


def _add_spans(reg: Registry, texts: list[str], results: list[dict[str, Any]]) -> None:
    """Put each scored post's spans into its toxicity result, as ``POST /v1/classify`` does."""
    found = reg.load_active_spans()
    if found is None:
        for result in results:
            result["categories"]["toxicity"].update(spans=None, spans_note=NO_SPAN_MODEL)
        return
    tagger, manifest = found
    spans = span_results(tagger, texts)
    for result, post in zip(results, spans, strict=True):
        result["categories"]["toxicity"]["spans"] = [s.to_dict() for s in post]
        result["categories"]["toxicity"]["spans_model_version"] = manifest.version


def _row(outcome: PostOutcome, models: dict[str, LoadedModel]) -> dict[str, Any]:
    """The API's result fields for one row (``categories`` null when skipped)."""
    cats = None
    if outcome.categories is not None:
        cats = {t: task_result(models[t], p) for t, p in outcome.categories.items()}
    return {
        "flagged": outcome.flagged,
        "categories": cats,
        "language": {"code": outcome.language.code, "supported": outcome.language.supported},
        "skipped": outcome.skipped,
    }


def _write(path: Path, rows: list[dict[str, Any]], results: list[dict[str, Any]]) -> None:
    if path.suffix.lower() == ".jsonl":
        with open(path, "w", encoding="utf-8") as fh:
            for row, res in zip(rows, results, strict=True):
                fh.write(json.dumps({**row, **res}, ensure_ascii=False) + "\n")
        return
    flat: list[dict[str, Any]] = []
    for row, res in zip(rows, results, strict=True):
        out = dict(row)
        for t, r in (res["categories"] or {}).items():
            out[f"{t}_label"] = r["label"]
            out[f"{t}_flagged"] = r["flagged"]
            out[f"{t}_flagged_labels"] = " ".join(r["flagged_labels"])
            out.update({f"{t}_{label}": score for label, score in r["scores"].items()})
            out[f"{t}_model_version"] = r["model_version"]
            if "spans" in r:
                out[f"{t}_spans"] = json.dumps(r["spans"], ensure_ascii=False)
        out["language"] = res["language"]["code"]
        out["language_supported"] = res["language"]["supported"]
        out["skipped"] = res["skipped"] or ""
        flat.append(out)
    # A skipped first row has no score columns: take the header from every row, in order.
    fields = list(dict.fromkeys(k for r in flat for k in r)) if flat else ["text"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, restval="")
        writer.writeheader()
        writer.writerows(flat)
