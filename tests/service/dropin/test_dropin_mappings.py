"""The dialect error tables and the mappings file, without a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.base import Prediction
from models.errors import InputError
from service.dropin.errors import google_error, openai_error
from service.dropin.mappings import MAPPINGS_FILE, LabelScore, load_mappings


@pytest.mark.parametrize(
    ("status", "error_type", "want"),
    [
        (422, "Validation", (400, "invalid_request_error", None)),
        (400, "InvalidJSON", (400, "invalid_request_error", None)),
        (401, "Unauthorized", (401, "invalid_request_error", "invalid_api_key")),
        (429, "QuotaExceeded", (429, "requests", "rate_limit_exceeded")),
        (413, "PayloadTooLarge", (413, "invalid_request_error", "payload_too_large")),
        (503, "Unhealthy", (503, "server_error", "service_unavailable")),
        (500, "Internal", (500, "server_error", None)),
    ],
)
def test_openai_errors(status: int, error_type: str, want: tuple[int, str, str | None]) -> None:
    body = {"error": "why", "error_type": error_type, "details": [{"field": "input"}]}
    got_status, shaped = openai_error(status, body)
    error = shaped["error"]
    assert (got_status, error["type"], error["code"]) == want
    assert error["message"] == "why" and error["param"] == "input"


@pytest.mark.parametrize(
    ("status", "want"),
    [
        (422, (400, "INVALID_ARGUMENT")),
        (413, (400, "INVALID_ARGUMENT")),
        (401, (401, "UNAUTHENTICATED")),
        (403, (403, "PERMISSION_DENIED")),
        (429, (429, "RESOURCE_EXHAUSTED")),
        (503, (503, "UNAVAILABLE")),
        (500, (500, "INTERNAL")),
    ],
)
def test_google_errors(status: int, want: tuple[int, str]) -> None:
    code, shaped = google_error(status, {"error": "why", "error_type": "X"})
    assert (code, shaped["error"]["status"]) == want
    assert shaped["error"]["code"] == code and "details" not in shaped["error"]


def test_mappings_file_names_real_labels_and_every_openai_category_once() -> None:
    openai = load_mappings().openai
    named = [*openai.categories, *openai.not_assessed]
    assert len(named) == len(set(named)) == 13  # OpenAI's 13 moderation categories
    assert set(load_mappings().perspective.attributes) == {
        "TOXICITY",
        "SEVERE_TOXICITY",
        "IDENTITY_ATTACK",
        "INSULT",
    }


def test_a_mapping_to_an_unknown_label_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        LabelScore.parse("toxicity:THREAT")
    bad = tmp_path / "mappings.toml"
    text = MAPPINGS_FILE.read_text("utf-8")
    bad.write_text(text.replace("toxicity:HATE", "toxicity:HAT"), "utf-8")
    with pytest.raises(InputError):
        load_mappings(bad)


def test_complement_scores_and_flags() -> None:
    p = Prediction("CLEAN", {"CLEAN": 0.7, "OFFENSIVE": 0.1, "HATE": 0.2}, True, ("HATE",))
    toxicity = LabelScore.parse("toxicity:1-CLEAN")
    insult = LabelScore.parse("toxicity:OFFENSIVE")
    assert toxicity.score(p) == pytest.approx(0.3) and toxicity.flagged(p)
    assert insult.score(p) == 0.1 and not insult.flagged(p)
