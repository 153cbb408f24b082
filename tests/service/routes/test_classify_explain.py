"""``explain`` on ``POST /v1/classify``: offending spans inside ``categories.toxicity``.

Every span's ``text`` must equal the characters ``original[start:end]`` of the post as
sent, whatever its spelling: teencode, no diacritics, emoji, NFD combining marks,
stretched letters.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from fastapi.testclient import TestClient

from models.registry import Registry
from service.config import Settings
from tests.apiclient import serve

POSTS = [
    "dm m ngu vl",
    "thang nay ngu nhu bo, cut di",
    "Đồ súc vật 😡😡 cút đi",
    unicodedata.normalize("NFD", "Thằng này ngu như bò, đồ khốn nạn"),
    "nguuuuu vãiii lồnnnn",
    "hôm nay trời đẹp quá, đi cà phê không?",
]


def _classify(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/v1/classify", json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def _check_spans(text: str, spans: list[dict[str, Any]]) -> None:
    end = 0
    for span in spans:
        assert end <= span["start"] < span["end"] <= len(text)
        assert span["text"] == text[span["start"] : span["end"]]
        assert 0.0 <= span["score"] <= 1.0
        end = span["end"]


def test_explain_spans_index_the_text_as_sent(api: TestClient) -> None:
    results = _classify(api, texts=POSTS, explain=True)["results"]
    found = 0
    for text, result in zip(POSTS, results, strict=True):
        toxicity = result["categories"]["toxicity"]
        assert isinstance(toxicity["spans"], list)
        assert toxicity["spans_model_version"]
        assert "spans_note" not in toxicity
        assert "spans" not in result["categories"]["misinformation"]
        _check_spans(text, toxicity["spans"])
        found += len(toxicity["spans"])
    assert found >= 4  # the seed span model marks the insults of these posts
    teencode = results[0]["categories"]["toxicity"]["spans"]
    assert any("ngu" in s["text"] for s in teencode)
    nfd = results[3]["categories"]["toxicity"]["spans"]
    assert nfd, "an NFD post still gets its insult marked"
    assert all(unicodedata.is_normalized("NFD", s["text"]) for s in nfd)


def test_single_text_explain(api: TestClient) -> None:
    text = "Ngu vãi, đồ chó 🐶"
    (result,) = _classify(api, text=text, explain=True, tasks=["toxicity"])["results"]
    spans = result["categories"]["toxicity"]["spans"]
    _check_spans(text, spans)
    assert spans


def test_without_explain_the_shape_is_unchanged(api: TestClient) -> None:
    for body in ({"text": "dm m ngu vl"}, {"text": "dm m ngu vl", "explain": False}):
        (result,) = _classify(api, **body)["results"]
        for category in result["categories"].values():
            assert set(category) == {
                "label",
                "scores",
                "flagged",
                "flagged_labels",
                "model",
                "model_version",
            }


def test_explain_needs_the_toxicity_task(api: TestClient) -> None:
    response = api.post(
        "/v1/classify", json={"text": "dm", "explain": True, "tasks": ["misinformation"]}
    )
    assert response.status_code == 422
    assert set(response.json()) == {"error", "error_type"}
    assert "toxicity" in response.json()["error"]


def test_explain_must_be_a_boolean(api: TestClient) -> None:
    response = api.post("/v1/classify", json={"text": "dm", "explain": "yes"})
    assert response.status_code == 422
    assert {"error", "error_type"} <= set(response.json())
    assert "explain" in response.json()["error"]


def test_without_a_span_model_spans_is_null_with_a_note(
    registry: Registry, sqlite_settings: Settings
) -> None:
    (registry.root / "spans" / "ACTIVE").unlink()
    with serve(sqlite_settings) as client:
        (result,) = _classify(client, text="dm m ngu vl", explain=True)["results"]
        toxicity = result["categories"]["toxicity"]
        assert toxicity["spans"] is None
        assert "no active spans model" in toxicity["spans_note"]
        ready = client.get("/readyz").json()
        assert ready["span_models"] == {"spans": None}
        assert ready["optional_models_missing"] == {"spans": "no active version"}
        assert ready["status"] == "ready"


def test_readyz_lists_the_spans_model(api: TestClient, registry: Registry) -> None:
    ready = api.get("/readyz").json()
    assert ready["span_models"] == {"spans": registry.active_version("spans")}
    assert "spans" not in ready["models"]  # the classification tasks only
    assert "optional_models_missing" not in ready
