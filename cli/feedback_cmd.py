"""``vimod feedback export``: moderators' labels as JSONL, the input of ``--data feedback:FILE``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cli.common import run_guarded, settings

app = typer.Typer(help="Work with moderator feedback.", no_args_is_help=True)


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to write.")],
    task: Annotated[str | None, typer.Option(help="Only this task.")] = None,
) -> None:
    """Write every feedback record (oldest first) as one JSON object per line."""
    from service.db import make_engine, session_factory, upgrade_database
    from service.store import feedback_as_dict, iter_feedback

    def _run() -> None:
        cfg = settings()
        upgrade_database(cfg.database_url)
        engine = make_engine(cfg.database_url)
        count = 0
        with session_factory(engine)() as session, open(output, "w", encoding="utf-8") as fh:
            for row in iter_feedback(session=session, task=task):
                fh.write(json.dumps(feedback_as_dict(row), ensure_ascii=False) + "\n")
                count += 1
        engine.dispose()
        typer.echo(f"exported {count} feedback records → {output}")

    run_guarded(_run)
