"""``POST /v1alpha1/comments:analyze`` against Perspective's documented request and response.

Fixtures in ``fixtures/`` hold the API reference's example and a Vietnamese request of the
same shape; errors are checked in Google's shape (``{"error": {code, message, status}}``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.base import PostMetadata
from service.config import Settings
from service.runtime import ModelRuntime
from service.schemas import MAX_CONTEXT_CHARS
from tests.apiclient import bearer, issue_key, serve
from tests.service.conftest import LIMITS
from tests.service.log_capture import json_log_lines

FIXTURES = Path(__file__).with_name("fixtures")
PATH = "/v1alpha1/comments:analyze"


def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def client(seed_registry: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("perspective-dropin")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'api.db'}",
        registry_dir=seed_registry,
        secrets_dir=folder / "secrets",
        **LIMITS,
    )
    with serve(settings) as c:
        yield c


@pytest.fixture(scope="module")
def key(client: TestClient) -> str:
    return issue_key(client.app, "integrator").secret  # type: ignore[arg-type]


def _analyze(client: TestClient, key: str, body: dict[str, Any]) -> Any:
    return client.post(PATH, params={"key": key}, json=body, headers={"Authorization": ""})


def _shape(value: Any) -> Any:
    """The JSON's structure: dict keys and value types, lists by their first item."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return "number" if isinstance(value, int | float) else type(value).__name__


def _google_error(response: Any, code: int, status: str) -> dict[str, Any]:
    assert response.status_code == code, response.text
    error: dict[str, Any] = response.json()["error"]
    assert set(response.json()) == {"error"}
    assert (error["code"], error["status"]) == (code, status)
    assert isinstance(error["message"], str) and error["message"]
    return error


def test_vietnamese_request_answers_in_the_documented_shape(client: TestClient, key: str) -> None:
    body = _fixture("perspective_vi_request.json")
    response = _analyze(client, key, body)
    assert response.status_code == 200, response.text
    data = response.json()

    assert set(data["attributeScores"]) == set(body["requestedAttributes"])
    assert data["languages"] == ["vi"] and data["detectedLanguages"] == ["vi"]
    assert data["clientToken"] == "client-42"
    documented = _shape(_fixture("perspective_documented_response.json"))
    assert (
        _shape(data["attributeScores"]["TOXICITY"])
        == documented["attributeScores"]["UNSUBSTANTIAL"]
    )
    for scores in data["attributeScores"].values():
        assert scores["summaryScore"]["type"] == "PROBABILITY"
        assert 0.0 <= scores["summaryScore"]["value"] <= 1.0


def test_attributes_follow_the_documented_mapping(client: TestClient, key: str) -> None:
    body = _fixture("perspective_vi_request.json")
    text = body["comment"]["text"]
    scores = _analyze(client, key, body).json()["attributeScores"]
    classified = client.post(
        "/v1/classify", json={"text": text, "tasks": ["toxicity"], "explain": True}
    ).json()["results"][0]["categories"]["toxicity"]
    p = classified["scores"]

    def value(attribute: str) -> float:
        return float(scores[attribute]["summaryScore"]["value"])

    assert value("TOXICITY") == pytest.approx(1 - p["CLEAN"], abs=1e-6)
    assert value("SEVERE_TOXICITY") == value("IDENTITY_ATTACK") == p["HATE"]
    assert value("INSULT") == p["OFFENSIVE"]
    spans = scores["TOXICITY"]["spanScores"]
    assert spans, "the seed span model finds offending spans in this post"
    assert [(s["begin"], s["end"]) for s in spans] == [
        (s["start"], s["end"]) for s in classified["spans"]
    ]
    assert all(s["score"]["type"] == "PROBABILITY" for s in spans)
    assert "spanScores" not in scores["INSULT"]  # only TOXICITY carries spans


def test_span_offsets_count_code_points_of_the_text_as_sent(client: TestClient, key: str) -> None:
    body = _fixture("perspective_vi_request.json")
    text = "😀😀 " + body["comment"]["text"]  # astral characters: 2 UTF-16 units each
    body["comment"]["text"] = text
    spans = _analyze(client, key, body).json()["attributeScores"]["TOXICITY"]["spanScores"]

    for span in spans:
        covered = text[span["begin"] : span["end"]]
        assert covered.strip() and covered in body["comment"]["text"]
        assert span["begin"] >= 3


