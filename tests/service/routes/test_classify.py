"""``POST /v1/classify``: response shape, task selection, thresholds, metadata and storage.

Bad inputs are in ``test_classify_errors.py``.
"""

from __future__ import annotations

import math
import unicodedata
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.tasks import TASKS
from service.schemas import ClassifyResponse

TOXIC = "bọn chúng nó là lũ súc vật cần bị đuổi khỏi đất nước"


def _check_category(result: dict[str, Any], task: str, version: str) -> None:
    labels = TASKS[task].labels
    assert result["label"] in labels
    assert set(result["scores"]) == set(labels)
    assert all(0.0 <= p <= 1.0 for p in result["scores"].values())
    assert math.isclose(sum(result["scores"].values()), 1.0, abs_tol=1e-4)
    assert result["label"] == max(result["scores"], key=result["scores"].get)
    assert result["model"] == "baseline"
    assert result["model_version"] == version
    assert isinstance(result["flagged"], bool)
    assert result["flagged"] == bool(result["flagged_labels"])
    assert set(result["flagged_labels"]) <= set(TASKS[task].flag_labels)


def _classify(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/v1/classify", json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def test_single_text_scores_every_served_task(
    shared_api: TestClient, seed_versions: dict[str, str]
) -> None:
    data = _classify(shared_api, text="đồ ngu")

    assert data["api_version"] == "v1"
    assert len(data["results"]) == 1
    result = data["results"][0]
    assert str(uuid.UUID(result["id"])) == result["id"]
    assert result["stored"] is False
    assert set(result["categories"]) == {"toxicity", "misinformation"}
    for task, category in result["categories"].items():
        _check_category(category, task, seed_versions[task])
    assert result["flagged"] == any(c["flagged"] for c in result["categories"].values())


def test_batch_keeps_input_order_and_matches_single_scoring(shared_api: TestClient) -> None:
    texts = ["bài viết hay quá", TOXIC, "cảm ơn bạn nhiều nha"]

    batch = _classify(shared_api, texts=texts, tasks=["toxicity"])["results"]
    alone = [_classify(shared_api, text=t, tasks=["toxicity"])["results"][0] for t in texts]

    assert len(batch) == len(texts)
    assert len({r["id"] for r in batch}) == len(texts)
    for got, want in zip(batch, alone, strict=True):
        assert got["categories"]["toxicity"]["scores"] == want["categories"]["toxicity"]["scores"]
    assert [r["categories"]["toxicity"]["label"] for r in batch] == ["CLEAN", "HATE", "CLEAN"]


@pytest.mark.parametrize("task", ["toxicity", "misinformation"])
def test_tasks_selects_the_categories_returned(
    shared_api: TestClient, seed_versions: dict[str, str], task: str
) -> None:
    result = _classify(shared_api, texts=["a b c", "xin chào"], tasks=[task, task])["results"]

    for item in result:
        assert list(item["categories"]) == [task]
        _check_category(item["categories"][task], task, seed_versions[task])
        assert item["flagged"] == item["categories"][task]["flagged"]


def test_thresholds_change_flagged_but_not_scores(shared_api: TestClient) -> None:
    polite = "cảm ơn bạn nhiều nha"
    default = _classify(shared_api, text=polite, tasks=["toxicity"])["results"][0]
    eager = _classify(shared_api, text=polite, tasks=["toxicity"], thresholds={"HATE": 0.0})
    eager_result = eager["results"][0]

    assert default["categories"]["toxicity"]["flagged"] is False
    assert eager_result["categories"]["toxicity"]["flagged"] is True
    assert eager_result["flagged"] is True
    # Flagged although the label is CLEAN: flagged_labels says which label tripped it.
    assert eager_result["categories"]["toxicity"]["label"] == "CLEAN"
    assert eager_result["categories"]["toxicity"]["flagged_labels"] == ["HATE"]
    assert default["categories"]["toxicity"]["flagged_labels"] == []
    assert (
        eager_result["categories"]["toxicity"]["scores"]
        == default["categories"]["toxicity"]["scores"]
    )


def test_threshold_one_stops_hate_from_flagging(shared_api: TestClient) -> None:
    default = _classify(shared_api, text=TOXIC)["results"][0]
    strict = _classify(
        shared_api, text=TOXIC, thresholds={"HATE": 1.0, "OFFENSIVE": 1.0, "UNRELIABLE": 1.0}
    )["results"][0]

    assert default["categories"]["toxicity"]["label"] == "HATE"
    assert default["categories"]["toxicity"]["flagged"] is True
    assert "HATE" in default["categories"]["toxicity"]["flagged_labels"]
    assert strict["categories"]["toxicity"]["flagged_labels"] == []
    assert strict["categories"]["toxicity"]["label"] == "HATE"  # the label is still the arg-max
    assert strict["categories"]["toxicity"]["flagged"] is False
    assert strict["categories"]["misinformation"]["flagged"] is False
    assert strict["flagged"] is False


