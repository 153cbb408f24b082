"""Property-based run of every documented operation with schemathesis, on SQLite and PostgreSQL.

Each operation gets schemathesis's explicit examples, its coverage cases (boundary values such
as ``offset=9223372036854775808`` or a date at the edge of the calendar) and a bounded,
derandomized set of fuzzed schema-valid and schema-invalid requests. The app must never answer
5xx, every response must match the documented status codes, content types, headers and
schemas, and every schema-invalid request must be refused: ``docs/openapi.json`` is a contract
a client can trust.

Every request carries an admin key made for the run (with quotas high enough for the run);
requests without a key are the auth matrix's job (``tests/service/test_auth_matrix.py``).

One check stays off, for a reason the schema cannot fix:

* ``positive_data_acceptance``: some rules span fields and cannot be said in OpenAPI (a
  metadata list as long as ``texts``; threshold labels of the requested tasks; a ``label``
  query of the ``task`` query), and limits are settings (``GET /v1/info``), not constants.

The schema is the one the app serves at ``/openapi.json`` (``app.openapi()``), built without
starting the app: ``from_asgi`` would start a default app (registry, database) just to read
it, and ``schemathesis.pytest.from_fixture`` fails on pytest 9 (schemathesis 4.32).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from sqlalchemy import Engine

from service.app import create_app
from service.config import Settings
from service.db import session_factory
from service.identity import Role, create_key, get_or_create_subject, get_or_create_tenant
from tests.apiclient import bearer

log = logging.getLogger(__name__)

# Fuzzed cases per operation and mode, on top of the examples and coverage cases: enough to
# reach every parameter while a backend's run stays well under a minute on two shared cores.
MAX_EXAMPLES = 25

CONFIG = schemathesis.Config.from_dict(
    {
        # Derandomized with a fixed seed: a failure reproduces on every machine.
        "seed": 20240501,
        # A slow shared runner is not a defect of the app.
        "suppress-health-check": ["all"],
        "generation": {
            "mode": "all",
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            # No example database: a stored failure must not change what the next run tries.
            "database": "none",
        },
        # Operations are independent (no links), so the stateful phase has nothing to follow.
        "phases": {"stateful": {"enabled": False}},
        # A schema-invalid body can also be refused for its size: 413 is a rejection too
        # (the body limit is a setting, so the schema cannot say it).
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [
                    "400",
                    "401",
                    "403",
                    "404",
                    "405",
                    "406",
                    "409",
                    "413",
                    "415",
                    "422",
                    "428",
                    "429",
                    "5xx",
                ]
            }
        },
    }
)

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.negative_data_rejection,
    schemathesis.checks.missing_required_header,
    schemathesis.checks.unsupported_method,
    schemathesis.checks.allow_header_conformance,
]

schema = schemathesis.openapi.from_dict(create_app(Settings()).openapi(), config=CONFIG)

# Cases sent per backend, over all operations; logged when the module finishes.
SENT: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_cases() -> Iterator[None]:
    yield
    for backend, count in sorted(SENT.items()):
        log.info("schemathesis: %d cases against %s", count, backend)


@pytest.fixture
def auth_headers(db: tuple[str, Engine]) -> dict[str, str]:
    """An admin key in the store under test, unmetered for the length of the run."""
    with session_factory(db[1])() as session:
        tenant = get_or_create_tenant(session=session, name="default")
        subject = get_or_create_subject(session=session, tenant_id=tenant.id, name="fuzzer")
        issued = create_key(
            session=session,
            tenant_id=tenant.id,
            subject_id=subject.id,
            name="schemathesis",
            role=Role.admin,
            requests_per_minute=10_000_000,
            chars_per_minute=2_000_000_000,
        )
        session.commit()
    return bearer(issued.secret)


@pytest.fixture
def app(settings: Settings, db: tuple[str, Engine]) -> FastAPI:
    """The app on the store under test; schemathesis starts it and its plugin stops it."""
    return create_app(settings, engine=db[1])


@schema.parametrize()
def test_operation_keeps_its_contract(
    case: schemathesis.Case, app: FastAPI, db: tuple[str, Engine], auth_headers: dict[str, str]
) -> None:
    SENT[db[1].dialect.name] += 1
    case.call_and_validate(app=app, headers=auth_headers, checks=CHECKS)
