"""Request and response examples for the OpenAPI contract (``docs/openapi.json``).

Generated clients and the docs page show these; ``tests/service/test_openapi.py`` sends
the request examples to a real app, so each one stays valid. Values are illustrative, never dataset rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_VERSION = "20240501-083000-baseline-3f2a"
_MISINFO_VERSION = "20240501-083000-baseline-9c1d"
_PREDICTION_ID = "0b7e3c1a-5d2f-4c8e-9a61-2f4d8b7c9e10"

CLASSIFY_REQUESTS: dict[str, dict[str, Any]] = {
    "one": {
        "summary": "One post, toxicity only",
        "value": {"text": "bài viết hay quá", "tasks": ["toxicity"]},
    },
    "batch": {
        "summary": "A batch with a custom threshold, stored for feedback",
        "value": {
            "texts": ["bài viết hay quá", "đồ ngu"],
            "thresholds": {"HATE": 0.4},
            "store": True,
            "explain": True,
        },
    },
    "metadata": {
        "summary": "A post with engagement metadata (misinformation)",
        "value": {
            "text": "uống nước gừng chữa khỏi mọi bệnh",
            "tasks": ["misinformation"],
            "metadata": {"likes": 120, "shares": 45, "posted_at": "2024-05-01T08:30:00+07:00"},
        },
    },
    "skip_unsupported": {
        "summary": "Skip posts not in Vietnamese (they come back with skipped, flagged null)",
        "value": {"texts": ["ko bit j lun a oi", "这个视频太搞笑了"], "unsupported": "skip"},
    },
}

CLASSIFY_RESPONSE: dict[str, Any] = {
    "api_version": "v1",
    "results": [
        {
            "id": _PREDICTION_ID,
            "flagged": True,
            "categories": {
                "toxicity": {
                    "label": "OFFENSIVE",
                    "scores": {"CLEAN": 0.18, "OFFENSIVE": 0.71, "HATE": 0.11},
                    "flagged": True,
                    "flagged_labels": ["OFFENSIVE"],
                    "model": "baseline",
                    "model_version": _VERSION,
                    "spans": [{"start": 0, "end": 6, "text": "đồ ngu", "score": 0.93}],
                    "spans_model_version": "20240501-083000-span_crf-5b0e",
                },
                "misinformation": {
                    "label": "RELIABLE",
                    "scores": {"RELIABLE": 0.93, "UNRELIABLE": 0.07},
                    "flagged": False,
                    "flagged_labels": [],
                    "model": "baseline",
                    "model_version": _MISINFO_VERSION,
                },
            },
            "stored": True,
            "language": {"code": "vi", "supported": True},
            "skipped": None,
        }
    ],
}

FEEDBACK_REQUESTS: dict[str, dict[str, Any]] = {
    "prediction": {
        "summary": "Correct a stored prediction (classified with store: true)",
        "value": {"prediction_id": _PREDICTION_ID, "label": "CLEAN", "note": "trích dẫn"},
    },
    "text": {
        "summary": "Label a post that was never classified",
        "value": {"text": "đồ ngu", "task": "toxicity", "label": "OFFENSIVE"},
    },
}

FEEDBACK_RESPONSE: dict[str, Any] = {
    "id": "5e0c2a9b-1f3d-4b7a-8c6e-0d9f1a2b3c4d",
    "prediction_id": _PREDICTION_ID,
    "text": "đồ ngu",
    "task": "toxicity",
    "label": "CLEAN",
    "predicted_label": "OFFENSIVE",
    "model_version": _VERSION,
    "moderator_id": "lan",
    "subject_id": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "key_id": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
    "tenant_id": "default",
    "note": "trích dẫn",
    "created_at": "2024-05-01T01:30:00Z",
}


def request_examples(examples: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``openapi_extra`` adding named JSON request-body examples to an operation."""
    return {"requestBody": {"content": {"application/json": {"examples": examples}}}}


def with_example(
    responses: Mapping[int, Mapping[str, object]], status: int, example: dict[str, Any]
) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of an operation: ``responses`` plus a JSON example of ``status``."""
    out: dict[int | str, dict[str, Any]] = {code: dict(r) for code, r in responses.items()}
    out[status] = {"content": {"application/json": {"example": example}}}
    return out
