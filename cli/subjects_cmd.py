"""``vimod subjects``: label quality per moderator, and admins' approval of flagged labels."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from cli.common import registry, run_guarded, settings, store_session

app = typer.Typer(help="Moderators' label quality and approvals.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


@app.command()
def approve(
    name: Annotated[str, typer.Argument(help="The subject's name.")],
    tenant: Annotated[str, typer.Option(help="The subject's organisation.")] = "default",
) -> None:
    """Keep a flagged subject's labels (written until now) in training."""
    from service.identity import audit
    from service.store import approve_labels, find_tenant

    def _run() -> None:
        with store_session(settings()) as session:
            t = find_tenant(session=session, name=tenant)
            row = approve_labels(session=session, tenant_id=t.id, name=name)
            at = row.labels_approved_at
            audit(
                session=session,
                tenant_id=t.id,
                action="subject.approve_labels",
                target=row.id,
                details={"name": row.name, "until": at.isoformat() if at else None},
            )
            session.commit()
        typer.echo(f"approved the labels {name!r} wrote until {at:%Y-%m-%d %H:%M:%S} UTC")

    run_guarded(_run)


@app.command()
def quality(
    task: Annotated[str, typer.Option(help="toxicity or misinformation.")],
    tenant: Annotated[str | None, typer.Option(help="Only this tenant's feedback.")] = None,
    recipe: Annotated[
        str | None, typer.Option(help="Recipe whose [quality] rule applies (default: the task's).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """Per subject: disagreement with double-review partners and the active model, by week."""
    from cli.retrain_cmd import quality_table, read_labels
    from models.tasks import get_task
    from training.label_quality import assess, excluded_records
    from training.recipe import load_recipe
    from training.retrain import model_labels

    def _run() -> None:
        cfg = settings()
        name = get_task(task).name
        rule = load_recipe(recipe or name).quality
        records, subjects = read_labels(cfg, name, tenant)
        predicted, _ = model_labels(registry(cfg), name, records, show=not as_json)
        result = assess(records, predicted, subjects, rule)
        left_out: dict[str, int] = {}
        for rec, excluded in zip(records, excluded_records(records, result, subjects), strict=True):
            if excluded:
                who = result[rec.subject_id].name
                left_out[who] = left_out.get(who, 0) + 1
        if as_json:
            for q in result.values():
                typer.echo(json.dumps(q.as_dict(), ensure_ascii=False))
            return
        out.print(quality_table(result, subjects, left_out))

    run_guarded(_run)
