"""Every route × every kind of caller → the expected status (``service/auth.py``).

The table below names each route's least role; a route the app serves without a row here (or
a row for a route that is gone) fails ``test_every_route_has_a_row``, so a new endpoint cannot
ship without deciding who may call it. Each row carries a valid minimal request, so an allowed
caller gets the route's success status rather than a 4xx that would hide a missing check.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from models.registry import Registry
from service.app import create_app
from service.config import Settings
from service.identity import Role, get_or_create_subject, get_or_create_tenant, revoke_key
from service.review import queue
from service.review.schemas import DecisionIn
from service.tables import DEFAULT_TENANT
from tests.apiclient import admin_key, issue_key
from tests.service import reviewkit
from tests.service.conftest import LIMITS
from tests.service.service_checks import assert_error


@dataclass(frozen=True)
class Row:
    """A route's least role (``None``: open to anyone) and a request it answers with ``ok``."""

    least: Role | None
    ok: int = 200
    json: dict[str, Any] | None = None
    params: dict[str, str] = field(default_factory=dict)
    path_params: Callable[[FastAPI], dict[str, str]] | None = None
    make_json: Callable[[FastAPI], dict[str, Any]] | None = None
    # The error shape the route answers in: vimod's, or a drop-in's ("openai", "google").
    dialect: str = "vimod"
    # Whether the route also takes the key as ``?key=`` (Perspective's way).
    query_key: bool = False


def _fresh_key(app: FastAPI) -> dict[str, str]:
    """A key that exists, so that every allowed DELETE has something to revoke."""
    return {"key_id": issue_key(app, "integrator", subject="to-revoke").record.id}


def _subject(app: FastAPI) -> dict[str, str]:
    with app.state.sessions() as session:
        tenant = get_or_create_tenant(session=session, name=DEFAULT_TENANT)
        person = get_or_create_subject(session=session, tenant_id=tenant.id, name="to-trust")
        session.commit()
        return {"subject_id": person.id}


def _decided_item(app: FastAPI) -> dict[str, str]:
    """A queue item another moderator decided: appealable, and its slot is no one's to hold."""
    settings = app.state.settings.model_copy(update={"review_double_share": 0.0})
    sessions = app.state.sessions
    helper = reviewkit.principal(sessions, "matrix-helper")
    [pid] = reviewkit.store_posts(
        sessions, settings, helper.tenant_id, [("bài kiểm tra", reviewkit.toxicity(0.5))]
    )
    with sessions() as session:
        slots = queue.claim(session=session, principal=helper, settings=settings, count=10)
    [mine] = [s for s in slots if s.prediction_id == pid]
    decision = DecisionIn(labels={"toxicity": "CLEAN"}, action="approve")
    with sessions() as session:
        queue.decide(
            session=session,
            principal=helper,
            settings=settings,
            slot_id=mine.slot_id,
            decision=decision,
        )
        for other in slots:
            if other is not mine:
                queue.release(session=session, principal=helper, slot_id=other.slot_id)
    return {"slot_id": mine.slot_id, "item_id": mine.item_id}


def _decided_bulk(app: FastAPI) -> dict[str, Any]:
    slot = _decided_item(app)["slot_id"]
    return {"decisions": [{"slot_id": slot, "labels": {"toxicity": "HATE"}, "action": "remove"}]}


def _stored_post(app: FastAPI) -> dict[str, Any]:
    settings, sessions = app.state.settings, app.state.sessions
    with sessions() as session:
        tenant = get_or_create_tenant(session=session, name=DEFAULT_TENANT).id
    [pid] = reviewkit.store_posts(
        sessions, settings, tenant, [("một bài", reviewkit.toxicity(0.01))]
    )
    return {"prediction_id": pid}


_DECISION = {"labels": {"toxicity": "HATE"}, "action": "remove"}


def _active_toxicity(app: FastAPI) -> dict[str, str]:
    version = app.state.runtime.registry.active_version("toxicity")
    assert version is not None
    return {"version": version}