def test_without_span_annotations_there_are_no_span_scores(client: TestClient, key: str) -> None:
    body = {**_fixture("perspective_vi_request.json"), "spanAnnotations": False}
    scores = _analyze(client, key, body).json()["attributeScores"]
    assert all("spanScores" not in s for s in scores.values())


def test_score_threshold_leaves_out_lower_scores(client: TestClient, key: str) -> None:
    body = {
        "comment": {"text": "cảm ơn bạn nhiều nha"},
        "requestedAttributes": {"TOXICITY": {"scoreThreshold": 1.0}, "INSULT": {}},
    }
    data = _analyze(client, key, body).json()
    assert set(data["attributeScores"]) == {"INSULT"}
    assert data["languages"] == ["vi"]  # not requested: the language vimod scores
    assert "clientToken" not in data


def test_documented_english_request_is_refused_like_perspective(
    client: TestClient, key: str
) -> None:
    error = _google_error(
        _analyze(client, key, _fixture("perspective_documented_request.json")),
        400,
        "INVALID_ARGUMENT",
    )
    [detail] = error["details"]
    assert detail["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
    assert detail["languageNotSupportedByAttributeError"]["attribute"] == "TOXICITY"
    assert "en" in error["message"]


@pytest.mark.parametrize("attribute", ["PROFANITY", "THREAT", "SEXUALLY_EXPLICIT", "toxicity"])
def test_attributes_vimod_does_not_score_are_refused(
    client: TestClient, key: str, attribute: str
) -> None:
    body = {"comment": {"text": "đồ ngu"}, "requestedAttributes": {"TOXICITY": {}, attribute: {}}}
    error = _google_error(_analyze(client, key, body), 400, "INVALID_ARGUMENT")
    assert error["details"][0]["languageNotSupportedByAttributeError"]["attribute"] == attribute


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"requestedAttributes": {"TOXICITY": {}}}, "comment"),
        ({"comment": {"text": "đồ ngu"}}, "requestedAttributes"),
        ({"comment": {"text": "đồ ngu"}, "requestedAttributes": {}}, "requestedAttributes"),
        (
            {
                "comment": {"text": "đồ ngu"},
                "requestedAttributes": {"TOXICITY": {"scoreType": "RAW"}},
            },
            "requestedAttributes.TOXICITY.scoreType",
        ),
        ({"comment": {"text": "x", "type": "HTML"}, "requestedAttributes": {}}, "comment.type"),
        ({"comment": {"text": "x"}, "requestedAttributes": {"TOXICITY": {}}, "x": 1}, "x"),
    ],
)
def test_invalid_requests_get_google_field_violations(
    client: TestClient, key: str, body: dict[str, Any], field: str
) -> None:
    error = _google_error(_analyze(client, key, body), 400, "INVALID_ARGUMENT")
    [detail] = error["details"]
    assert detail["@type"] == "type.googleapis.com/google.rpc.BadRequest"
    assert field in [v["field"] for v in detail["fieldViolations"]]


def test_empty_or_long_comment_and_bad_json(client: TestClient, key: str) -> None:
    attrs = {"TOXICITY": {}}
    empty = _analyze(client, key, {"comment": {"text": "  "}, "requestedAttributes": attrs})
    long = _analyze(client, key, {"comment": {"text": "x" * 501}, "requestedAttributes": attrs})
    broken = client.post(PATH, params={"key": key}, content=b"{")
    huge = client.post(PATH, params={"key": key}, content=b"x" * (LIMITS["payload_limit"] + 1))

    assert "comment.text" in _google_error(empty, 400, "INVALID_ARGUMENT")["message"]
    assert "max_input_chars" in _google_error(long, 400, "INVALID_ARGUMENT")["message"]
    _google_error(broken, 400, "INVALID_ARGUMENT")
    _google_error(huge, 400, "INVALID_ARGUMENT")


