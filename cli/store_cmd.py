"""``vimod store``: retention of stored posts."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer

from cli.common import run_guarded, settings, store_session
from models.errors import InputError

app = typer.Typer(help="Maintain the store (retention).", no_args_is_help=True)

_AGE = re.compile(r"^(\d+)([dh])$")


def parse_age(value: str) -> timedelta:
    """``30d`` or ``12h`` → a timedelta."""
    match = _AGE.match(value.strip())
    if not match:
        raise InputError(f"--older-than wants e.g. 30d or 12h, got {value!r}")
    amount, unit = int(match.group(1)), match.group(2)
    return timedelta(days=amount) if unit == "d" else timedelta(hours=amount)


@app.command()
def purge(
    older_than: Annotated[str, typer.Option(help="Age, e.g. 30d or 12h.")],
) -> None:
    """Delete stored posts (predictions kept with store: true) older than the given age."""
    from service.privacy import purge_predictions

    def _run() -> None:
        cutoff = datetime.now(UTC) - parse_age(older_than)
        with store_session(settings()) as session:
            count = purge_predictions(session=session, before=cutoff)
        typer.echo(f"deleted {count} stored posts created before {cutoff.isoformat()}")

    run_guarded(_run)
