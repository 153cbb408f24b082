"""``vimod keys create/list/revoke`` and ``vimod store purge`` on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import Result
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from typer.testing import CliRunner

from cli.main import app
from service.app import create_app
from service.config import Settings
from service.db import session_factory
from service.identity import verify_key
from service.store import save_predictions
from service.tables import StoredPrediction
from tests.apiclient import bearer

runner = CliRunner()
KEY_SHAPE = re.compile(r"^vmk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")


@pytest.fixture
def env(db: tuple[str, Engine], registry_dir: Path, tmp_path: Path) -> dict[str, str]:
    return {
        "VIMOD_DATABASE_URL": db[0],
        "VIMOD_REGISTRY_DIR": str(registry_dir),
        "VIMOD_SECRETS_DIR": str(tmp_path / "secrets"),
        "VIMOD_DATA_DIR": str(tmp_path),
    }


def _ok(result: Result) -> Result:
    assert result.exit_code == 0, result.output
    return result


def _create(env: dict[str, str], *args: str) -> tuple[str, str]:
    """Run ``keys create ARGS``; the printed key and its id."""
    result = _ok(runner.invoke(app, ["keys", "create", *args], env=env))
    match = KEY_SHAPE.match(result.stdout.strip())
    assert match is not None, result.stdout
    return result.stdout.strip(), match.group(1)


def _one_line_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_create_prints_the_key_once_and_it_works(
    env: dict[str, str], db: tuple[str, Engine], registry_dir: Path, tmp_path: Path
) -> None:
    args = ["--role", "moderator", "--name", "Lan's phone", "--subject", "Lan", "--tenant", "acme"]
    result = _ok(runner.invoke(app, ["keys", "create", *args], env=env))

    key = result.stdout.strip()
    match = KEY_SHAPE.match(key)
    assert match is not None and result.stdout == key + "\n", result.stdout
    assert result.output.count(key) == 1
    assert match.group(1) in result.stderr and "'acme'" in result.stderr
    settings = Settings(
        database_url=db[0], registry_dir=registry_dir, secrets_dir=tmp_path / "secrets"
    )
    with TestClient(create_app(settings, engine=db[1])) as client:
        listing = client.get("/v1/feedback", headers=bearer(key))
        record = client.post(
            "/v1/feedback", json={"text": "đồ ngu", "label": "OFFENSIVE"}, headers=bearer(key)
        )
        keys = client.get("/v1/keys", headers=bearer(key))
    assert listing.status_code == 200, listing.text
    assert record.status_code == 201, record.text
    assert record.json()["moderator_id"] == "Lan" and record.json()["key_id"] == match.group(1)
    assert record.json()["tenant_id"] != "default"
    assert keys.status_code == 403


def test_list_shows_every_key_and_no_secret(env: dict[str, str]) -> None:
    first, first_id = _create(env, "--role", "integrator", "--name", "crawler", "--system")
    second, second_id = _create(env, "--role", "admin", "--name", "Minh", "--tenant", "acme")

    as_json = _ok(runner.invoke(app, ["keys", "list", "--json"], env=env))
    table = _ok(runner.invoke(app, ["keys", "list"], env=env))
    acme = _ok(runner.invoke(app, ["keys", "list", "--json", "--tenant", "acme"], env=env))

    rows = {r["id"]: r for r in map(json.loads, as_json.stdout.splitlines())}
    assert set(rows) == {first_id, second_id}
    assert (rows[first_id]["role"], rows[first_id]["subject"], rows[first_id]["tenant"]) == (
        "integrator",
        "crawler",
        "default",
    )
    assert (rows[second_id]["role"], rows[second_id]["tenant"]) == ("admin", "acme")
    assert rows[first_id]["revoked_at"] is None and rows[first_id]["last_used_at"] is None
    for secret in (first.rsplit("_", 1)[1], second.rsplit("_", 1)[1]):
        assert secret not in as_json.output and secret not in table.output
    assert all("secret" not in field and field != "key" for r in rows.values() for field in r)
    assert [json.loads(line)["id"] for line in acme.stdout.splitlines()] == [second_id]


def test_revoke_refuses_the_key(env: dict[str, str], db: tuple[str, Engine]) -> None:
    key, key_id = _create(env, "--role", "trainer", "--name", "notebook")

    result = _ok(runner.invoke(app, ["keys", "revoke", key_id], env=env))

    assert result.stdout.strip() == f"revoked {key_id}"
    with session_factory(db[1])() as session:
        assert verify_key(session=session, raw=key) is None
    [row] = map(
        json.loads, _ok(runner.invoke(app, ["keys", "list", "--json"], env=env)).stdout.splitlines()
    )
    assert row["revoked_at"] is not None
    _one_line_error(runner.invoke(app, ["keys", "revoke", key_id], env=env), "Conflict", key_id)
    unknown = runner.invoke(app, ["keys", "revoke", "0123456789abcdef"], env=env)
    _one_line_error(unknown, "NotFound")


def test_an_unknown_role_is_a_one_line_error(env: dict[str, str], db: tuple[str, Engine]) -> None:
    result = runner.invoke(app, ["keys", "create", "--role", "superuser", "--name", "x"], env=env)

    _one_line_error(result, "unknown role 'superuser'", "moderator")
    listing = _ok(runner.invoke(app, ["keys", "list", "--json"], env=env))
    assert listing.stdout == ""


def test_store_purge_deletes_only_older_posts(env: dict[str, str], db: tuple[str, Engine]) -> None:
    sessions = session_factory(db[1])
    with sessions() as session:
        save_predictions(
            session=session,
            tenant_id="default",
            items=[("old", "bài cũ", {}), ("recent", "bài mới", {}), ("day-old", "hôm qua", {})],
        )
        for pid, age in (("old", timedelta(days=31)), ("day-old", timedelta(hours=25))):
            session.execute(
                update(StoredPrediction)
                .where(StoredPrediction.id == pid)
                .values(created_at=datetime.now(UTC) - age)
            )
        session.commit()

    month = _ok(runner.invoke(app, ["store", "purge", "--older-than", "30d"], env=env))
    day = _ok(runner.invoke(app, ["store", "purge", "--older-than", "24h"], env=env))

    assert month.stdout.startswith("deleted 1 stored posts created before ")
    assert day.stdout.startswith("deleted 1 stored posts created before ")
    with sessions() as session:
        assert list(session.scalars(select(StoredPrediction.id))) == ["recent"]
    bad = runner.invoke(app, ["store", "purge", "--older-than", "30 days"], env=env)
    _one_line_error(bad, "--older-than wants e.g. 30d or 12h")
    markup = runner.invoke(app, ["store", "purge", "--older-than", "[/]"], env=env)
    _one_line_error(markup, "got '[/]'")


def test_names_that_look_like_markup_are_printed_as_typed(env: dict[str, str]) -> None:
    created = _ok(
        runner.invoke(
            app,
            ["keys", "create", "--role", "integrator", "--name", "[b]x", "--subject", "a[/b]"],
            env=env,
        )
    )

    table = _ok(runner.invoke(app, ["keys", "list"], env=env))

    assert KEY_SHAPE.match(created.stdout.strip())
    assert "for 'a[/b]'" in created.stderr
    assert "[b]x" in table.stdout and "a[/b]" in table.stdout
