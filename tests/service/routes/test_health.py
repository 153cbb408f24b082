"""``GET /healthz``, ``GET /readyz`` and ``GET /metrics``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from models.registry import Registry
from service.config import Settings
from tests.apiclient import serve
from tests.broken_model import break_predict
from tests.service.service_checks import assert_error


def _samples(client: TestClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def _value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_healthz_answers(shared_api: TestClient) -> None:
    response = shared_api.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_models_and_store(client: TestClient, seed_versions: dict[str, str]) -> None:
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    # the default span model behind toxicity's explain (tests/service/routes/test_classify_explain.py)
    assert str(body.pop("span_models")["spans"]).endswith(tuple("0123456789abcdef"))
    assert body == {
        "status": "ready",
        "models": seed_versions,
        "missing_models": {},
        "reload_errors": {},
        "store": "ok",
    }


def test_without_models_readyz_is_503_and_classify_is_unavailable(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings(registry_dir=tmp_path / "empty-registry")
    with serve(settings) as client:
        ready = client.get("/readyz")
        classify = client.post("/v1/classify", json={"text": "xin chào"})
        alive = client.get("/healthz")
        info = client.get("/v1/info").json()
        models = client.get("/v1/models").json()

    assert ready.status_code == 503
    assert ready.json() == {
        "status": "not ready",
        "models": {},
        "missing_models": {
            "toxicity": "no active version",
            "misinformation": "no active version",
        },
        "reload_errors": {},
        "store": "ok",
        "span_models": {"spans": None},  # optional: its absence does not make it unready
        "optional_models_missing": {"spans": "no active version"},
    }
    assert_error(classify, 503, "Unhealthy", "not available", "no active version")
    assert alive.status_code == 200  # alive, just not ready
    assert info["tasks"] == {"toxicity": None, "misinformation": None}
    assert models == {"models": []}


def test_a_broken_active_version_makes_only_its_task_unhealthy(
    make_settings: Callable[..., Settings], registry_dir: Path, seed_versions: dict[str, str]
) -> None:
    broken = seed_versions["toxicity"]
    break_predict(Registry(registry_dir).path(broken))

    with serve(make_settings()) as client:  # start-up survives
        ready = client.get("/readyz")
        toxicity = client.post("/v1/classify", json={"text": "xin chào", "tasks": ["toxicity"]})
        misinformation = client.post(
            "/v1/classify", json={"text": "xin chào", "tasks": ["misinformation"]}
        )
        reload = client.post("/v1/models/reload")

    assert ready.status_code == 503
    body = ready.json()
    assert body["status"] == "not ready"
    assert body["models"] == {"misinformation": seed_versions["misinformation"]}
    assert set(body["missing_models"]) == {"toxicity"}
    assert broken in body["missing_models"]["toxicity"]
    assert "smoke prediction failed" in body["missing_models"]["toxicity"]
    assert_error(toxicity, 503, "Unhealthy", "toxicity", broken, "smoke prediction failed")
    assert misinformation.status_code == 200, misinformation.text
    category = misinformation.json()["results"][0]["categories"]["misinformation"]
    assert category["model_version"] == seed_versions["misinformation"]
    assert_error(reload, 409, "Registry", "toxicity:", broken)


def test_metrics_after_classify(shared_api: TestClient, seed_versions: dict[str, str]) -> None:
    before = _samples(shared_api)
    response = shared_api.post(
        "/v1/classify", json={"texts": ["một", "hai", "ba"], "tasks": ["toxicity"]}
    )
    assert response.status_code == 200

    after = _samples(shared_api)

    route = {"route": "/v1/classify", "method": "POST", "status": "200"}
    assert (
        _value(after, "vimod_requests_total", **route)
        == _value(before, "vimod_requests_total", **route) + 1
    )
    for name, grew_by in [
        ("vimod_texts_total", 3),
        ("vimod_batch_size_sum", 3),
        ("vimod_batch_size_count", 1),
    ]:
        assert (
            _value(after, name, task="toxicity") == _value(before, name, task="toxicity") + grew_by
        )
    assert _value(after, "vimod_texts_total", task="misinformation") == _value(
        before, "vimod_texts_total", task="misinformation"
    )
    for task, version in seed_versions.items():
        assert _value(after, "vimod_model_info", task=task, kind="baseline", version=version) == 1.0
    assert _value(after, "vimod_inference_duration_seconds_count", task="toxicity") >= 1
