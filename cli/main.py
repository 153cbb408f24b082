"""``vimod``: one CLI for serving, training, evaluation, the registry and the store."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli import (
    classify_cmd,
    feedback_cmd,
    gate_cmd,
    keys_cmd,
    models_cmd,
    retrain_cmd,
    store_cmd,
    subjects_cmd,
)
from models.errors import VimodError

app = typer.Typer(help="vimod: Vietnamese moderation service.", no_args_is_help=True)
app.add_typer(models_cmd.app, name="models")
app.add_typer(feedback_cmd.app, name="feedback")
app.add_typer(keys_cmd.app, name="keys")
app.add_typer(store_cmd.app, name="store")
app.command("classify")(classify_cmd.classify)
app.command("retrain")(retrain_cmd.retrain)
app.add_typer(subjects_cmd.app, name="subjects")
console = Console(stderr=True)

# Options shared by the commands that train.
DataSpecs = Annotated[list[str], typer.Option("--data", "-d", help="Dataset spec(s), pooled.")]
TaskName = Annotated[str, typer.Option(help="toxicity, misinformation or spans.")]
ModelKind = Annotated[str, typer.Option("--model", "-m", help="Model kind.")]
# The kind trained when --model is not given: span tasks have their own.
DEFAULT_KIND = {"spans": "span_crf"}
Overrides = Annotated[
    list[str] | None,
    typer.Option(
        "--set", help="Hyper-parameter KEY=VALUE (JSON value); the keys are listed below."
    ),
]


def _config_keys() -> str:
    """The ``--set`` keys of every kind with defaults and descriptions, for ``--help``."""
    import json

    from rich.markup import escape

    from models.configs import CONFIGS, describe

    lines = ["[bold]--set keys[/] (KEY=default: what it does; unknown keys are refused):"]
    for kind, cls in CONFIGS.items():
        lines.append(f"[bold]{kind}[/]:")
        lines.extend(
            escape(f"  {key}={json.dumps(default)}: {text}") for key, default, text in describe(cls)
        )
    return "\n".join(lines)


CONFIG_KEYS = _config_keys()


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (VIMOD_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (VIMOD_PORT).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (VIMOD_WORKERS).")] = None,
) -> None:
    """Run the HTTP API; builds the embedded default models first if a task has none.

    The database is not needed to start: each worker migrates it (or keeps retrying) in
    its lifespan, and serves classification meanwhile.
    """
    import uvicorn

    from cli.bootstrap import ensure_default_models
    from cli.common import settings
    from service.logs import configure_logging, logging_config

    cfg = settings()
    configure_logging(cfg.log_level, json=cfg.log_json)
    if cfg.bootstrap:
        ensure_default_models(cfg)
    count = workers or cfg.workers
    with _metrics_dir(cfg.metrics_multiproc_dir is None and count > 1):
        uvicorn.run(
            "service.app:create_app",
            factory=True,
            host=host or cfg.host,
            port=port or cfg.port,
            workers=count,
            log_level=cfg.log_level,
            # Our access line names route templates; uvicorn's would print query strings.
            access_log=False,
            log_config=logging_config(cfg.log_level, json=cfg.log_json),
        )


@contextlib.contextmanager
def _metrics_dir(needed: bool) -> Iterator[None]:
    """A fresh ``PROMETHEUS_MULTIPROC_DIR`` for this server's workers, removed when it stops.

    Set in the environment before uvicorn spawns the workers: prometheus-client reads it
    when a worker imports it, and every worker then writes its values there. A directory
    left from an earlier run would add that run's counts, hence a new one per start.
    """
    if not needed:
        yield
        return
    folder = tempfile.mkdtemp(prefix="vimod-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
    try:
        yield
    finally:
        os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
        shutil.rmtree(folder, ignore_errors=True)


@app.command(epilog=CONFIG_KEYS)
def train(
    data: DataSpecs,
    task: TaskName = "toxicity",
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="Model kind (default: baseline; span_crf for spans)."),
    ] = None,
    dev: Annotated[
        str | None, typer.Option(help="Dev dataset spec (thresholds, early stop).")
    ] = None,
    config: Overrides = None,
    base: Annotated[
        str | None, typer.Option(help="Base checkpoint (phobert): path or hub id.")
    ] = None,
    work_dir: Annotated[Path | None, typer.Option(help="Checkpoint directory (resumable).")] = None,
    activate: Annotated[bool, typer.Option(help="Activate it if it passes the gate.")] = False,
    seed: Annotated[
        int | None, typer.Option(help="Seed of the kind's randomness (same as --set seed=N).")
    ] = None,
) -> None:
    """Train a model and register it as a new version."""
    from cli.common import load_many, parse_overrides, registry, run_guarded, settings
    from models.configs import resolve_config
    from models.tasks import get_registry_task
    from training.datasets import DataContext, load_dataset
    from training.train import TrainJob, run_training

    def _run() -> None:
        cfg = settings()
        t = get_registry_task(task)
        kind = model or DEFAULT_KIND.get(t.name, "baseline")
        ctx = DataContext(t, cfg.data_dir)
        overrides = parse_overrides(config or [])
        if base:
            overrides["base"] = base
        if seed is not None:
            overrides["seed"] = seed
        resolve_config(kind, t.name, overrides)  # a typo fails before the data is read
        job = TrainJob(
            task=t,
            train=load_many(data, ctx),
            dev=load_dataset(dev, ctx) if dev else None,
            config=overrides,
            work_dir=work_dir,
        )
        manifest = run_training(kind, job, registry(cfg), datasets=data)
        console.print(f"registered [bold]{manifest.version}[/] ({manifest.task}, {manifest.kind})")
        if manifest.metrics.get("dev"):
            console.print(f"dev: {manifest.metrics['dev']}")
        typer.echo(manifest.version)
        if activate:  # through the promotion gate, on the task's recipe benchmark
            gate_cmd.activate_trained(cfg, manifest.version)

    run_guarded(_run)


@app.command()
def evaluate(
    version: Annotated[str, typer.Argument(help="Version id, or 'active'.")],
    data: Annotated[str, typer.Option("--data", "-d", help="Dataset spec, e.g. vihsd:test.")],
    task: Annotated[str, typer.Option(help="Task, when VERSION is 'active'.")] = "toxicity",
) -> None:
    """Evaluate a version on a split; writes JSON, Markdown and plots into the version."""
    from cli.common import registry, run_guarded, settings
    from training.datasets import DataContext
    from training.evaluate import evaluate_version, flag_lines
    from training.groups import group_lines

    def _run() -> None:
        from models.tasks import get_registry_task

        cfg = settings()
        reg = registry(cfg)
        ver = reg.active_version(task) if version == "active" else version
        if ver is None:
            raise VimodError(f"task {task!r} has no active version")
        context = DataContext(get_registry_task(task), cfg.data_dir)
        metrics, paths = evaluate_version(reg, ver, data, context)
        if "char_f1" in metrics:  # a span model
            line = (
                f"{ver} on {data}: char F1 {metrics['char_f1']:.4f}, ViHOS F1 "
                f"{metrics['vihos_f1']:.4f}, char P {metrics['char']['precision']:.4f} "
                f"R {metrics['char']['recall']:.4f}"
            )
        else:
            line = (
                f"{ver} on {data}: macro-F1 {metrics['macro_f1']:.4f}, "
                f"accuracy {metrics['accuracy']:.4f}"
            )
        if "roc_auc" in metrics:
            line += f", ROC-AUC {metrics['roc_auc']:.4f}, PR-AUC {metrics['pr_auc']:.4f}"
        if "ece" in metrics:
            line += f", ECE {metrics['ece']:.4f}"
        typer.echo(line)
        for text in [*flag_lines(metrics), *group_lines(metrics)]:
            typer.echo(text)
        console.print(f"report: {paths[1]}")

    run_guarded(_run)


@app.command(epilog=CONFIG_KEYS)
def crossval(
    data: DataSpecs,
    task: TaskName = "toxicity",
    model: ModelKind = "baseline",
    config: Overrides = None,
    folds: Annotated[int, typer.Option(min=2, help="Number of folds.")] = 5,
    seed: Annotated[int, typer.Option(help="Seed of the fold split.")] = 42,
    out: Annotated[Path | None, typer.Option(help="Write the result as JSON.")] = None,
    extra: Annotated[
        list[str] | None,
        typer.Option(help="Dataset spec(s) added to every fold's training, never scored."),
    ] = None,
    plain: Annotated[
        bool, typer.Option(help="Also score each held-out fold with diacritics stripped.")
    ] = False,
) -> None:
    """Cross-validate a model kind on pooled data (compare variants here, not on test)."""
    import json
    from dataclasses import asdict

    from cli.common import load_many, parse_overrides, run_guarded, settings
    from models.configs import resolve_config
    from models.tasks import get_task
    from training.crossval import cross_validate
    from training.datasets import DataContext
    from training.groups import group_lines

    def _run() -> None:
        cfg = settings()
        t = get_task(task)
        overrides = parse_overrides(config or [])
        resolve_config(model, t.name, overrides)  # a typo fails before the data is read
        examples = load_many(data, DataContext(t, cfg.data_dir))
        added = load_many(extra, DataContext(t, cfg.data_dir)) if extra else []
        result = cross_validate(
            model,
            t,
            examples,
            config=overrides,
            folds=folds,
            seed=seed,
            plain=plain,
            extra=added,
        )
        scored = (
            ("as given", result.metrics),
            ("text only", result.text_only),
            ("no diacritics", result.plain),
            ("posts without a group", result.ungrouped),
        )
        for name, metrics in scored:
            if metrics is None:
                continue
            line = f"{name}: macro-F1 {metrics['macro_f1']:.4f}"
            if "roc_auc" in metrics:
                line += f", ROC-AUC {metrics['roc_auc']:.4f}, PR-AUC {metrics['pr_auc']:.4f}"
            typer.echo(f"{len(examples)} examples, {folds} folds, seed {seed}, {line}")
        for text in group_lines({"group_rates": result.group_rates}):
            typer.echo(text)
        if out is not None:
            out.write_text(json.dumps(asdict(result), indent=2) + "\n")

    run_guarded(_run)


@app.command("db-upgrade")
def db_upgrade() -> None:
    """Apply the store's Alembic migrations to VIMOD_DATABASE_URL."""
    from cli.common import run_guarded, settings
    from service.db import upgrade_database

    run_guarded(lambda: upgrade_database(settings().database_url))
