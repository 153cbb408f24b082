"""``GET /v1/models``, ``POST /v1/models/reload``, gated activation and ``GET /v1/info``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.baseline_io import MODEL_FILE
from models.registry import Manifest, Registry
from models.tasks import TOXICITY
from tests.broken_model import break_predict
from tests.service.service_checks import assert_error
from training.datasets import DataContext, Example, load_dataset
from training.gate import gate
from training.train import TrainJob, run_training

EXAMPLES = [
    Example(text, label, "test")
    for text, label in [
        ("cảm ơn bạn nhiều", "CLEAN"),
        ("bài viết hay quá", "CLEAN"),
        ("đồ ngu như bò", "OFFENSIVE"),
        ("câm mồm đi thằng ngu", "OFFENSIVE"),
        ("lũ súc vật cút khỏi đây", "HATE"),
        ("bọn chúng là lũ súc vật", "HATE"),
    ]
]


def _train(registry: Registry, *, activate: bool) -> Manifest:
    job = TrainJob(task=TOXICITY, train=EXAMPLES, config={"min_df": 1}, show_progress=False)
    return run_training("baseline", job, registry, datasets=["test"], activate=activate)


def _models(client: TestClient) -> dict[str, dict[str, Any]]:
    response = client.get("/v1/models")
    assert response.status_code == 200, response.text
    return {m["version"]: m for m in response.json()["models"]}


def _serving(client: TestClient, task: str = "toxicity") -> str:
    response = client.post("/v1/classify", json={"text": "đồ ngu", "tasks": [task]})
    assert response.status_code == 200, response.text
    version: str = response.json()["results"][0]["categories"][task]["model_version"]
    return version


def test_models_lists_every_task_version(
    shared_api: TestClient, seed_versions: dict[str, str]
) -> None:
    models = _models(shared_api)
    spans = {v: e for v, e in models.items() if e["task"] == "spans"}
    # the embedded default span model (served inside toxicity's explain) is listed too
    assert [e["kind"] for e in spans.values()] == ["span_crf"]
    assert all(e["active"] and e["loaded"] for e in spans.values())

    assert set(models) - set(spans) == set(seed_versions.values())
    for task, version in seed_versions.items():
        entry = models[version]
        assert entry["task"] == task
        assert entry["kind"] == "baseline"
        assert tuple(entry["labels"]) == (
            TOXICITY.labels if task == "toxicity" else ("RELIABLE", "UNRELIABLE")
        )
        assert entry["data_fingerprint"].startswith("sha256:")
        assert (entry["active"], entry["loaded"]) == (True, True)


def test_reload_serves_a_newly_activated_version(
    api: TestClient, registry: Registry, seed_versions: dict[str, str]
) -> None:
    fresh = _train(registry, activate=False)
    listed = _models(api)
    assert (listed[fresh.version]["active"], listed[fresh.version]["loaded"]) == (False, False)
    assert listed[fresh.version]["created_at"] == fresh.created_at

    registry.activate(fresh.version)
    assert _serving(api) == seed_versions["toxicity"]  # nothing changes until a reload

    response = api.post("/v1/models/reload")

    assert response.status_code == 200, response.text
    assert response.json() == {
        "serving": {"toxicity": fresh.version, "misinformation": seed_versions["misinformation"]}
    }
    assert _serving(api) == fresh.version
    assert _serving(api, "misinformation") == seed_versions["misinformation"]
    listed = _models(api)
    assert (listed[fresh.version]["active"], listed[fresh.version]["loaded"]) == (True, True)
    old = listed[seed_versions["toxicity"]]
    assert (old["active"], old["loaded"]) == (False, False)
    assert api.get("/v1/info").json()["tasks"]["toxicity"] == fresh.version
    metrics = api.get("/metrics").text
    assert (
        f'vimod_model_info{{kind="baseline",task="toxicity",version="{fresh.version}"}} 1.0'
        in metrics
    )
    assert seed_versions["toxicity"] not in metrics  # the old version is no longer reported


def _corrupt_manifest(directory: Path) -> None:
    (directory / "manifest.json").write_text("{ not json", encoding="utf-8")


def _corrupt_model_file(directory: Path) -> None:
    (directory / MODEL_FILE).write_bytes(b"\x00garbage")


@pytest.mark.parametrize(
    ("corrupt", "fragment"),
    [
        (_corrupt_manifest, "unreadable manifest.json"),
        (_corrupt_model_file, "cannot load baseline model"),
        (break_predict, "smoke prediction failed: AttributeError"),  # loads, cannot predict
        (None, "not found"),  # ACTIVE names a version that does not exist
    ],
    ids=["manifest", "model-file", "predict", "missing"],
)
def test_broken_active_version_is_409_and_the_old_one_keeps_serving(
    api: TestClient,
    registry: Registry,
    registry_dir: Path,
    seed_versions: dict[str, str],
    corrupt: Any,
    fragment: str,
) -> None:
    if corrupt is None:
        version = "20990101-000000-baseline-dead"
    else:
        version = _train(registry, activate=False).version
        corrupt(registry.path(version))
    (registry_dir / "toxicity" / "ACTIVE").write_text(version + "\n", encoding="utf-8")

    response = api.post("/v1/models/reload")

    assert_error(response, 409, "Registry", "toxicity:", version, fragment)
    assert _serving(api) == seed_versions["toxicity"]
    ready = api.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["models"] == seed_versions
    old = _models(api)[seed_versions["toxicity"]]
    assert (old["active"], old["loaded"]) == (False, True)  # serving, though no longer active

    registry.activate(seed_versions["toxicity"])
    assert api.post("/v1/models/reload").json()["serving"] == seed_versions  # and it recovers


def test_info_echoes_every_limit(shared_api: TestClient, seed_versions: dict[str, str]) -> None:
    response = shared_api.get("/v1/info")

    assert response.status_code == 200
    assert response.json() == {
        "api_version": "v1",
        "tasks": seed_versions,
        "limits": {
            "max_client_batch_size": 8,
            "max_input_chars": 500,
            "payload_limit": 20_000,
            "max_page_size": 5,
            "batch_max_size": 64,
            "batch_max_chars": 8_000,
            "batch_max_wait_ms": 0.0,
            "max_queue_chars": 24_000_000,
            "max_queue_chars_per_key": 6_000_000,
            "inference_threads": 1,
            "gil_switch_interval_ms": 1.0,
            "key_cache_seconds": 30.0,
            "key_cache_stale_seconds": 600.0,
            "review_margin": 0.15,
            "review_double_share": 0.1,
            "review_lease_minutes": 15,
            "review_lease_max_minutes": 120,
            "review_claim_max": 50,
            "review_bulk_max": 100,
            "review_deadline_hours": 72.0,
            "review_reported_deadline_hours": 24.0,
            "review_priority_hours": 6.0,
            "pinned_models_max": 2,
            "registry_watch_s": 0.5,
        },
        "engine": "auto",
        "auth": "keys",
        "quota_backend": "memory",
        "quotas": {"requests_per_minute": 600, "chars_per_minute": 2_000_000},
    }


def _history(registry: Registry) -> list[dict[str, Any]]:
    lines = (registry.root / "toxicity" / "history.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_activate_without_a_passed_gate_is_409_and_nothing_changes(
    api: TestClient, registry: Registry, seed_versions: dict[str, str]
) -> None:
    fresh = _train(registry, activate=False).version
    before = _history(registry)

    response = api.post(f"/v1/models/{fresh}/activate")

    assert_error(
        response, 409, "Conflict", fresh, "no passed promotion gate", "vimod models promote"
    )
    seed_examples = load_dataset("seed:toxicity", DataContext(TOXICITY, Path(".")))
    failed = gate(registry, fresh, evaluations=[("seed", seed_examples)], resamples=100)
    assert not failed.passed
    response = api.post(f"/v1/models/{fresh}/activate", json={})
    assert_error(response, 409, "Conflict", "its last gate failed against")
    assert registry.active_version("toxicity") == seed_versions["toxicity"]
    assert _serving(api) == seed_versions["toxicity"] and _history(registry) == before


def test_activate_with_a_gate_passed_against_the_active_version(
    api: TestClient, registry: Registry, seed_versions: dict[str, str]
) -> None:
    fresh = _train(registry, activate=False).version
    assert gate(registry, fresh, evaluations=[("test", EXAMPLES)], resamples=100).passed

    response = api.post(f"/v1/models/{fresh}/activate")

    assert response.status_code == 200, response.text
    assert response.json()["serving"]["toxicity"] == fresh and _serving(api) == fresh
    last = _history(registry)[-1]
    assert (last["version"], last["previous"], last["gated"]) == (
        fresh,
        seed_versions["toxicity"],
        True,
    )
    assert last["by"] == "admin" and "forced" not in last


def test_a_gate_against_a_version_no_longer_active_is_stale(
    api: TestClient, registry: Registry
) -> None:
    first, second = (_train(registry, activate=False).version for _ in range(2))
    for version in (first, second):
        assert gate(registry, version, evaluations=[("test", EXAMPLES)], resamples=100).passed
    assert api.post(f"/v1/models/{first}/activate").status_code == 200

    response = api.post(f"/v1/models/{second}/activate")  # gated against the seed version

    assert_error(response, 409, "Conflict", f"active toxicity version {first}")


def test_force_with_a_reason_is_recorded_with_the_callers_subject(
    api: TestClient, registry: Registry, seed_versions: dict[str, str]
) -> None:
    fresh = _train(registry, activate=False).version

    response = api.post(
        f"/v1/models/{fresh}/activate", json={"force": True, "reason": "hotfix: greetings flagged"}
    )

    assert response.status_code == 200, response.text
    assert _serving(api) == fresh
    last = _history(registry)[-1]
    assert (last["forced"], last["reason"], last["by"]) == (
        True,
        "hotfix: greetings flagged",
        "admin",
    )
    assert api.post("/v1/models/rollback", params={"task": "toxicity"}).status_code == 200
    last = _history(registry)[-1]
    assert (last["action"], last["gated"], last["by"]) == ("rollback", False, "admin")
    assert _serving(api) == seed_versions["toxicity"]


@pytest.mark.parametrize(
    "body",
    [
        {"force": True},
        {"force": True, "reason": "   "},
        {"force": "yes", "reason": "x"},
        {"force": True, "reason": "x", "by": "someone else"},
    ],
    ids=["no-reason", "blank-reason", "not-bool", "extra-key"],
)
def test_force_bodies_are_validated(
    api: TestClient, registry: Registry, seed_versions: dict[str, str], body: dict[str, Any]
) -> None:
    fresh = _train(registry, activate=False).version

    response = api.post(f"/v1/models/{fresh}/activate", json=body)

    assert response.status_code == 422, response.text
    assert response.json()["error_type"] == "Validation"
    assert registry.active_version("toxicity") == seed_versions["toxicity"]


def test_a_reason_alone_does_not_skip_the_gate(
    api: TestClient, registry: Registry, seed_versions: dict[str, str]
) -> None:
    fresh = _train(registry, activate=False).version

    response = api.post(f"/v1/models/{fresh}/activate", json={"reason": "for the changelog"})

    assert response.status_code == 409, response.text
    assert registry.active_version("toxicity") == seed_versions["toxicity"]
