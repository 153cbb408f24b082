"""``GET /v1/models/changes``: every key reads why the served version changed."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from models.registry import Registry
from tests.apiclient import bearer, issue_key
from tests.deploy.harness import clone_active_version
from tests.service.service_checks import assert_error


def test_integrators_read_activations_and_rollbacks_made_through_the_api(
    api: TestClient, registry: Registry, registry_dir: Path, seed_versions: dict[str, str]
) -> None:
    trainer = issue_key(api.app, "trainer", subject="Trainer Name")  # type: ignore[arg-type]
    integrator = issue_key(api.app, "integrator")  # type: ignore[arg-type]
    as_trainer, as_integrator = bearer(trainer.secret), bearer(integrator.secret)
    new = clone_active_version(registry_dir, "toxicity", "e5e5")
    registry.update_metrics(seed_versions["toxicity"], "vihsd:test", {"macro_f1": 0.5})
    registry.update_metrics(new, "vihsd:test", {"macro_f1": 0.6})

    activated = api.post(
        f"/v1/models/{new}/activate",
        json={"force": True, "reason": "fewer missed slurs"},
        headers=as_trainer,
    )
    rolled = api.post(
        "/v1/models/rollback",
        params={"task": "toxicity"},
        json={"reason": "flags greetings"},
        headers=as_trainer,
    )
    listed = api.get("/v1/models/changes", headers=as_integrator)

    assert activated.status_code == rolled.status_code == listed.status_code == 200
    back, forward = listed.json()["changes"][:2]  # then the seed registry's own activation
    assert (forward["version"], forward["reason"]) == (new, "fewer missed slurs")
    assert forward["by"] == trainer.record.subject_id != "Trainer Name"  # an id, not a name
    assert forward["metrics_delta"] == {"vihsd:test": {"macro_f1": 0.1}}
    assert (back["action"], back["version"], back["reason"]) == (
        "rollback",
        seed_versions["toxicity"],
        "flags greetings",
    )
    only_one = api.get(
        "/v1/models/changes",
        params={"task": "toxicity", "limit": 1, "since": forward["at"]},
        headers=as_integrator,
    )
    assert [c["action"] for c in only_one.json()["changes"]] == ["rollback"]
    other = api.get("/v1/models/changes", params={"task": "misinformation"}, headers=as_integrator)
    assert {c["task"] for c in other.json()["changes"]} <= {"misinformation"}
    assert new not in other.text


def test_bad_filters_are_422(api: TestClient) -> None:
    assert_error(api.get("/v1/models/changes", params={"task": "spam"}), 422, "Validation")
    assert_error(api.get("/v1/models/changes", params={"limit": 0}), 422, "Validation")
    assert_error(api.get("/v1/models/changes", params={"since": "yesterday"}), 422, "Validation")