def test_metadata_object_for_text_and_aligned_list_for_texts(shared_api: TestClient) -> None:
    meta = {"likes": 120, "comments": 4, "shares": 30, "posted_at": "2024-05-01T08:00:00+07:00"}
    plain = _classify(shared_api, text=TOXIC)["results"][0]
    single = _classify(shared_api, text=TOXIC, metadata=meta)["results"][0]
    batch = _classify(
        shared_api,
        texts=[TOXIC, "xin chào", "tin nóng"],
        metadata=[meta, None, {"posted_at": 1714525200}],
    )["results"]

    # The seed baselines ignore metadata: it is accepted and leaves the scores alone.
    assert single["categories"] == plain["categories"]
    assert len(batch) == 3
    assert batch[0]["categories"] == plain["categories"]


@pytest.mark.parametrize(
    ("text", "toxic"),
    [
        ("m ngu vl", True),  # teencode
        ("dm thang cho", True),  # no diacritics
        ("hok bik j thì câm m*m", True),  # teencode and a masked swear word
        ("ĐM THẰNG CHÓ", True),  # shouting
        ("cam on ban nhieu nha", False),  # polite, no diacritics
        ("bài viết hay quá 👍👍", False),
    ],
)
def test_vietnamese_social_spellings_are_scored(
    shared_api: TestClient, seed_versions: dict[str, str], text: str, toxic: bool
) -> None:
    result = _classify(shared_api, text=text)["results"][0]

    _check_category(result["categories"]["toxicity"], "toxicity", seed_versions["toxicity"])
    assert result["categories"]["toxicity"]["flagged"] is toxic
    assert (result["categories"]["toxicity"]["label"] != "CLEAN") is toxic


def test_unicode_forms_of_one_word_score_identically(shared_api: TestClient) -> None:
    forms = [
        "hoà bình",  # NFC, old-style tone placement
        "hòa bình",  # NFC, new-style tone placement
        unicodedata.normalize("NFD", "hoà bình"),
    ]
    results = _classify(shared_api, texts=forms, tasks=["toxicity"])["results"]

    scores = [r["categories"]["toxicity"]["scores"] for r in results]
    assert scores[0] == scores[1] == scores[2]


def test_store_true_persists_and_accepts_feedback_by_id(client: TestClient) -> None:
    text = "thằng này ngu\x00 vl"  # a NUL must not break either database
    classified = _classify(client, text=text, store=True)["results"][0]
    assert classified["stored"] is True

    response = client.post(
        "/v1/feedback",
        json={
            "prediction_id": classified["id"],
            "task": "misinformation",
            "label": "RELIABLE",
            "moderator_id": "admin",
        },
    )

    assert response.status_code == 201, response.text
    record = response.json()
    misinformation = classified["categories"]["misinformation"]
    assert record["prediction_id"] == classified["id"]
    assert record["text"] == "thằng này ngu  vl"  # NUL stored as a space
    assert record["task"] == "misinformation"
    assert record["label"] == "RELIABLE"
    assert record["predicted_label"] == misinformation["label"]
    assert record["model_version"] == misinformation["model_version"]


def test_unstored_prediction_cannot_receive_feedback(shared_api: TestClient) -> None:
    classified = _classify(shared_api, text="xin chào")["results"][0]
    assert classified["stored"] is False

    response = shared_api.post(
        "/v1/feedback",
        json={"prediction_id": classified["id"], "label": "CLEAN", "moderator_id": "admin"},
    )

    assert response.status_code == 404
    assert response.json()["error_type"] == "NotFound"
    assert classified["id"] in response.json()["error"]


@pytest.mark.parametrize(
    "options",
    [{}, {"explain": True}, {"unsupported": "skip"}, {"store": True}, {"tasks": ["toxicity"]}],
)
def test_body_is_exactly_the_documented_response_model(
    shared_api: TestClient, options: dict[str, Any]
) -> None:
    """The route builds its body without pydantic: it must still be a ``ClassifyResponse``,
    no field missing, mistyped or extra."""
    texts = ["bài viết hay quá", TOXIC, "这个视频太搞笑了哈哈哈"]
    response = shared_api.post("/v1/classify", json={"texts": texts, **options})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    data = response.json()
    parsed = ClassifyResponse.model_validate(data)  # a missing or mistyped field raises
    assert parsed.model_dump(mode="json", exclude_unset=True) == data  # nothing extra
    assert ("spans" in data["results"][0]["categories"]["toxicity"]) == ("explain" in options)
