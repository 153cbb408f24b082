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
from models.outcomes import POLICIES, Policy, PostOutcome, assemble, plan
from models.scorer import LoadedModel, load_active_models
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
        scored = [rows[i] for i in found.scored]
        outcomes = assemble(found, {t: _score(m, scored, column) for t, m in models.items()})
        versions = {t: m.version for t, m in models.items()}
        _write(output, rows, [_row(o, versions) for o in outcomes])
        typer.echo(f"scored {len(rows)} posts → {output}")

    run_guarded(_run)


def _row(outcome: PostOutcome, versions: dict[str, str]) -> dict[str, Any]:
    """The API's result fields for one row (``categories`` null when skipped)."""
    cats = None
    if outcome.categories is not None:
        cats = {
            t: {
                "label": p.label,
                "scores": p.scores,
                "flagged": p.flagged,
                "model_version": versions[t],
            }
            for t, p in outcome.categories.items()
        }
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
            out.update({f"{t}_{label}": score for label, score in r["scores"].items()})
            out[f"{t}_model_version"] = r["model_version"]
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
