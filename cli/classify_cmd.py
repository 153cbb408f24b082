"""``vimod classify FILE``: score a CSV, JSONL or Parquet file offline, with a progress bar,
in this process or on Ray Data (``--ray``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, cast

import typer

from cli.backlog import Scorer, pin_versions
from cli.backlog_io import file_format, read_rows, write_results
from cli.common import console, registry, run_guarded, settings
from models.errors import InputError
from models.outcomes import POLICIES, Policy
from training.datasets.generic import metadata_from_row


def classify(
    file: Annotated[Path, typer.Argument(help="CSV, JSONL or Parquet with a text column.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write results (.csv/.jsonl/.parquet).")
    ],
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
    ray: Annotated[
        bool,
        typer.Option(
            "--ray", help="Score on Ray Data, a local cluster of --num-cpus (needs the ray extra)."
        ),
    ] = False,
    ray_address: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="Score on this existing Ray cluster instead (ray://host:10001, auto); "
            "implies --ray. Its workers must reach the registry at the same path.",
        ),
    ] = None,
    num_cpus: Annotated[
        int | None, typer.Option(min=1, help="CPUs of the local Ray cluster (default: all).")
    ] = None,
    actors: Annotated[
        int | None,
        typer.Option(min=1, help="Ray actors, each loading the models once (default: one a CPU)."),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Posts per Ray batch.")] = 256,
) -> None:
    """Score every row of FILE with the active models; writes CSV, JSONL or Parquet by OUTPUT's
    extension. Results are identical with and without --ray."""

    def _run() -> None:
        cfg = settings()
        if unsupported not in POLICIES:
            raise InputError(f"--unsupported must be one of {', '.join(POLICIES)}")
        policy = cast(Policy, unsupported)
        if num_cpus is not None and ray_address is not None:
            raise InputError("--num-cpus sizes a local cluster; an existing one has its own")
        file_format(output, "output")  # refuse a bad extension before scoring anything
        rows = read_rows(file, column)
        texts = [r[column] for r in rows]
        metadata = [metadata_from_row(r) for r in rows]
        reg = registry(cfg)
        pinned = pin_versions(reg, task or cfg.tasks, explain=explain)
        if not (ray or ray_address):
            results = Scorer.load(reg, pinned).score(texts, metadata, policy, show=True)
        else:
            from cli.ray_backlog import RayOptions, score_on_ray

            options = RayOptions(
                address=ray_address,
                num_cpus=num_cpus,
                actors=actors,
                batch_size=batch_size,
            )
            results, times = score_on_ray(
                texts,
                metadata,
                registry_dir=str(Path(cfg.registry_dir).resolve()),
                pinned=pinned,
                policy=policy,
                options=options,
            )
            console.print(
                f"ray: started in {times.startup_s:.1f} s, scored in {times.scoring_s:.1f} s"
            )
        write_results(output, rows, results)
        typer.echo(f"scored {len(rows)} posts → {output}")

    run_guarded(_run)
