"""``"versions"`` in ``POST /v1/classify``: a request pins a version the registry holds."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from models.errors import InputError
from models.registry import Registry
from service.pins import PinnedModels
from tests.deploy.harness import clone_active_version
from tests.service.service_checks import assert_error


def _classify(api: TestClient, **body: object) -> dict[str, object]:
    response = api.post("/v1/classify", json={"text": "đồ ngu", "tasks": ["toxicity"], **body})
    assert response.status_code == 200, response.text
    result: dict[str, object] = response.json()["results"][0]["categories"]["toxicity"]
    return result


def test_a_pinned_version_serves_that_request_only(
    api: TestClient, registry: Registry, registry_dir: Path, seed_versions: dict[str, str]
) -> None:
    old = seed_versions["toxicity"]
    new = clone_active_version(registry_dir, "toxicity", "f6f6")
    registry.activate(new, forced=True, reason="test")
    api.post("/v1/models/reload")

    pinned = _classify(api, versions={"toxicity": old})
    unpinned = _classify(api)
    pinned_active = _classify(api, versions={"toxicity": new})

    assert pinned["model_version"] == old
    assert unpinned["model_version"] == pinned_active["model_version"] == new
    assert pinned["scores"] == unpinned["scores"]  # the clone predicts like the original


@pytest.mark.parametrize(
    ("versions", "fragments"),
    [
        ({"toxicity": "20990101-000000-baseline-dead"}, ("cannot be served", "pinnable:")),
        ({"toxicity": "../../etc"}, ("not a version id",)),
        ({"misinformation": "20990101-000000-baseline-dead"}, ("not among the requested",)),
        ({"spam": "20990101-000000-baseline-dead"}, ("spam",)),
        ({"toxicity": ""}, ("versions",)),
    ],
    ids=["unknown", "malformed", "task-not-requested", "unknown-task", "empty"],
)
def test_a_version_that_cannot_be_pinned_is_422(
    api: TestClient, seed_versions: dict[str, str], versions: object, fragments: tuple[str, ...]
) -> None:
    response = api.post(
        "/v1/classify", json={"text": "xin chào", "tasks": ["toxicity"], "versions": versions}
    )

    body = assert_error(response, 422, "Validation", *fragments)
    if "pinnable:" in fragments:
        assert seed_versions["toxicity"] in body["error"]


def test_a_version_of_another_task_is_422(api: TestClient, seed_versions: dict[str, str]) -> None:
    response = api.post(
        "/v1/classify",
        json={
            "text": "xin chào",
            "tasks": ["toxicity"],
            "versions": {"toxicity": seed_versions["misinformation"]},
        },
    )

    assert_error(response, 422, "Validation", "misinformation version")


def test_the_least_recently_pinned_version_is_dropped(
    registry: Registry, registry_dir: Path
) -> None:
    first = clone_active_version(registry_dir, "toxicity", "0a0a")
    second = clone_active_version(registry_dir, "toxicity", "0b0b")

    async def run() -> list[str]:
        pins = PinnedModels(registry, 1, {})
        a = await pins.get("toxicity", first)
        b = await pins.get("toxicity", second)
        again = await pins.get("toxicity", first)  # reloaded: it had been dropped
        return [a.version, b.version, again.version, str(again is a)]

    assert asyncio.run(run()) == [first, second, first, "False"]


def test_pinning_off_is_422(registry: Registry) -> None:
    with pytest.raises(InputError, match="pinning is off"):
        asyncio.run(PinnedModels(registry, 0, {}).get("toxicity", "20990101-000000-baseline-dead"))
