"""``POST /v1/classify`` refuses every bad input with the one error shape, never a 500.

The shared app has ``max_client_batch_size=8`` and ``max_input_chars=500``. Payload limits
are covered in ``tests/service/test_middleware.py``.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.service.service_checks import assert_error

JSON = {"content-type": "application/json"}

BAD_BODIES: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    # (case id, body, fragments the message must contain); all are 422 Validation.
    ("text-not-string", {"text": 5}, ("text:", "valid string")),
    ("texts-not-list", {"texts": "một bài"}, ("texts:", "valid list")),
    ("texts-item-not-string", {"texts": ["ok", 3]}, ("texts.1:",)),
    ("tasks-not-list", {"text": "a", "tasks": "toxicity"}, ("tasks:",)),
    ("store-not-bool", {"text": "a", "store": "maybe"}, ("store:",)),
    ("threshold-not-number", {"text": "a", "thresholds": {"HATE": "high"}}, ("thresholds.HATE",)),
    ("empty-text", {"text": ""}, ("text is empty",)),
    ("whitespace-text", {"text": " \n\t\u3000 "}, ("text is empty or whitespace-only",)),
    ("whitespace-in-batch", {"texts": ["ok", "   "]}, ("texts[1] is empty",)),
    ("text-too-long", {"text": "a" * 501}, ("501 characters", "limit is 500", "max_input_chars")),
    ("batch-item-too-long", {"texts": ["ok", "b" * 600]}, ("texts[1] has 600 characters",)),
    ("too-many-texts", {"texts": ["x"] * 9}, ("9 items", "limit is 8", "max_client_batch_size")),
    ("empty-texts", {"texts": []}, ("texts: List should have at least 1 item",)),
    ("text-and-texts", {"text": "a", "texts": ["b"]}, ("exactly one of 'text' and 'texts'",)),
    ("neither", {"store": True}, ("exactly one of 'text' and 'texts'",)),
    ("unknown-label", {"text": "a", "thresholds": {"SPAM": 0.5}}, ("unknown label 'SPAM'",)),
    ("context-not-string", {"text": "a", "metadata": {"context": 3}}, ("metadata.object.context",)),
    (
        "context-too-long",
        {"texts": ["a"], "metadata": [{"context": "x" * 1001}]},
        ("metadata.list.0.context", "at most 1000"),
    ),
    (
        "context-whitespace",
        {"texts": ["a", "b"], "metadata": [None, {"context": "  "}]},
        ("metadata[1].context is empty",),
    ),
    ("request-context-whitespace", {"text": "a", "context": " "}, ("context is empty",)),
    (
        "label-of-other-task",
        {"text": "a", "tasks": ["misinformation"], "thresholds": {"HATE": 0.5}},
        ("unknown label 'HATE'", "RELIABLE, UNRELIABLE"),
    ),
    (
        "threshold-above-1",
        {"text": "a", "thresholds": {"HATE": 1.5}},
        ("thresholds.HATE:", "less than or equal to 1"),
    ),
    (
        "threshold-below-0",
        {"text": "a", "thresholds": {"OFFENSIVE": -0.1}},
        ("greater than or equal to 0",),
    ),
    (
        "unknown-task",
        {"text": "a", "tasks": ["spam"]},
        ("tasks.0:", "unknown task 'spam'", "toxicity"),
    ),
    ("empty-tasks", {"text": "a", "tasks": []}, ("tasks: List should have at least 1 item",)),
    # Strict types: a coerced value would hide the client's mistake.
    ("threshold-bool", {"text": "a", "thresholds": {"HATE": True}}, ("thresholds.HATE:", "number")),
    ("threshold-string", {"text": "a", "thresholds": {"HATE": "0.5"}}, ("thresholds.HATE:",)),
    ("store-string", {"text": "a", "store": "true"}, ("store:", "valid boolean")),
    ("store-int", {"text": "a", "store": 1}, ("store:", "valid boolean")),
    ("texts-item-bool", {"texts": [True]}, ("texts.0:", "valid string")),
    (
        "likes-bool",
        {"text": "a", "metadata": {"likes": True}},
        ("metadata.object.likes:", "number"),
    ),
    (
        "likes-string",
        {"text": "a", "metadata": {"likes": "3"}},
        ("metadata.object.likes:", "number"),
    ),
    ("shares-huge", {"text": "a", "metadata": {"shares": 10**400}}, ("metadata.object.shares:",)),
    (
        "posted-at-bool",
        {"text": "a", "metadata": {"posted_at": True}},
        ("metadata.object.posted_at:", "ISO-8601 date-time string or unix seconds"),
    ),
    (
        "posted-at-numeric-string",
        {"text": "a", "metadata": {"posted_at": "1714525200"}},
        ("metadata.object.posted_at:", "ISO-8601"),
    ),
    (
        "posted-at-not-a-date",
        {"text": "a", "metadata": {"posted_at": "2024-02-30T00:00:00Z"}},
        ("metadata.object.posted_at:", "ISO-8601"),
    ),
    (
        "posted-at-before-utc-year-1",
        {"text": "a", "metadata": {"posted_at": "0001-01-01T00:00:00+14:00"}},
        ("metadata.object.posted_at:", "years 1..9999 in UTC"),
    ),
    ("metadata-short", {"texts": ["a", "b"], "metadata": [{}]}, ("metadata has 1 items for 2",)),
    ("metadata-object-for-texts", {"texts": ["a", "b"], "metadata": {}}, ("aligned with texts",)),
    ("metadata-unknown-field", {"text": "a", "metadata": {"views": 3}}, ("metadata",)),
    ("metadata-negative", {"text": "a", "metadata": {"likes": -1}}, ("metadata.object.likes",)),
    (
        "metadata-item-wrong",
        {"texts": ["a", "b"], "metadata": [None, {"shares": "2"}]},
        ("metadata.list.1.shares:", "valid number"),
    ),
    ("extra-field", {"text": "a", "language": "vi"}, ("language", "Extra inputs")),
]


@pytest.mark.parametrize(
    ("body", "fragments"), [c[1:] for c in BAD_BODIES], ids=[c[0] for c in BAD_BODIES]
)
def test_bad_body_is_a_validation_error(
    shared_api: TestClient, body: dict[str, Any], fragments: tuple[str, ...]
) -> None:
    assert_error(shared_api.post("/v1/classify", json=body), 422, "Validation", *fragments)


def test_pydantic_errors_list_every_field(shared_api: TestClient) -> None:
    response = shared_api.post("/v1/classify", json={"text": 5, "store": "maybe", "x": 1})

    body = assert_error(response, 422, "Validation", "(and 2 more)")
    assert {d["field"] for d in body["details"]} == {"text", "store", "x"}
    assert all(d["message"] for d in body["details"])


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b'{"text": "thi\xe1\xbb\x87u ngo', "not valid JSON"),
        (b"{'text': 'single quotes'}", "not valid JSON"),
        (b"\xff\xfe{", "parsing the body"),  # not UTF-8
        (b"[" * 5000, "parsing the body"),  # nested deeper than the parser allows
    ],
    ids=["truncated", "single-quotes", "not-utf8", "too-deep"],
)
def test_invalid_json_is_400(shared_api: TestClient, raw: bytes, fragment: str) -> None:
    response = shared_api.post("/v1/classify", content=raw, headers=JSON)

    assert_error(response, 400, "InvalidJSON", fragment)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [(b"", "body: Field required"), (b"[]", "valid dictionary"), (b'"text"', "valid dictionary")],
    ids=["empty", "array", "string"],
)
def test_body_that_is_not_an_object_is_422(
    shared_api: TestClient, raw: bytes, fragment: str
) -> None:
    response = shared_api.post("/v1/classify", content=raw, headers=JSON)

    assert_error(response, 422, "Validation", fragment)


@pytest.mark.parametrize(
    ("raw", "fragments"),
    [
        (b'{"text": "a", "thresholds": {"HATE": NaN}}', ("thresholds.HATE:", "finite number")),
        (
            b'{"text": "a", "metadata": {"likes": Infinity}}',
            ("metadata.object.likes:", "finite number"),
        ),
        (b'{"text": "a", "metadata": {"comments": NaN}}', ("metadata.object.comments:", "finite")),
        (b'{"text": "a", "metadata": {"posted_at": -Infinity}}', ("metadata.object.posted_at:",)),
    ],
    ids=["nan-threshold", "infinite-likes", "nan-comments", "infinite-posted-at"],
)
def test_non_finite_numbers_are_refused(
    shared_api: TestClient, raw: bytes, fragments: tuple[str, ...]
) -> None:
    # Python's JSON parser accepts NaN and Infinity, which no JSON client should send.
    response = shared_api.post("/v1/classify", content=raw, headers=JSON)

    assert_error(response, 422, "Validation", *fragments)


def test_lone_surrogate_is_refused(shared_api: TestClient) -> None:
    raw = b'{"texts": ["ok", "bad \\ud800 text"]}'

    response = shared_api.post("/v1/classify", content=raw, headers=JSON)

    assert_error(response, 422, "Validation", "texts[1]", "lone surrogate")


def test_limits_are_inclusive(shared_api: TestClient) -> None:
    response = shared_api.post(
        "/v1/classify", json={"texts": ["ả" * 500] + ["x"] * 7, "tasks": ["toxicity"]}
    )

    assert response.status_code == 200, response.text
    assert len(response.json()["results"]) == 8


def test_valid_values_of_strict_fields_are_accepted(shared_api: TestClient) -> None:
    body = {
        "texts": ["ok", "tin giả"],
        "thresholds": {"HATE": 1, "UNRELIABLE": 0},  # JSON integers are numbers
        "metadata": [
            {"likes": 0, "shares": 2.5, "posted_at": "2024-05-01T08:30:00"},  # naive: UTC
            {"comments": 10**6, "posted_at": 1714525200},
        ],
        "store": False,
    }

    response = shared_api.post("/v1/classify", json=body)

    assert response.status_code == 200, response.text
    assert len(response.json()["results"]) == 2
