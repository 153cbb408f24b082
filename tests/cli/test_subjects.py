"""``vimod subjects quality`` / ``approve`` and the store reads behind ``vimod retrain``.

On both store backends: labels are written with ``record_feedback`` (what the API calls),
scored by the active seed model, and one subject contradicting it on every post is flagged
until an admin approves it.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, select
from typer.testing import CliRunner

from cli.main import app
from cli.retrain_cmd import read_labels
from models.tasks import TOXICITY
from service.config import Settings
from service.db import session_factory
from service.identity import Principal, Role, get_or_create_subject
from service.store import record_feedback
from service.tables import DEFAULT_TENANT, AuditEvent, Subject
from training.datasets import DataContext, load_dataset

runner = CliRunner()
WRONG = {"CLEAN": "HATE", "OFFENSIVE": "CLEAN", "HATE": "CLEAN"}


def _write_labels(engine: Engine, tmp_path: Path) -> None:
    seed = load_dataset("seed:toxicity", DataContext(TOXICITY, tmp_path))[::20]  # 100 posts
    with session_factory(engine)() as session:
        for name in ("an", "binh", "poison"):
            subject = get_or_create_subject(session=session, tenant_id=DEFAULT_TENANT, name=name)
            session.commit()
            author = Principal(f"k-{name}", DEFAULT_TENANT, subject.id, name, Role.moderator)
            for i, example in enumerate(seed[:60] if name != "poison" else seed[60:]):
                if (name == "an" and i % 2) or (name == "binh" and not i % 2 and i > 10):
                    continue  # an: even posts; binh: odd ones and the first few with an
                label = WRONG[example.label] if name == "poison" else example.label
                record_feedback(
                    session=session, author=author, task="toxicity", label=label, text=example.text
                )


def test_quality_flags_until_approved(
    settings: Settings, db: tuple[str, Engine], tmp_path: Path
) -> None:
    _write_labels(db[1], tmp_path)
    env = {
        "VIMOD_REGISTRY_DIR": str(settings.registry_dir),
        "VIMOD_DATABASE_URL": settings.database_url,
        "VIMOD_DATA_DIR": str(tmp_path),
    }
    records, subjects = read_labels(settings, "toxicity")
    assert len(records) == 30 + 36 + 40
    assert {s.name for s in subjects} >= {"an", "binh", "poison"}
    assert read_labels(settings, "misinformation")[0] == []

    out = runner.invoke(app, ["subjects", "quality", "--task", "toxicity", "--json"], env=env)
    assert out.exit_code == 0, out.output
    rows = {r["name"]: r for r in map(json.loads, out.output.splitlines()) if "name" in r}
    assert rows["an"]["partner"]["n"] == 6 and rows["an"]["partner"]["disagree"] == 0
    assert [n for n, r in rows.items() if r["flagged"]] == ["poison"]
    assert rows["poison"]["model"]["rate"] > 0.9

    table = runner.invoke(app, ["subjects", "quality", "--task", "toxicity"], env=env)
    assert table.exit_code == 0 and "poison" in table.output and "40" in table.output

    out = runner.invoke(app, ["subjects", "approve", "poison"], env=env)
    assert out.exit_code == 0, out.output
    with session_factory(db[1])() as session:
        row = session.scalars(select(Subject).where(Subject.name == "poison")).one()
        assert row.labels_approved_at is not None
        event = session.scalars(select(AuditEvent).where(AuditEvent.target == row.id)).one()
        assert event.action == "subject.approve_labels"
    approved = {s.name: s.labels_approved_at for s in read_labels(settings, "toxicity")[1]}
    assert approved["poison"] is not None and approved["an"] is None

    out = runner.invoke(app, ["subjects", "approve", "nobody"], env=env)
    assert out.exit_code == 1 and "no subject" in out.output
    out = runner.invoke(app, ["subjects", "approve", "poison", "--tenant", "nope"], env=env)
    assert out.exit_code == 1 and "no tenant" in out.output
