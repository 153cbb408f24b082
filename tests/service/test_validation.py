"""``service.validation``: the limits, names and alignment checks behind every text route."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from models.base import PostMetadata
from models.errors import InputError
from service.config import Settings
from service.schemas import ClassifyRequest
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
        ({"text": "a", "tasks": []}, "tasks is empty"),
    ],
)
def test_refusals_name_the_limit_or_field(body: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        _check(**body)


def test_settings_refuse_a_queue_smaller_than_a_batch() -> None:
    import pytest
    from pydantic import ValidationError

    from service.config import Settings

    with pytest.raises(ValidationError, match="max_queue"):
        Settings(max_queue=4, max_client_batch_size=8)
