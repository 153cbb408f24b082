"""``vimod keys``: create, list and revoke API keys directly in the store (operator access).

The admin API (``/v1/keys``) does the same within one tenant; this command can also create
tenants, since whoever runs it already holds the database.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from cli.common import run_guarded, settings, store_session

app = typer.Typer(help="Manage API keys (tenants, subjects, roles).", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


@app.command()
def create(
    role: Annotated[str, typer.Option(help="integrator, moderator, trainer or admin.")],
    name: Annotated[str, typer.Option(help="What the key is for, e.g. 'Lan's phone'.")],
    subject: Annotated[
        str | None, typer.Option(help="Person or system the key acts for (default: NAME).")
    ] = None,
    tenant: Annotated[str, typer.Option(help="Organisation; created if new.")] = "default",
    system: Annotated[bool, typer.Option(help="The subject is a system, not a person.")] = False,
    requests_per_minute: Annotated[int | None, typer.Option(min=1)] = None,
    chars_per_minute: Annotated[int | None, typer.Option(min=1)] = None,
) -> None:
    """Create a key; the key itself is printed once on stdout and stored only as a hash."""
    from service.identity import (
        Role,
        audit,
        create_key,
        get_or_create_subject,
        get_or_create_tenant,
    )

    def _run() -> None:
        parsed = Role.parse(role)
        with store_session(settings()) as session:
            t = get_or_create_tenant(session=session, name=tenant)
            s = get_or_create_subject(
                session=session,
                tenant_id=t.id,
                name=subject or name,
                kind="system" if system else "person",
            )
            issued = create_key(
                session=session,
                tenant_id=t.id,
                subject_id=s.id,
                name=name,
                role=parsed,
                requests_per_minute=requests_per_minute,
                chars_per_minute=chars_per_minute,
            )
            audit(session=session, tenant_id=t.id, action="key.create", target=issued.record.id)
            session.commit()
        err.print(  # names as text, not markup: "a[/b]" crashed here, losing the new key
            f"created {parsed.name} key [bold]{issued.record.id}[/] for {escape(repr(s.name))} "
            f"(tenant {escape(repr(t.name))}); it is shown only now:"
        )
        typer.echo(issued.secret)

    run_guarded(_run)


@app.command("list")
def list_keys(
    tenant: Annotated[str | None, typer.Option(help="Only this tenant (name).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """Every key with role, subject, creation, last use and revocation (never the secret)."""
    from sqlalchemy import select

    from service.identity import key_as_dict
    from service.identity import list_keys as query_keys
    from service.tables import Subject, Tenant

    def _run() -> None:
        with store_session(settings()) as session:
            tenants = {t.id: t.name for t in session.scalars(select(Tenant))}
            subjects = {s.id: s.name for s in session.scalars(select(Subject))}
            wanted = next((i for i, n in tenants.items() if n == tenant), "?") if tenant else None
            rows = [key_as_dict(k) for k in query_keys(session=session, tenant_id=wanted)]
        for row in rows:
            row["tenant"] = tenants.get(row["tenant_id"], row["tenant_id"])
            row["subject"] = subjects.get(row["subject_id"], row["subject_id"])
        if as_json:
            for row in rows:
                typer.echo(json.dumps(row, default=str, ensure_ascii=False))
            return
        table = Table("id", "role", "name", "subject", "tenant", "created", "last used", "revoked")
        for row in rows:
            table.add_row(  # Text: names are shown as typed, never parsed as markup
                *(
                    Text(str(row[k] or ""))
                    for k in ("id", "role", "name", "subject", "tenant", "created_at")
                ),
                str(row["last_used_at"] or "never"),
                str(row["revoked_at"] or ""),
            )
        out.print(table)

    run_guarded(_run)


@app.command()
def revoke(key_id: Annotated[str, typer.Argument(help="The key's id (not the key).")]) -> None:
    """Revoke a key; running services refuse it within VIMOD_KEY_CACHE_SECONDS."""
    from service.identity import audit, revoke_key

    def _run() -> None:
        with store_session(settings()) as session:
            row = revoke_key(session=session, key_id=key_id)
            audit(session=session, tenant_id=row.tenant_id, action="key.revoke", target=key_id)
            session.commit()
        typer.echo(f"revoked {key_id}")

    run_guarded(_run)
