"""``service.validation`` (limits, served tasks, alignment) and the strict types it relies on.

The types live in ``service.schemas``; they are tested here because together they decide
which requests reach a model.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import jsonschema_rs  # schemathesis's validator (dev dependency)
import pytest
from pydantic import TypeAdapter, ValidationError

from models.base import PostMetadata
from models.errors import InputError
from models.tasks import TASKS, get_task
from service.config import Settings
from service.schemas import (
    LABEL_NAMES,
    TASK_NAMES,
    ClassifyRequest,
    FeedbackRequest,
    IdempotencyKey,
    Metadata,
    UtcDateTime,
)
from service.validation import check_classify, clean_text

SETTINGS = Settings(max_client_batch_size=3, max_input_chars=10)


def _check(settings: Settings = SETTINGS, **body: Any) -> Any:
    return check_classify(ClassifyRequest(**body), settings)


def test_clean_text_replaces_nul_and_keeps_everything_else() -> None:
    assert clean_text("a\x00b", "text", SETTINGS) == "a b"
    assert clean_text("  hoà  ", "text", SETTINGS) == "  hoà  "  # no trimming, no normalising


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "note is empty or whitespace-only"),
        ("\x00\x00", "note is empty or whitespace-only"),  # only NULs is empty too
        ("\u00a0\u3000\n", "note is empty or whitespace-only"),
        ("a" * 11, "note has 11 characters; the limit is 10 (max_input_chars)"),
        ("bad \ud800", "note is not valid Unicode (lone surrogate)"),
    ],
)
def test_clean_text_refuses_with_the_field_name(value: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        clean_text(value, "note", SETTINGS)
    assert caught.value.message == message


def test_single_text_becomes_a_batch_of_one_for_every_served_task() -> None:
    checked = _check(text="xin chào", store=True)

    assert checked.texts == ["xin chào"]
    assert checked.metadata == [None]
    assert checked.tasks == ["toxicity", "misinformation"]
    assert checked.thresholds == {}
    assert checked.store is True


def test_tasks_are_deduplicated_in_request_order() -> None:
    checked = _check(texts=["a"], tasks=["misinformation", "toxicity", "misinformation"])

    assert checked.tasks == ["misinformation", "toxicity"]


def test_a_known_task_that_is_not_served_is_refused() -> None:
    settings = Settings(tasks=["toxicity"])

    with pytest.raises(
        InputError, match="task 'misinformation' is not served here; served: toxicity"
    ):
        _check(settings, text="a", tasks=["misinformation"])
    assert _check(settings, text="a").tasks == ["toxicity"]


def test_thresholds_are_checked_against_the_requested_tasks_only() -> None:
    assert _check(text="a", thresholds={"HATE": 0.0, "UNRELIABLE": 1.0}).thresholds == {
        "HATE": 0.0,
        "UNRELIABLE": 1.0,
    }
    with pytest.raises(InputError, match=r"unknown label 'UNRELIABLE'.*CLEAN, OFFENSIVE, HATE"):
        _check(text="a", tasks=["toxicity"], thresholds={"UNRELIABLE": 0.5})


def test_metadata_is_converted_and_aligned() -> None:
    posted = datetime(2024, 5, 1, 1, 0, tzinfo=UTC)

    single = _check(text="a", metadata={"likes": 3, "posted_at": posted.isoformat()})
    batch = _check(texts=["a", "b"], metadata=[None, {"shares": 2, "posted_at": 1714525200}])

    assert single.metadata == [PostMetadata(likes=3, posted_at=posted.timestamp())]
    assert batch.metadata == [None, PostMetadata(shares=2, posted_at=1714525200)]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"texts": ["a", "b", "c", "d"]}, "texts has 4 items; the limit is 3"),
        ({"texts": ["ok", "a" * 11]}, "texts[1] has 11 characters"),
        ({"texts": ["a", "b"], "metadata": {"likes": 1}}, "metadata must be a list"),
        ({"texts": ["a"], "metadata": [None, None]}, "metadata has 2 items for 1 texts"),
    ],
)
def test_refusals_name_the_limit_or_field(body: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        _check(**body)


def test_settings_refuse_queues_that_cannot_hold_the_largest_request() -> None:
    # 8 texts x (100 + 50 overhead) characters x (languages + 2 tasks + explain) = 4,800
    small = {"max_client_batch_size": 8, "max_input_chars": 100}
    with pytest.raises(ValidationError, match="at least 4800"):
        Settings(**small, max_queue_chars_per_key=4_799, max_queue_chars=10_000)
    with pytest.raises(ValidationError, match="max_queue_chars must be at least"):
        Settings(**small, max_queue_chars_per_key=4_800, max_queue_chars=4_000)
    fits = Settings(**small, max_queue_chars_per_key=4_800, max_queue_chars=4_800)
    assert fits.max_queue_chars_per_key == 4_800


def test_enums_list_every_task_and_label() -> None:
    assert TASK_NAMES == ("toxicity", "misinformation")
    assert set(LABEL_NAMES) == {label for task in TASKS.values() for label in task.labels}
    schema = ClassifyRequest.model_json_schema()["properties"]
    assert schema["tasks"]["anyOf"][0]["items"]["enum"] == list(TASK_NAMES)
    assert schema["thresholds"]["anyOf"][0]["propertyNames"]["enum"] == list(LABEL_NAMES)
    for label in LABEL_NAMES:  # every documented value is accepted
        FeedbackRequest(text="x", label=label, moderator_id="m")


def test_feedback_schema_documents_exactly_the_label_and_text_rules() -> None:
    schema = jsonschema_rs.Draft202012Validator(FeedbackRequest.model_json_schema())

    for task in (None, *TASK_NAMES):
        for label in LABEL_NAMES:
            body = {"text": "x", "label": label, "moderator_id": "m"}
            if task is not None:
                body["task"] = task
            try:
                get_task(task or "toxicity").check_label(label)  # what record_feedback checks
                accepted = True
            except InputError:
                accepted = False
            assert schema.is_valid(body) is accepted, body
    base = {"label": "HATE", "moderator_id": "m"}
    assert not schema.is_valid(base)  # neither prediction_id nor text
    assert not schema.is_valid({**base, "text": "x", "prediction_id": "p"})
    assert schema.is_valid({**base, "text": "x", "prediction_id": None})


@pytest.mark.parametrize(
    ("body", "accepted"),
    [
        ({"text": "a"}, True),
        ({"texts": ["a", "b"]}, True),
        ({"text": "a", "texts": None, "metadata": {"likes": 1}}, True),
        ({"text": "a", "metadata": [{"likes": 1}]}, True),
        ({"text": "a", "metadata": []}, False),
        ({"text": "a", "metadata": [None, None]}, False),
        ({"texts": ["a"], "metadata": {"likes": 1}}, False),
        ({"texts": ["a"], "metadata": []}, False),
        ({"texts": ["a"], "metadata": [None]}, True),
        ({"text": "a", "texts": ["b"]}, False),
        ({"text": "a", "texts": ["b", "c"], "metadata": [None, None]}, False),
        ({"text": None, "texts": None}, False),
        ({"store": True}, False),
    ],
)
def test_classify_schema_documents_text_and_metadata_shapes(
    body: dict[str, Any], accepted: bool
) -> None:
    # Only the length of a metadata list for ``texts`` is left to check_classify.
    schema = jsonschema_rs.Draft202012Validator(ClassifyRequest.model_json_schema())
    try:
        _check(**body)
        served = True
    except InputError:
        served = False

    assert (schema.is_valid(body), served) == (accepted, accepted)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"tasks": []}, "List should have at least 1 item"),
        ({"tasks": ["spam"]}, "unknown task 'spam'; expected one of toxicity, misinformation"),
        ({"texts": []}, "List should have at least 1 item"),
        ({"texts": [1]}, "valid string"),
        ({"thresholds": {"SPAM": 0.5}}, "unknown label 'SPAM'; expected one of toxicity: CLEAN"),
        ({"thresholds": {"{HATE}": 0.5}}, "unknown label '{HATE}'"),  # braces stay as sent
        ({"thresholds": {"HATE": True}}, "valid number"),
        ({"thresholds": {"HATE": "0.5"}}, "valid number"),
        ({"thresholds": {"HATE": float("nan")}}, "finite number"),
        ({"thresholds": {"HATE": 1.01}}, "less than or equal to 1"),
        ({"store": "true"}, "valid boolean"),
        ({"store": 1}, "valid boolean"),
    ],
)
def test_classify_request_types_are_strict(body: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ClassifyRequest(text="a", **body)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("likes", True),
        ("likes", "3"),
        ("likes", -1),
        ("comments", float("inf")),
        ("shares", float("nan")),
        ("posted_at", True),
        ("posted_at", float("inf")),
        ("posted_at", "1714525200"),  # a number in a string: send a number
        ("posted_at", "2024-05-01"),  # no time of day
        ("posted_at", "hôm qua"),
        ("posted_at", "9999-12-31T23:59:59-12:00"),  # after the last UTC date
        ("posted_at", {"unix": 1}),
    ],
)
def test_metadata_refuses_values_a_client_did_not_mean(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Metadata.model_validate({field: value})
    assert caught.value.errors()[0]["loc"] == (field,)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("2024-05-01T01:00:00Z", 1714525200.0),
        ("2024-05-01T08:00:00+07:00", 1714525200.0),
        ("2024-05-01 01:00:00", 1714525200.0),  # no offset: UTC, not the server's zone
        ("2024-05-01t01:00:00z", 1714525200.0),  # RFC 3339 allows lower case
        (1714525200, 1714525200.0),
        (-1.5, -1.5),
        ("0001-01-01T00:00:00Z", datetime(1, 1, 1, tzinfo=UTC).timestamp()),
    ],
)
def test_posted_at_becomes_unix_seconds(value: object, seconds: float) -> None:
    assert Metadata.model_validate({"posted_at": value}).posted_at == seconds


def test_query_times_are_handed_on_in_utc() -> None:
    adapter: TypeAdapter[datetime] = TypeAdapter(UtcDateTime)
    hanoi = adapter.validate_python("2024-05-01T08:00:00+07:00")

    assert hanoi == datetime(2024, 5, 1, 1, tzinfo=UTC)
    assert hanoi.utcoffset() == timedelta(0)
    assert adapter.validate_python("2024-05-01T01:00:00") == hanoi  # no offset: UTC
    assert adapter.validate_python("9999-12-31T23:59:59+00:00").year == 9999
    for value in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"):
        with pytest.raises(ValidationError, match=r"years 1\.\.9999 in UTC"):
            adapter.validate_python(value)
    for value in ("0.5", "1714525200", "2024-05-01", ""):
        with pytest.raises(ValidationError, match="ISO-8601 date-time"):
            adapter.validate_python(value)


@pytest.mark.parametrize("key", ["k", "req-1", "~" * 255, "a:b/c=d"])
def test_idempotency_key_accepts_visible_ascii(key: str) -> None:
    assert TypeAdapter(IdempotencyKey).validate_python(key) == key


@pytest.mark.parametrize(
    ("key", "got"),
    [
        ("", "an empty value"),
        ("a b", "3 characters"),
        ("k" * 256, "256 characters"),
        ("clé", "3 characters"),
        ("tab\t", "4 characters"),
    ],
)
def test_idempotency_key_refuses_anything_else(key: str, got: str) -> None:
    with pytest.raises(ValidationError, match="1 to 255 visible ASCII characters") as caught:
        TypeAdapter(IdempotencyKey).validate_python(key)
    assert got in str(caught.value)