def test_keys_in_query_or_headers_and_bad_keys(client: TestClient, key: str) -> None:
    body = {"comment": {"text": "đồ ngu"}, "requestedAttributes": {"TOXICITY": {}}}
    anonymous = {"Authorization": ""}

    assert client.post(PATH, json=body, headers=bearer(key)).status_code == 200
    assert client.post(PATH, json=body, headers={**anonymous, "X-API-Key": key}).status_code == 200
    bad = client.post(PATH, params={"key": "wrong"}, json=body, headers=anonymous)
    none = client.post(PATH, json=body, headers=anonymous)
    _google_error(bad, 401, "UNAUTHENTICATED")
    _google_error(none, 401, "UNAUTHENTICATED")
    # ?key= is this route's only: vimod's own routes ignore it.
    classify = client.post(
        "/v1/classify", params={"key": key}, json={"text": "đồ ngu"}, headers=anonymous
    )
    assert classify.status_code == 401 and classify.json()["error_type"] == "Unauthorized"


def test_quota_is_resource_exhausted_with_retry_after(client: TestClient) -> None:
    limited = issue_key(client.app, "integrator", requests_per_minute=1).secret  # type: ignore[arg-type]
    body = {"comment": {"text": "đồ ngu"}, "requestedAttributes": {"TOXICITY": {}}}
    assert _analyze(client, limited, body).status_code == 200
    response = _analyze(client, limited, body)

    _google_error(response, 429, "RESOURCE_EXHAUSTED")
    assert int(response.headers["Retry-After"]) >= 1


def test_the_query_key_and_comment_never_reach_the_logs(client: TestClient, key: str) -> None:
    body = {"comment": {"text": "đồ ngu quá đi"}, "requestedAttributes": {"TOXICITY": {}}}
    with json_log_lines() as lines:
        assert _analyze(client, key, body).status_code == 200
        assert _analyze(client, key + "x", body).status_code == 401
        # The test's HTTP client logs its own request URL; only the server's lines count.
        server = [line for line in lines() if not line["logger"].startswith("httpx")]
        logged = json.dumps(server, ensure_ascii=False)

    assert PATH in logged  # the access line names the route template...
    assert key not in logged and "key=" not in logged  # ...never the query string
    assert "đồ ngu quá đi" not in logged


def test_without_a_toxicity_model_both_drop_ins_answer_503_in_their_shape(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings(registry_dir=tmp_path / "empty-registry")
    body = {"comment": {"text": "đồ ngu"}, "requestedAttributes": {"TOXICITY": {}}}
    with serve(settings) as empty:
        analyzed = empty.post(PATH, json=body)
        moderated = empty.post("/v1/moderations", json={"input": "đồ ngu"})

    assert "not available" in _google_error(analyzed, 503, "UNAVAILABLE")["message"]
    assert moderated.status_code == 503
    assert moderated.json()["error"]["code"] == "service_unavailable"


def test_context_entries_reach_the_model_as_the_comments_context(
    client: TestClient, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    score = ModelRuntime.score

    async def spy(
        self: ModelRuntime, task: str, texts: Any, metadata: Any, *a: Any, **k: Any
    ) -> Any:
        seen.append(list(metadata))
        return await score(self, task, texts, metadata, *a, **k)

    monkeypatch.setattr(ModelRuntime, "score", spy)
    entries = [{"text": "Bài: giá xăng tăng"}, {"text": "bình luận trước"}]
    body = {"comment": {"text": "đồ ngu"}, "requestedAttributes": {"TOXICITY": {}}}
    assert _analyze(client, key, {**body, "context": {"entries": entries}}).status_code == 200
    assert _analyze(client, key, body).status_code == 200
    assert seen[0] == [PostMetadata(context="Bài: giá xăng tăng\nbình luận trước")]
    assert seen[1] == [None]


def test_over_long_context_is_refused_like_a_long_comment(client: TestClient, key: str) -> None:
    body = {
        "comment": {"text": "đồ ngu"},
        "context": {"entries": [{"text": "x" * (MAX_CONTEXT_CHARS + 1)}]},
        "requestedAttributes": {"TOXICITY": {}},
    }
    error = _google_error(_analyze(client, key, body), 400, "INVALID_ARGUMENT")
    assert "context.entries" in error["message"] and str(MAX_CONTEXT_CHARS) in error["message"]