ROUTES: dict[tuple[str, str], Row] = {
    ("GET", "/healthz"): Row(None),
    ("GET", "/readyz"): Row(None),
    ("GET", "/openapi.json"): Row(None),
    ("GET", "/docs"): Row(None),
    ("POST", "/v1/classify"): Row(
        Role.integrator, json={"text": "xin chào cả nhà", "tasks": ["toxicity"]}
    ),
    ("GET", "/v1/info"): Row(Role.integrator),
    ("POST", "/v1/feedback"): Row(Role.moderator, 201, json={"text": "đồ ngu", "label": "HATE"}),
    ("GET", "/v1/feedback"): Row(Role.moderator),
    ("GET", "/v1/models"): Row(Role.trainer),
    ("POST", "/v1/models/reload"): Row(Role.trainer),
    ("POST", "/v1/models/{version}/activate"): Row(Role.trainer, path_params=_active_toxicity),
    ("POST", "/v1/models/rollback"): Row(Role.trainer, params={"task": "toxicity"}),
    ("GET", "/v1/models/changes"): Row(Role.integrator),
    ("GET", "/metrics"): Row(Role.trainer),
    ("POST", "/v1/keys"): Row(
        Role.admin, 201, json={"name": "made", "role": "integrator", "subject": "made-for"}
    ),
    ("GET", "/v1/keys"): Row(Role.admin),
    ("DELETE", "/v1/keys/{key_id}"): Row(Role.admin, path_params=_fresh_key),
    ("GET", "/v1/subjects"): Row(Role.admin),
    ("PATCH", "/v1/subjects/{subject_id}"): Row(
        Role.admin, json={"trusted": True}, path_params=_subject
    ),
    ("GET", "/v1/audit"): Row(Role.admin),
    ("POST", "/v1/erasures"): Row(Role.admin, json={"text": "một bài không có ở đây"}),
    ("POST", "/v1/review/claim"): Row(Role.moderator, json={"count": 1}),
    # An allowed caller gets past authorisation to the slot's state: decided by someone else.
    ("POST", "/v1/review/slots/{slot_id}/release"): Row(
        Role.moderator, 409, path_params=_decided_item
    ),
    ("POST", "/v1/review/slots/{slot_id}/skip"): Row(
        Role.moderator, 409, path_params=_decided_item
    ),
    ("POST", "/v1/review/slots/{slot_id}/decision"): Row(
        Role.moderator, 409, json=_DECISION, path_params=_decided_item
    ),
    ("POST", "/v1/review/decisions/bulk"): Row(Role.moderator, 409, make_json=_decided_bulk),
    ("GET", "/v1/review/history"): Row(Role.moderator),
    ("GET", "/v1/review/stats"): Row(Role.moderator),
    ("GET", "/v1/review/settings"): Row(Role.moderator),
    ("PUT", "/v1/review/settings"): Row(Role.moderator, json={"blur": False}),
    ("POST", "/v1/review/reports"): Row(Role.integrator, 201, make_json=_stored_post),
    ("POST", "/v1/review/items/{item_id}/appeal"): Row(Role.integrator, path_params=_decided_item),
    ("GET", "/v1/review/decisions"): Row(Role.integrator),
    ("POST", "/v1/moderations"): Row(
        Role.integrator, json={"input": ["xin chào cả nhà"]}, dialect="openai"
    ),
    ("POST", "/v1alpha1/comments:analyze"): Row(
        Role.integrator,
        json={"comment": {"text": "xin chào cả nhà"}, "requestedAttributes": {"TOXICITY": {}}},
        dialect="google",
        query_key=True,
    ),
}

STYLES = {
    "bearer": lambda key: {"Authorization": f"Bearer {key}"},
    "x-api-key": lambda key: {"X-API-Key": key},
}
MALFORMED = "vmk_not-a-key"


def _served(app: FastAPI) -> set[tuple[str, str]]:
    """Every API route; the web UI (``/ui``) signs in with a session cookie, not a key, and
    has its own table of who may see what in ``tests/ui/test_access.py``."""
    return {
        (method, str(route.path))
        for route in iter_route_contexts(app.routes)
        for method in (route.methods or ())
        if method != "HEAD" and not str(route.path).startswith("/ui")
    }


def _registry_with_rollback(seed_registry: Path, target: Path) -> Path:
    """A copy of the seed registry whose toxicity history can be rolled back many times.

    A second toxicity version (a copy of the active one under another id) is activated in
    turn with the first, so the activation history is a long chain of alternating versions
    and every rollback the matrix makes steps back one of them.
    """
    shutil.copytree(seed_registry, target)
    registry = Registry(target)
    first = registry.active_version("toxicity")
    assert first is not None
    second = "20200101-000000-baseline-beef"
    shutil.copytree(registry.path(first), target / "toxicity" / second)
    manifest = json.loads((target / "toxicity" / second / "manifest.json").read_text("utf-8"))
    manifest["version"] = second
    (target / "toxicity" / second / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    for _ in range(20):
        registry.activate(second)
        registry.activate(first)
    return target


def _settings(folder: Path, seed_registry: Path, **overrides: Any) -> Settings:
    return Settings(
        database_url=f"sqlite:///{folder / 'matrix.db'}",
        registry_dir=_registry_with_rollback(seed_registry, folder / "registry"),
        secrets_dir=folder / "secrets",
        **{**LIMITS, **overrides},
    )


def _call(
    client: TestClient,
    method: str,
    path: str,
    row: Row,
    headers: dict[str, str],
    query: dict[str, str] | None = None,
) -> Any:
    if row.path_params is not None:
        path = path.format(**row.path_params(client.app))  # type: ignore[arg-type]
    body = row.json if row.make_json is None else row.make_json(client.app)  # type: ignore[arg-type]
    params = {**row.params, **(query or {})}
    return client.request(method, path, json=body, params=params, headers=headers)


@dataclass
class Callers:
    """The raw key of each kind of caller (``None``: sends no key)."""

    keys: dict[str, str | None]
    roles: dict[str, Role | None]


@pytest.fixture(scope="module")
def matrix(
    seed_registry: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, Callers]]:
    """One app (SQLite) with a key of every role, a revoked key and the bootstrap admin key."""
    settings = _settings(tmp_path_factory.mktemp("auth-matrix"), seed_registry)
    with TestClient(create_app(settings)) as client:
        app: FastAPI = client.app  # type: ignore[assignment]
        revoked = issue_key(app, "admin", subject="gone")
        with app.state.sessions() as session:
            revoke_key(session=session, key_id=revoked.record.id)
            session.commit()
        keys: dict[str, str | None] = {
            "no key": None,
            "malformed key": MALFORMED,
            "revoked key": revoked.secret,
            **{r.name: issue_key(app, r.name).secret for r in Role if r is not Role.admin},
            "admin": admin_key(settings),
        }
        roles = {name: (Role[name] if name in Role.__members__ else None) for name in keys}
        yield client, Callers(keys, roles)


