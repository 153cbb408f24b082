"""``POST /v1/classify``: the language of each post and the ``unsupported`` option."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

ZH = "这个视频太搞笑了哈哈哈"
RU = "Кто-нибудь знает, когда закрывается этот магазин?"
VI = "hom nay deadline cang qua moi nguoi oi"  # stripped, code-mixed: Vietnamese
MIXED = [VI, ZH, "đồ ngu", RU]


def _post(client: TestClient, **body: Any) -> Any:
    return client.post("/v1/classify", json=body)


def _results(client: TestClient, **body: Any) -> list[dict[str, Any]]:
    response = _post(client, **body)
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def test_default_scores_every_post_and_marks_the_unsupported(shared_api: TestClient) -> None:
    results = _results(shared_api, texts=MIXED)
    assert [r["language"] for r in results] == [
        {"code": "vi", "supported": True},
        {"code": "zh", "supported": False},
        {"code": "vi", "supported": True},
        {"code": "ru", "supported": False},
    ]
    for r in results:
        assert r["skipped"] is None
        assert isinstance(r["flagged"], bool)
        assert set(r["categories"]) == {"toxicity", "misinformation"}


def test_skip_leaves_unsupported_posts_unscored_and_scores_the_rest_as_alone(
    shared_api: TestClient,
) -> None:
    results = _results(shared_api, texts=MIXED, unsupported="skip", tasks=["toxicity"])
    for i in (1, 3):
        assert results[i]["skipped"] == "language_not_supported"
        assert results[i]["flagged"] is None  # never False: unscored is not clean
        assert results[i]["categories"] is None
        assert results[i]["language"]["supported"] is False
    for i in (0, 2):
        alone = _results(shared_api, text=MIXED[i], tasks=["toxicity"])[0]
        assert results[i]["skipped"] is None
        assert results[i]["categories"] == alone["categories"]
        assert results[i]["flagged"] == alone["flagged"]


def test_skip_of_a_whole_unsupported_batch_answers_without_scores(shared_api: TestClient) -> None:
    results = _results(shared_api, texts=[ZH, RU], unsupported="skip")
    assert [r["skipped"] for r in results] == ["language_not_supported"] * 2
    assert [r["flagged"] for r in results] == [None, None]


def test_reject_names_every_unsupported_post(shared_api: TestClient) -> None:
    response = _post(shared_api, texts=MIXED, unsupported="reject")
    assert response.status_code == 422
    body = response.json()
    assert body["error_type"] == "LanguageNotSupported"
    assert "texts[1] (zh)" in body["error"] and "texts[3] (ru)" in body["error"]
    assert body["details"] == [{"index": 1, "language": "zh"}, {"index": 3, "language": "ru"}]


def test_reject_of_one_text_and_of_a_supported_batch(shared_api: TestClient) -> None:
    response = _post(shared_api, text=ZH, unsupported="reject")
    assert response.status_code == 422
    assert "text (zh)" in response.json()["error"]
    results = _results(shared_api, texts=[VI, "đồ ngu"], unsupported="reject")
    assert all(r["language"]["code"] == "vi" and r["categories"] for r in results)


def test_unknown_policy_is_a_validation_error(shared_api: TestClient) -> None:
    response = _post(shared_api, text=VI, unsupported="ignore")
    assert response.status_code == 422
    assert response.json()["error_type"] == "Validation"


def test_skipped_posts_are_not_stored(client: TestClient) -> None:
    results = _results(client, texts=[ZH, VI], unsupported="skip", store=True)
    assert [r["stored"] for r in results] == [False, True]
    for r, status in zip(results, (404, 201), strict=True):
        response = client.post(
            "/v1/feedback",
            json={"prediction_id": r["id"], "label": "CLEAN", "moderator_id": "admin"},
        )
        assert response.status_code == status, response.text
