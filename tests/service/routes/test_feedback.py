"""``POST /v1/feedback`` and ``GET /v1/feedback`` on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.service.service_checks import assert_error

HANOI = timezone(timedelta(hours=7))


def _post(client: TestClient, key: str | None = None, **body: Any) -> dict[str, Any]:
    fields = {"moderator_id": "admin", **body}
    headers = {"Idempotency-Key": key} if key else {}
    response = client.post("/v1/feedback", json=fields, headers=headers)
    assert response.status_code == 201, response.text
    record: dict[str, Any] = response.json()
    return record


def _page(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/feedback", params=params)
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def _utc(stamp: str) -> datetime:
    value = datetime.fromisoformat(stamp)
    assert value.utcoffset() == timedelta(0), f"{stamp} is not UTC"
    return value


def test_feedback_on_stored_predictions_records_what_the_model_said(client: TestClient) -> None:
    texts = ["bọn chúng nó là lũ súc vật", "cảm ơn bạn nhiều nha"]
    response = client.post("/v1/classify", json={"texts": texts, "store": True})
    assert response.status_code == 200, response.text
    results = response.json()["results"]

    records = [
        _post(client, prediction_id=r["id"], label="OFFENSIVE", note="sai nhãn") for r in results
    ]

    for text, result, record in zip(texts, results, records, strict=True):
        toxicity = result["categories"]["toxicity"]
        assert record["prediction_id"] == result["id"]
        assert record["text"] == text
        assert record["task"] == "toxicity"
        assert record["label"] == "OFFENSIVE"
        assert record["predicted_label"] == toxicity["label"]
        assert record["model_version"] == toxicity["model_version"]
        assert record["moderator_id"] == "admin"
        assert record["note"] == "sai nhãn"
    assert [r["predicted_label"] for r in records] == ["HATE", "CLEAN"]
    page = _page(client)
    assert page["total"] == 2
    assert {i["id"] for i in page["items"]} == {r["id"] for r in records}


def test_feedback_on_raw_text(client: TestClient) -> None:
    before = datetime.now(UTC)
    record = _post(client, text="tin giả về vaccine", task="misinformation", label="UNRELIABLE")

    assert record["prediction_id"] is None
    assert record["text"] == "tin giả về vaccine"
    assert record["task"] == "misinformation"
    assert record["label"] == "UNRELIABLE"
    assert record["predicted_label"] is None
    assert record["model_version"] is None
    assert record["note"] is None
    assert before - timedelta(seconds=5) <= _utc(record["created_at"]) <= datetime.now(UTC)
    assert _page(client)["items"] == [record]


def test_idempotency_key_replays_the_first_record(client: TestClient) -> None:
    body = {"text": "đồ ngu", "label": "OFFENSIVE", "moderator_id": "admin"}
    first = client.post("/v1/feedback", json=body, headers={"Idempotency-Key": "req-1"})
    second = client.post("/v1/feedback", json=body, headers={"Idempotency-Key": "req-1"})

    assert first.status_code == second.status_code == 201
    assert "Idempotent-Replayed" not in first.headers
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.json() == first.json()
    page = _page(client)
    assert page["total"] == 1
    assert page["items"] == [first.json()]


def test_idempotency_key_reused_with_another_body_is_409(client: TestClient) -> None:
    first = _post(client, key="req-9", text="đồ ngu", label="OFFENSIVE")

    response = client.post(
        "/v1/feedback",
        json={"text": "đồ ngu", "label": "HATE", "moderator_id": "admin"},
        headers={"Idempotency-Key": "req-9"},
    )

    assert_error(response, 409, "Conflict", "Idempotency-Key", "different request body")
    page = _page(client)
    assert page["total"] == 1
    assert page["items"][0] == first  # the stored label is still OFFENSIVE


def test_failed_requests_leave_stored_rows_intact(client: TestClient) -> None:
    kept = [
        _post(client, key="k-1", text="bài một", label="CLEAN"),
        _post(client, text="bài hai", label="HATE"),
    ]

    assert_error(
        client.post("/v1/feedback", json={"text": "x", "label": "SPAM", "moderator_id": "admin"}),
        422,
        "Validation",
        "unknown label 'SPAM'",
    )
    for missing in ("00000000-0000-0000-0000-000000000000", "abc\x00def"):
        assert_error(
            client.post(
                "/v1/feedback",
                json={"prediction_id": missing, "label": "CLEAN", "moderator_id": "admin"},
            ),
            404,
            "NotFound",
            "no stored prediction",
        )
    assert_error(
        client.post(
            "/v1/feedback",
            json={"text": "bài ba", "label": "CLEAN", "moderator_id": "admin"},
            headers={"Idempotency-Key": "k-1"},
        ),
        409,
        "Conflict",
    )

    page = _page(client)
    assert page["total"] == 2
    assert page["items"] == kept[::-1]


def test_paging_is_newest_first_and_capped_at_max_page_size(client: TestClient) -> None:
    created = [_post(client, text=f"bài số {i}", label="CLEAN") for i in range(7)]
    newest_first = [r["id"] for r in reversed(created)]

    first = _page(client, limit=100)
    second = _page(client, limit=100, offset=first["next_offset"])

    assert (first["limit"], first["offset"], first["total"], first["next_offset"]) == (5, 0, 7, 5)
    assert (second["limit"], second["offset"], second["total"]) == (5, 5, 7)
    assert second["next_offset"] is None
    assert [i["id"] for i in first["items"] + second["items"]] == newest_first
    small = _page(client, limit=2, offset=1)
    assert [i["id"] for i in small["items"]] == newest_first[1:3]
    assert small["next_offset"] == 3
    assert _page(client, offset=50)["items"] == []


def test_filters_by_task_label_and_time(client: TestClient) -> None:
    rows = [
        _post(client, text="a", label="HATE"),
        _post(client, text="b", label="CLEAN"),
        _post(client, text="c", task="misinformation", label="UNRELIABLE"),
        _post(client, text="d", label="HATE"),
    ]

    def ids(**params: Any) -> list[str]:
        return [i["id"] for i in _page(client, **params)["items"]]

    assert ids(task="toxicity") == [rows[3]["id"], rows[1]["id"], rows[0]["id"]]
    assert ids(task="misinformation") == [rows[2]["id"]]
    assert ids(label="HATE") == [rows[3]["id"], rows[0]["id"]]
    assert ids(task="toxicity", label="CLEAN") == [rows[1]["id"]]
    assert ids(task="misinformation", label="RELIABLE") == []
    pivot = _utc(rows[2]["created_at"])
    assert ids(since=pivot.isoformat()) == [rows[3]["id"], rows[2]["id"]]  # inclusive
    assert ids(until=pivot.isoformat()) == [rows[1]["id"], rows[0]["id"]]  # exclusive
    # The same instants written in Hanoi time select the same rows.
    assert ids(since=pivot.astimezone(HANOI).isoformat()) == [rows[3]["id"], rows[2]["id"]]
    assert ids(until=pivot.astimezone(HANOI).isoformat()) == [rows[1]["id"], rows[0]["id"]]
    both = {"since": rows[1]["created_at"], "until": rows[3]["created_at"], "task": "toxicity"}
    assert ids(**both) == [rows[1]["id"]]
    assert _page(client, **both)["total"] == 1


BAD_FEEDBACK: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    ("unknown-label", {"text": "x", "label": "SPAM"}, ("unknown label 'SPAM'", "toxicity")),
    (
        "label-of-other-task",
        {"text": "x", "task": "misinformation", "label": "HATE"},
        ("unknown label 'HATE'", "RELIABLE, UNRELIABLE"),
    ),
    ("unknown-task", {"text": "x", "task": "spam", "label": "HATE"}, ("unknown task 'spam'",)),
    (
        "both-id-and-text",
        {"text": "x", "prediction_id": "p", "label": "HATE"},
        ("exactly one of 'prediction_id' and 'text'",),
    ),
    ("neither-id-nor-text", {"label": "HATE"}, ("exactly one of 'prediction_id' and 'text'",)),
    ("whitespace-text", {"text": "  \n ", "label": "HATE"}, ("text is empty",)),
    ("text-too-long", {"text": "a" * 501, "label": "HATE"}, ("limit is 500",)),
    ("missing-label", {"text": "x"}, ("label: Field required",)),
    ("empty-moderator", {"text": "x", "label": "HATE", "moderator_id": ""}, ("moderator_id",)),
    ("long-prediction-id", {"prediction_id": "p" * 37, "label": "HATE"}, ("prediction_id",)),
    ("long-note", {"text": "x", "label": "HATE", "note": "n" * 2001}, ("note",)),
    ("extra-field", {"text": "x", "label": "HATE", "score": 1}, ("score", "Extra inputs")),
]


@pytest.mark.parametrize(
    ("body", "fragments"), [c[1:] for c in BAD_FEEDBACK], ids=[c[0] for c in BAD_FEEDBACK]
)
def test_bad_feedback_is_a_validation_error(
    shared_api: TestClient, body: dict[str, Any], fragments: tuple[str, ...]
) -> None:
    response = shared_api.post("/v1/feedback", json={"moderator_id": "admin", **body})

    assert_error(response, 422, "Validation", *fragments)


def test_overlong_idempotency_key_is_a_validation_error(shared_api: TestClient) -> None:
    response = shared_api.post(
        "/v1/feedback",
        json={"text": "x", "label": "HATE", "moderator_id": "admin"},
        headers={"Idempotency-Key": "k" * 256},
    )

    assert_error(response, 422, "Validation", "idempotency-key")


@pytest.mark.parametrize(
    ("key", "fragment"),
    [("", "an empty value"), ("a b", "3 characters"), ("k" * 256, "256 characters")],
    ids=["empty", "space", "too-long"],
)
def test_bad_idempotency_key_is_a_validation_error(
    shared_api: TestClient, key: str, fragment: str
) -> None:
    # An empty key would make every client that sends one share a single record.
    response = shared_api.post(
        "/v1/feedback",
        json={"text": "x", "label": "HATE", "moderator_id": "m"},
        headers={"Idempotency-Key": key},
    )

    assert_error(
        response,
        422,
        "Validation",
        "header.idempotency-key: Idempotency-Key must be 1 to 255 visible ASCII characters",
        fragment,
    )


@pytest.mark.parametrize(
    ("params", "fragments"),
    [
        ({"task": "spam"}, ("query.task:", "unknown task 'spam'")),
        ({"task": ""}, ("query.task:", "unknown task ''")),
        ({"task": "toxicity", "label": "UNRELIABLE"}, ("unknown label 'UNRELIABLE'",)),
        ({"label": "SPAM"}, ("query.label:", "unknown label 'SPAM'", "CLEAN", "UNRELIABLE")),
        ({"label": ""}, ("query.label:", "unknown label ''")),
        ({"label": "HATE\x00"}, ("unknown label",)),
        ({"limit": 0}, ("query.limit",)),
        ({"limit": 10**9 + 1}, ("query.limit", "less than or equal to 1000000000")),
        ({"offset": -1}, ("query.offset",)),
        ({"offset": 10**9 + 1}, ("query.offset", "less than or equal to 1000000000")),
        ({"offset": 2**63}, ("query.offset",)),  # was a 500: no database takes it
        ({"since": "hôm qua"}, ("query.since", "ISO-8601 date-time")),
        ({"since": "0.5"}, ("query.since", "ISO-8601 date-time")),  # not unix seconds
        ({"since": "0001-01-01T00:00:00+14:00"}, ("query.since", "years 1..9999 in UTC")),
        ({"until": "9999-12-31T23:59:59-12:00"}, ("query.until", "years 1..9999 in UTC")),
    ],
    ids=[
        "task",
        "empty-task",
        "label-of-task",
        "label",
        "empty-label",
        "nul-label",
        "limit",
        "huge-limit",
        "offset",
        "huge-offset",
        "int64-offset",
        "since",
        "since-number",
        "since-before-utc",
        "until-after-utc",
    ],
)
def test_bad_listing_query_is_a_validation_error(
    shared_api: TestClient, params: dict[str, Any], fragments: tuple[str, ...]
) -> None:
    response = shared_api.get("/v1/feedback", params=params)

    assert_error(response, 422, "Validation", *fragments)


def test_listing_bounds_are_inclusive_and_times_without_offset_are_utc(
    client: TestClient,
) -> None:
    record = _post(client, text="a", label="HATE")
    created = _utc(record["created_at"])
    naive = created.replace(tzinfo=None).isoformat()

    assert _page(client, since=naive)["total"] == 1  # the same instant, read as UTC
    assert _page(client, until=naive)["total"] == 0
    assert _page(client, since="0001-01-01T00:00:00Z", until="9999-12-31T23:59:59Z")["total"] == 1
    far = _page(client, offset=10**9, limit=10**9)
    assert (far["items"], far["total"], far["offset"], far["limit"]) == ([], 1, 10**9, 5)
