"""``vimod models``: list, inspect, activate and roll back registered versions."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Column, Table

from cli.common import registry, run_guarded, settings
from models.tasks import TASKS

app = typer.Typer(help="Inspect and promote registered model versions.", no_args_is_help=True)
out = Console()


SUMMARY_KEYS = ("n", "macro_f1", "accuracy", "roc_auc", "pr_auc")


def _summary(metrics: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each scored split's headline numbers (``{"dev": {"macro_f1": …, …}, …}``)."""
    return {
        split: {k: scores[k] for k in SUMMARY_KEYS if k in scores}
        for split, scores in metrics.items()
        if isinstance(scores, dict) and "macro_f1" in scores
    }


@app.command("list")
def list_versions(
    task: Annotated[str | None, typer.Option(help="Only this task.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="A JSON array, one object per version.")
    ] = False,
) -> None:
    """Every version with its kind, key metrics and whether it is active (whole ids)."""

    def _run() -> None:
        reg = registry(settings())
        active = {name: reg.active_version(name) for name in TASKS if task in (None, name)}
        rows: list[dict[str, Any]] = [
            {
                "version": m.version,
                "task": m.task,
                "kind": m.kind,
                "active": active.get(m.task) == m.version,
                "created_at": m.created_at,
                "metrics": _summary(m.metrics),
            }
            for m in reg.versions(task)
        ]
        if as_json:
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        whole = [Column(name, no_wrap=True) for name in ("active", "task", "version", "kind")]
        table = Table(*whole, Column("created", no_wrap=True), Column("metrics", overflow="fold"))
        for row in rows:
            scores = ", ".join(
                f"{split}: F1 {v['macro_f1']:.3f}"
                + (f" AUC {v['roc_auc']:.3f}" if "roc_auc" in v else "")
                for split, v in row["metrics"].items()
            )
            mark = "*" if row["active"] else ""
            table.add_row(mark, row["task"], row["version"], row["kind"], row["created_at"], scores)
        # Never narrower than the table's minimum, where only the metrics wrap (rich would
        # otherwise cut ids with an ellipsis): on a narrow terminal its lines wrap instead.
        needed = out.measure(table, options=out.options.update_width(10_000)).minimum
        Console(width=max(out.width, needed)).print(table)

    run_guarded(_run)


@app.command()
def show(version: str) -> None:
    """Print a version's manifest as JSON."""
    from dataclasses import asdict

    run_guarded(
        lambda: typer.echo(json.dumps(asdict(registry(settings()).manifest(version)), indent=2))
    )


@app.command()
def activate(version: str) -> None:
    """Make VERSION active for its task (refused unless it loads and passes a smoke prediction)."""

    def _run() -> None:
        m = registry(settings()).activate(version)
        typer.echo(f"{m.task}: active version is now {m.version}")

    run_guarded(_run)


@app.command()
def rollback(task: Annotated[str, typer.Option(help="Task to roll back.")] = "toxicity") -> None:
    """Step back to the version activated before the current one; again to go further back."""

    def _run() -> None:
        m = registry(settings()).rollback(task)
        typer.echo(f"{m.task}: rolled back to {m.version}")

    run_guarded(_run)


@app.command("export-onnx")
def export_onnx(
    version: str,
    int8: Annotated[bool, typer.Option("--int8", help="Also write a dynamic int8 model.")] = False,
    data: Annotated[
        str | None, typer.Option(help="Dataset spec for the parity texts (default: seed corpus).")
    ] = None,
    samples: Annotated[int, typer.Option(min=1, help="Parity texts to score.")] = 64,
) -> None:
    """Export a phobert VERSION to ONNX in its directory, checked against torch."""

    def _run() -> None:
        from models.onnx_export import export_onnx as run_export
        from models.tasks import TASKS
        from training.datasets import DataContext, load_dataset

        cfg = settings()
        reg = registry(cfg)
        manifest = reg.manifest(version)
        task = TASKS[manifest.task]
        examples = load_dataset(data or f"seed:{task.name}", DataContext(task, cfg.data_dir))
        texts = [e.text for e in examples[:samples]]
        report = run_export(reg.path(version), int8=int8, sample_texts=texts)
        typer.echo(
            f"{report.path}: max |Δp| {report.max_abs_diff:.2e} vs torch on {report.n_samples} "
            f"texts (limit {report.tolerance:g}), labels agree {report.label_agreement:.1%}, "
            f"{report.size_mb} MB"
        )

    run_guarded(_run)
