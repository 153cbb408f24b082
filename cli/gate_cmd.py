"""``vimod models promote``, ``activate`` and ``card``: the promotion gate and model cards.

Registered on ``vimod models`` by ``cli/models_cmd.py``. ``promote_version`` is the one path
from the CLI to a gated activation; ``vimod train --activate`` calls it too.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.common import registry, run_guarded, settings

if TYPE_CHECKING:
    from collections.abc import Sequence

    from service.config import Settings
    from training.gate import Evaluation, GateResult

# Piped output (CI logs, scripts) gets wide lines: a gate table must not wrap its figures.
out = Console(width=None if sys.stdout.isatty() else 200)

# Options of the commands that run the promotion gate (promote, activate).
GateData = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        "-d",
        help="Evaluation set(s), each judged on its own, e.g. vihsd:test and a feedback "
        "holdout (default: benchmark of training/recipes/<task>.toml).",
    ),
]
Tolerance = Annotated[
    list[str] | None,
    typer.Option(
        help="How far a gated metric may drop: a number for all (default 0.005), or "
        "METRIC=NUMBER for one (repeatable), e.g. f1:HATE=0.01."
    ),
]
Resamples = Annotated[int, typer.Option(min=100, help="Bootstrap resamples.")]


def promote(
    version: str,
    data: GateData = None,
    tolerance: Tolerance = None,
    resamples: Resamples = 1000,
    check_only: Annotated[
        bool, typer.Option("--check-only", help="Run and record the gate; do not activate.")
    ] = False,
) -> None:
    """Run the promotion gate against the active version; activate VERSION only if it passes."""
    run_guarded(
        lambda: promote_version(
            settings(),
            version,
            data or None,
            tolerance,
            resamples=resamples,
            activate=not check_only,
        )
    )


def activate(
    version: str,
    data: GateData = None,
    tolerance: Tolerance = None,
    resamples: Resamples = 1000,
    force: Annotated[
        bool, typer.Option("--force", help="Skip the gate (needs --reason; recorded).")
    ] = False,
    reason: Annotated[
        str | None, typer.Option(help="Why (for the changelog); required with --force.")
    ] = None,
) -> None:
    """Make VERSION active: through the promotion gate (like promote), or --force --reason.

    With no --data and no recipe benchmark, a gate recorded as passed against the active
    version is accepted. VERSION must also load and pass a smoke prediction.
    """

    def _run() -> None:

        cfg = settings()
        if not force:
            hint = "; or skip the gate with --force --reason TEXT"
            promote_version(
                cfg, version, data or None, tolerance, resamples=resamples, hint=hint, reason=reason
            )
            return
        m = registry(cfg).activate(version, forced=True, reason=reason, by=caller())
        typer.echo(f"{m.task}: active version is now {m.version} (gate skipped: {reason})")

    run_guarded(_run)


def card(
    version: str,
    write: Annotated[
        bool, typer.Option("--write", help="Rewrite the version's MODEL_CARD.md.")
    ] = False,
) -> None:
    """Print VERSION's model card, built from its manifest and reports (or rewrite it)."""

    def _run() -> None:
        from training.model_card import build_card, write_card

        reg = registry(settings())
        if write:
            typer.echo(str(write_card(reg, version)))
        else:
            typer.echo(build_card(reg, version), nl=False)

    run_guarded(_run)


