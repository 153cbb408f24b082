"""The moderation loop end to end on the seed corpus: train, collect feedback, retrain.

``seed:toxicity`` is split 70/30 by a hash of the normalised text. v1 trains on the 70 %;
two moderators post the 30 % through ``POST /v1/feedback`` (10 % of posts by both; the
second mislabels 10 % of hers at random); ``vimod retrain`` makes v2. A third subject then
posts HATE↔CLEAN flips of posts nobody else labelled and ``vimod retrain`` makes v3: the
third subject must be flagged and left out. The poison and noise rates and the recipe's
quality rule were fixed before this test was first run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from cli.main import app
from models.registry import Registry
from models.tasks import TOXICITY
from service.config import Settings
from service.db import make_engine, session_factory, upgrade_database
from service.identity import Role, create_key, get_or_create_subject
from service.tables import DEFAULT_TENANT
from tests.apiclient import bearer, serve
from training.datasets import DataContext, Example, load_dataset
from training.label_quality import text_key

runner = CliRunner()

BASE_SHARE = 70  # percent of the seed corpus v1 trains on
DOUBLE_REVIEW = 0.10  # share of posted texts labelled by both moderators
MISLABEL = 0.10  # share of the second moderator's labels replaced by another label
POISON = 100  # HATE<->CLEAN flips posted by the third subject (50 each way)
FLIP = {"HATE": "CLEAN", "CLEAN": "HATE"}


def _in_base(example: Example) -> bool:
    digest = hashlib.sha256(text_key(example.text).encode()).hexdigest()
    return int(digest[:8], 16) % 100 < BASE_SHARE


def _write_csv(path: Path, examples: list[Example]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "label"])
        writer.writerows((e.text, e.label) for e in examples)


def _keys(engine: Engine, names: list[str]) -> dict[str, str]:
    """A moderator key for each named subject of the default tenant."""
    keys = {}
    with session_factory(engine)() as session:
        for name in names:
            subject = get_or_create_subject(session=session, tenant_id=DEFAULT_TENANT, name=name)
            issued = create_key(
                session=session,
                tenant_id=DEFAULT_TENANT,
                subject_id=subject.id,
                name=f"{name}'s key",
                role=Role.moderator,
                requests_per_minute=100_000,
            )
            keys[name] = issued.secret
        session.commit()
    return keys


def _retrain(env: dict[str, str], recipe: Path, *extra: str) -> tuple[str, str]:
    args = ["retrain", "--task", "toxicity", "--recipe", str(recipe), *extra]
    out = runner.invoke(app, args, env=env)
    assert out.exit_code == 0, out.output
    return out.output.strip().splitlines()[-1], out.output


@pytest.mark.slow
def test_loop_flags_and_leaves_out_a_poisoner(sqlite_settings: Settings, tmp_path: Path) -> None:
    settings = sqlite_settings
    engine = make_engine(settings.database_url)
    upgrade_database(settings.database_url, engine)
    seed = load_dataset("seed:toxicity", DataContext(TOXICITY, tmp_path))
    base = [e for e in seed if _in_base(e)]
    posts = [e for e in seed if not _in_base(e)]
    _write_csv(tmp_path / "base.csv", base)
    recipe = tmp_path / "loop.toml"
    recipe.write_text(
        f'task = "toxicity"\ndatasets = ["csv:{tmp_path / "base.csv"}"]\n'
        "[feedback]\nholdout_share = 0.2\n",
        "utf-8",
    )
    env = {
        "VIMOD_REGISTRY_DIR": str(settings.registry_dir),
        "VIMOD_DATABASE_URL": settings.database_url,
        "VIMOD_DATA_DIR": str(tmp_path),
    }
    reg = Registry(settings.registry_dir)
    v1, _ = _retrain(env, recipe)  # empty store: the recipe's data only
    assert reg.manifest(v1).training["feedback"]["records"] == 0
    force = ["--force", "--reason", "loop test: the recipe's benchmark data is not here"]
    assert runner.invoke(app, ["models", "activate", v1, *force], env=env).exit_code == 0

    rng = random.Random(0)
    with serve(settings, engine=engine) as client:  # the first start writes the admin key
        keys = _keys(engine, ["lan", "minh", "mallory"])

        def post(who: str, text: str, label: str) -> None:
            body = {"task": "toxicity", "label": label, "text": text}
            reply = client.post("/v1/feedback", json=body, headers=bearer(keys[who]))
            assert reply.status_code == 201, reply.text

        double = 0
        for i, example in enumerate(posts):
            first = "lan" if i % 2 == 0 else "minh"
            both = rng.random() < DOUBLE_REVIEW
            double += both
            for who in ["lan", "minh"] if both else [first]:
                label = example.label
                if who == "minh" and rng.random() < MISLABEL:
                    label = rng.choice([x for x in TOXICITY.labels if x != label])
                post(who, example.text, label)

        v2, output = _retrain(env, recipe)
        facts = reg.manifest(v2).training["feedback"]
        assert facts["records"] == len(posts) + double
        assert facts["texts"] == len({text_key(e.text) for e in posts})
        assert facts["conflicts"] > 0 and facts["holdout"] > 0
        assert facts["excluded_records"] == {}
        assert "feedback-holdout" in reg.manifest(v2).metrics
        assert "lan" in output and "conflicts" in output
        assert runner.invoke(app, ["models", "activate", v2, *force], env=env).exit_code == 0

        # The third subject flips labels of posts v1 trained on, which nobody else labelled.
        hate = [e for e in base if e.label == "HATE"]
        clean = [e for e in base if e.label == "CLEAN"]
        for example in rng.sample(hate, POISON // 2) + rng.sample(clean, POISON // 2):
            post("mallory", example.text, FLIP[example.label])

    v3, output = _retrain(env, recipe)
    manifest = reg.manifest(v3)
    quality = {q["name"]: q for q in manifest.training["label_quality"]}
    assert quality["mallory"]["flagged"], quality
    assert not quality["lan"]["flagged"] and not quality["minh"]["flagged"], quality
    assert manifest.training["feedback"]["excluded_records"] == {"mallory": POISON}
    assert manifest.training["feedback"]["base_relabelled"] == 0
    assert "mallory" in output

    out = runner.invoke(app, ["subjects", "quality", "--task", "toxicity", "--json"], env=env)
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
    assert [r["name"] for r in rows if r["flagged"]] == ["mallory"]

    # An admin's approval puts the labels written so far back into training.
    out = runner.invoke(app, ["subjects", "approve", "mallory"], env=env)
    assert out.exit_code == 0, out.output
    active = reg.active_version("toxicity")
    args = ["retrain", "--task", "toxicity", "--recipe", str(recipe), "--promote"]
    out = runner.invoke(app, args, env=env)
    v4 = max(m.version for m in reg.versions("toxicity"))
    gated = reg.gate_record(v4)  # the recipe has no benchmark: gated on the holdout alone
    assert gated is not None and gated["against"] == active, out.output
    assert (out.exit_code == 0) == gated["passed"], out.output
    assert reg.active_version("toxicity") == (v4 if gated["passed"] else active)
    facts = reg.manifest(v4).training["feedback"]
    assert facts["excluded_records"] == {} and facts["base_relabelled"] >= POISON
    engine.dispose()


def test_retrain_refuses_a_recipe_of_another_task(tmp_path: Path) -> None:
    env = {"VIMOD_DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}", "VIMOD_DATA_DIR": "."}
    args = ["retrain", "--task", "misinformation", "--recipe", "toxicity"]
    out = runner.invoke(app, args, env=env)
    assert out.exit_code == 1 and "recipe is for task 'toxicity'" in out.output
    out = runner.invoke(app, ["retrain", "--task", "toxicity", "--recipe", "nope"], env=env)
    assert out.exit_code == 1 and "no recipe 'nope'" in out.output
