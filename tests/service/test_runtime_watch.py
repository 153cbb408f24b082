"""A running app follows the registry's ``ACTIVE`` files without a reload call (as another
worker, another replica or ``vimod models activate`` changes them), and keeps serving the
old version when the new one is broken, saying why in ``/readyz``."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from models.registry import Registry
from tests.deploy.harness import clone_active_version

BOUND_S = 20.0


def _serving(api: TestClient) -> str:
    response = api.post("/v1/classify", json={"text": "xin chào", "tasks": ["toxicity"]})
    assert response.status_code == 200, response.text
    return str(response.json()["results"][0]["categories"]["toxicity"]["model_version"])


def _wait_for(check: object, what: str) -> None:
    deadline = time.monotonic() + BOUND_S
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError(f"not within {BOUND_S} s: {what}")


def test_an_activation_outside_the_app_is_served_without_a_reload(
    api: TestClient, registry: Registry, registry_dir: Path
) -> None:
    version = clone_active_version(registry_dir, "toxicity", "c3c3")

    registry.activate(version, by="cli:someone")  # what `vimod models activate` does

    _wait_for(lambda: _serving(api) == version, f"{version} served")
    assert api.get("/readyz").json()["reload_errors"] == {}


def test_a_broken_activation_keeps_the_old_version_and_readyz_says_why(
    api: TestClient, registry: Registry, registry_dir: Path, seed_versions: dict[str, str]
) -> None:
    broken = clone_active_version(registry_dir, "toxicity", "dead")
    (registry_dir / "toxicity" / broken / "manifest.json").write_text("{ not json", "utf-8")
    (registry_dir / "toxicity" / "ACTIVE").write_text(broken + "\n", "utf-8")

    _wait_for(
        lambda: "toxicity" in api.get("/readyz").json()["reload_errors"], "reload error reported"
    )
    ready = api.get("/readyz")
    assert ready.status_code == 200  # still serving: the old version
    assert broken in ready.json()["reload_errors"]["toxicity"]
    assert _serving(api) == seed_versions["toxicity"]

    (registry_dir / "toxicity" / "ACTIVE").write_text(seed_versions["toxicity"] + "\n", "utf-8")
    _wait_for(lambda: api.get("/readyz").json()["reload_errors"] == {}, "the error cleared")
    good = clone_active_version(registry_dir, "toxicity", "beef")
    registry.activate(good)
    _wait_for(lambda: _serving(api) == good, f"{good} served")
    assert api.get("/readyz").json()["reload_errors"] == {}
