"""``vimod models``: list, inspect, compare, promote (gated), activate and roll back versions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Column, Table

from cli import gate_cmd
from cli.common import registry, run_guarded, settings
from models.tasks import REGISTRY_TASKS

if TYPE_CHECKING:
    from models.registry import Registry
    from training.compare_result import ComparisonResult

app = typer.Typer(help="Inspect and promote registered model versions.", no_args_is_help=True)
out = Console()


SUMMARY_KEYS = ("n", "macro_f1", "accuracy", "roc_auc", "pr_auc", "char_f1", "vihos_f1")


def _summary(metrics: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each scored split's headline numbers (``{"dev": {"macro_f1": …, …}, …}``)."""
    return {
        split: {k: scores[k] for k in SUMMARY_KEYS if k in scores}
        for split, scores in metrics.items()
        if isinstance(scores, dict) and ("macro_f1" in scores or "char_f1" in scores)
    }


def _headline(scores: dict[str, Any]) -> str:
    """``F1 0.650 AUC 0.910`` for a classifier, ``char F1 0.800 ViHOS 0.830`` for spans."""
    if "char_f1" in scores:
        return f"char F1 {scores['char_f1']:.3f} ViHOS {scores['vihos_f1']:.3f}"
    auc = f" AUC {scores['roc_auc']:.3f}" if "roc_auc" in scores else ""
    return f"F1 {scores['macro_f1']:.3f}{auc}"


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
        active = {name: reg.active_version(name) for name in REGISTRY_TASKS if task in (None, name)}
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
            scores = ", ".join(f"{split}: {_headline(v)}" for split, v in row["metrics"].items())
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


# promote, activate and card live in cli/gate_cmd.py (the promotion gate and model cards)
app.command()(gate_cmd.promote)
app.command()(gate_cmd.activate)
app.command()(gate_cmd.card)


@app.command()
def rollback(
    task: Annotated[str, typer.Option(help="Task to roll back.")] = "toxicity",
    reason: Annotated[str | None, typer.Option(help="Why, for the changelog.")] = None,
) -> None:
    """Step back to the version activated before the current one; again to go further back.

    Running servers follow within VIMOD_REGISTRY_WATCH_S; the change is in the changelog.
    """

    def _run() -> None:
        m = registry(settings()).rollback(task, by=gate_cmd.caller(), reason=reason)
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


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="Reference version id, or 'active' (B's task).")],
    b: Annotated[str, typer.Argument(help="Candidate version id, or 'active' (A's task).")],
    data: Annotated[
        list[str], typer.Option("--data", "-d", help="Dataset spec(s), pooled, e.g. vihsd:test.")
    ],
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Report directory (default: <registry>/compare/A__B__DATA)."),
    ] = None,
    resamples: Annotated[int, typer.Option(min=100, help="Bootstrap resamples.")] = 1000,
    seed: Annotated[int, typer.Option(help="Seed of the bootstrap.")] = 42,
    examples: Annotated[
        int, typer.Option(min=0, help="Fixed and broken posts to quote in the report, each.")
    ] = 20,
) -> None:
    """Score A and B on the same posts: metrics with paired bootstrap intervals, B − A."""

    def _run() -> None:
        from cli.common import console
        from models.errors import InputError
        from models.tasks import get_task
        from training.compare import compare_versions, default_out_dir
        from training.compare_report import write_comparison
        from training.datasets import DataContext

        cfg = settings()
        reg = registry(cfg)
        if a == "active" and b == "active":
            raise InputError("at most one of A and B can be 'active'")
        ver_a = _resolve(reg, a, other=b)
        ver_b = _resolve(reg, b, other=ver_a)
        task = get_task(reg.manifest(ver_a).task)
        result = compare_versions(
            reg,
            ver_a,
            ver_b,
            data,
            DataContext(task, cfg.data_dir, cfg.database_url),
            resamples=resamples,
            seed=seed,
            max_examples=examples,
        )
        directory = out_dir or default_out_dir(reg, ver_a, ver_b, data)
        paths = write_comparison(result, directory)
        _print_comparison(result)
        console.print(f"report: {paths[1]}", soft_wrap=True)

    run_guarded(_run)


def _resolve(reg: Registry, version: str, *, other: str) -> str:
    """A version id, with 'active' meaning the active version of the other one's task."""
    from models.errors import InputError

    if version != "active":
        return version
    task = reg.manifest(other).task
    active = reg.active_version(task)
    if active is None:
        raise InputError(f"task {task!r} has no active version")
    return active


def _print_comparison(result: ComparisonResult) -> None:
    """The headline metrics, the McNemar test and the slices as compact tables."""
    from training.compare_report import format_interval, format_p, format_value, metric_name

    level = f"{result.level:.0%}"
    table = Table(
        "metric",
        "A",
        "B",
        f"B − A [{level}]",
        "p",
        title=f"B {result.b} vs A {result.a} on {result.dataset} ({result.n} posts)",
    )
    for key in result.headline:
        m = result.metrics[key]
        table.add_row(
            metric_name(key),
            format_value(m.a.value),
            format_value(m.b.value),
            format_interval(m.diff, signed=True),
            format_p(m.p_value),
        )
    out.print(table)
    t = result.mcnemar
    out.print(
        f"label decisions: {t.only_b} fixed, {t.only_a} broken, {result.changed} changed; "
        f"McNemar exact p {format_p(t.p_value)}"
    )
    slices = Table("slice", "posts", "metric", "A", "B", f"B − A [{level}]", "p")
    for s in result.slices:
        if not s.metrics:
            slices.add_row(s.name, "0", "", "", "", "", "")
            continue
        key, m = next(iter(s.metrics.items()))
        slices.add_row(
            s.name,
            str(s.n),
            metric_name(key),
            format_value(m.a.value),
            format_value(m.b.value),
            format_interval(m.diff, signed=True),
            format_p(m.p_value),
        )
    out.print(slices)