def test_every_route_has_a_row(matrix: tuple[TestClient, Callers]) -> None:
    client, _ = matrix
    served = _served(client.app)  # type: ignore[arg-type]

    assert served - set(ROUTES) == set(), "routes without an expected role in ROUTES"
    assert set(ROUTES) - served == set(), "rows for routes the app no longer serves"


# A drop-in route's error, by vimod error_type: the dialect's field and its value.
DIALECT_ERRORS = {
    "openai": (
        "code",
        {"Unauthorized": "invalid_api_key", "Forbidden": "insufficient_permissions"},
    ),
    "google": ("status", {"Unauthorized": "UNAUTHENTICATED", "Forbidden": "PERMISSION_DENIED"}),
}


def _problem(
    response: httpx.Response, expected: int, error_type: str | None, dialect: str = "vimod"
) -> str | None:
    """What is wrong with ``response`` (``None``: it is what the matrix expects)."""
    if response.status_code != expected:
        return f"{response.status_code} (wanted {expected}): {response.text[:200]}"
    if error_type is None:
        return None
    if dialect in DIALECT_ERRORS:
        name, values = DIALECT_ERRORS[dialect]
        error = response.json().get("error")
        if not isinstance(error, dict) or error.get(name) != values[error_type]:
            return f"not the {dialect} error shape: {response.text[:200]}"
    else:
        try:
            assert_error(response, expected, error_type)
        except AssertionError as exc:
            return f"not the one error shape: {exc}"
    if expected == 401 and "bearer" not in response.headers.get("WWW-Authenticate", "").lower():
        return "401 without a WWW-Authenticate: Bearer challenge"
    return None


@pytest.mark.parametrize(("method", "path"), list(ROUTES), ids=[" ".join(k) for k in ROUTES])
def test_auth_matrix(matrix: tuple[TestClient, Callers], method: str, path: str) -> None:
    client, callers = matrix
    row = ROUTES[(method, path)]
    problems = []
    for caller, key in callers.keys.items():
        role = callers.roles[caller]
        if row.least is None or (role is not None and role >= row.least):
            expected, error_type = row.ok, None
        elif role is None:
            expected, error_type = 401, "Unauthorized"
        else:
            expected, error_type = 403, "Forbidden"
        styles = {"none": {}} if key is None else {s: h(key) for s, h in STYLES.items()}
        queries: dict[str, dict[str, str] | None] = {s: None for s in styles}
        if row.query_key and key is not None:
            styles["?key="] = {}
            queries["?key="] = {"key": key}
        for style, headers in styles.items():
            response = _call(client, method, path, row, headers, queries[style])
            problem = _problem(response, expected, error_type, row.dialect)
            if problem:
                problems.append(f"{caller} via {style}: {problem}")

    assert problems == []


def test_auth_disabled_needs_no_key(
    seed_registry: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _settings(tmp_path, seed_registry, auth_disabled=True)
    with TestClient(create_app(settings)) as client:
        outcomes = {
            f"{method} {path}": _call(client, method, path, row, {}).status_code
            for (method, path), row in ROUTES.items()
        }

    assert outcomes == {f"{m} {p}": row.ok for (m, p), row in ROUTES.items()}
    assert not (settings.secrets_dir / "admin.key").exists(), "no admin key without auth"
    assert "AUTHENTICATION IS DISABLED" in caplog.text


def test_metrics_public_opens_metrics_and_nothing_else(seed_registry: Path, tmp_path: Path) -> None:
    settings = _settings(tmp_path, seed_registry, metrics_public=True)
    with TestClient(create_app(settings)) as client:
        metrics = client.get("/metrics")
        info = client.get("/v1/info")

    assert metrics.status_code == 200, metrics.text
    assert "vimod_requests_total" in metrics.text
    assert_error(info, 401, "Unauthorized")