def promote_version(
    cfg: Settings,
    version: str,
    specs: Sequence[str] | None,
    tolerance: Sequence[str] | None = None,
    *,
    resamples: int = 1000,
    activate: bool = True,
    hint: str = "",
    extra: Sequence[Evaluation] = (),
    reason: str | None = None,
) -> GateResult | None:
    """The one path from the CLI to a gated activation (``promote``, ``activate``, ``train``).

    Runs the gate on ``specs`` (``None``: the task's recipe benchmark), prints each gated
    metric and activates ``version`` when it passes. With no data, a passed gate already
    recorded against the active version is accepted. ``hint`` ends every refusal message;
    ``extra`` evaluation sets (e.g. a retrain's feedback holdout) are gated too.

    Raises:
        InputError: no evaluation data (or it cannot be loaded).
        ConflictError: the gate refused the version.
    """
    from models.errors import ConflictError, InputError
    from models.promotion import gate_allows
    from models.tasks import get_registry_task
    from training.datasets import DataContext
    from training.gate import benchmark_specs, gate, load_evaluations, promote

    reg = registry(cfg)
    task = get_registry_task(reg.manifest(version).task)
    active = reg.active_version(task.name)
    if active == version:
        typer.echo(f"{task.name}: {version} is already the active version")
        return None
    if active is None:
        specs = []
    elif specs is None:
        specs = benchmark_specs(task.name)
    extra = [e for e in extra if e[1]]
    if not specs and not extra and active is not None:
        if activate and gate_allows(reg.gate_record(version), version, active):
            reg.activate(version, require_gate=True, by=caller(), reason=reason)
            typer.echo(f"{task.name}: active version is now {version} (recorded gate passed)")
            return None
        raise InputError(
            f"no evaluation data to gate {version} against the active version {active}: give "
            f"--data SPEC or a benchmark list in training/recipes/{task.name}.toml{hint}"
        )
    tolerances = parse_tolerance(tolerance or [])
    try:
        evaluations = load_evaluations(specs, DataContext(task, cfg.data_dir, cfg.database_url))
    except InputError as exc:
        raise InputError(f"gate data: {exc.message}{hint}") from None
    evaluations += extra
    if activate:
        result = promote(
            reg,
            version,
            evaluations=evaluations,
            by=caller(),
            reason=reason,
            tolerance=tolerances,
            resamples=resamples,
            show=True,
        )
    else:
        result = gate(
            reg,
            version,
            evaluations=evaluations,
            tolerance=tolerances,
            resamples=resamples,
            show=True,
        )
    _print_gate(result)
    report = reg.path(version) / "reports" / f"{result.name}.md"
    if not result.passed:
        raise ConflictError(
            f"{version} refused: {len(result.failing)} gated metric(s) dropped by more than "
            f"the tolerance or are undefined on the data (report: {report}){hint}"
        )
    done = f"active version is now {version}" if activate else f"{version} may be activated"
    typer.echo(f"{task.name}: gate passed; {done}")
    return result


def activate_trained(cfg: Settings, version: str) -> None:
    """``vimod train --activate``: gate the new version on the task's recipe benchmark."""
    hint = (
        f"; {version} is registered but not active: run `vimod models promote {version} "
        f"--data SPEC` or `vimod models activate {version} --force --reason TEXT`"
    )
    promote_version(cfg, version, None, hint=hint)


def parse_tolerance(items: Sequence[str]) -> float | dict[str, float]:
    """``["0.01"]`` → 0.01; ``["0.01", "f1:HATE=0.02"]`` → ``{"*": 0.01, "f1:HATE": 0.02}``."""
    from models.errors import InputError
    from training.gate import DEFAULT_TOLERANCE

    out: dict[str, float] = {}
    for item in items:
        key, sep, raw = item.rpartition("=")
        try:
            out[key if sep else "*"] = float(raw)
        except ValueError:
            raise InputError(f"--tolerance wants NUMBER or METRIC=NUMBER, got {item!r}") from None
    if set(out) <= {"*"}:
        return out.get("*", DEFAULT_TOLERANCE)
    return out


def caller() -> str:
    """Who runs this CLI, for the activation history."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name (a container with an unknown uid)
        return "cli:unknown"


def _print_gate(result: GateResult) -> None:
    """Each gated metric: active, candidate, difference [interval], pass or fail."""
    from training.compare_report import format_interval, format_value, metric_name
    from training.gate_report import failing_lines, verdict

    if result.against is None:
        out.print(f"no active {result.task} version: the gate passes (first activation)")
        return
    level = f"{result.level:.0%}"
    table = Table(
        "data",
        "metric",
        "active",
        "candidate",
        f"difference [{level}]",
        "tolerance",
        "result",
        title=f"gate: {result.candidate} vs active {result.against}",
    )
    for m in result.metrics:
        table.add_row(
            m.evaluation,
            metric_name(m.metric),
            format_value(m.active.value),
            format_value(m.candidate.value),
            format_interval(m.diff, signed=True),
            f"{m.tolerance:g}",
            verdict(m),
        )
    out.print(table)
    for line in failing_lines(result):
        out.print(f"failing: {line}", soft_wrap=True)
