"""Test clients that authenticate like a real caller: with the first admin key.

Every app started on an empty store writes its bootstrap admin key to
``settings.secrets_dir/admin.key``; tests read it from there, so they exercise the same path
a newcomer's ``make serve`` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from service.identity import (
    IssuedKey,
    Role,
    create_key,
    get_or_create_subject,
    get_or_create_tenant,
)
from service.tables import DEFAULT_TENANT


def admin_key(settings: Settings) -> str:
    return (settings.secrets_dir / "admin.key").read_text("utf-8").strip()


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@contextmanager
def serve(settings: Settings, **kwargs: Any) -> Iterator[TestClient]:
    """A started app whose client sends the bootstrap admin key with every request."""
    with TestClient(create_app(settings, **kwargs)) as client:
        if not settings.auth_disabled:
            client.headers.update(bearer(admin_key(settings)))
        yield client


def issue_key(
    app: FastAPI,
    role: str,
    *,
    subject: str | None = None,
    tenant: str = DEFAULT_TENANT,
    **quota: int,
) -> IssuedKey:
    """A new key of ``role`` in the started ``app``'s store, written as ``vimod keys create`` does.

    Args:
        app: a started app (its lifespan has opened ``app.state.sessions``).
        role: integrator, moderator, trainer or admin.
        subject: the person the key acts for (default: ``<role>-person``); created when new.
        tenant: the tenant's name; created when new.
        quota: ``requests_per_minute`` and/or ``chars_per_minute``.
    """
    with app.state.sessions() as session:
        found = get_or_create_tenant(session=session, name=tenant)
        person = get_or_create_subject(
            session=session, tenant_id=found.id, name=subject or f"{role}-person"
        )
        issued = create_key(
            session=session,
            tenant_id=found.id,
            subject_id=person.id,
            name=f"{role} key",
            role=Role.parse(role),
            **quota,
        )
        session.commit()
    return issued
