"""The client's result types against the response schemas of ``docs/openapi.json``.

Every field the server must send is read, and no field is invented: a new required field
in a response fails here until the client reads it too.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from vimod_client import types

SCHEMAS = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "openapi.json").read_text("utf-8")
)["components"]["schemas"]

# client type -> (response schema, fields the client adds from headers)
MIRRORS = {
    types.TaskResult: ("TaskResult", set()),
    types.ClassifyResult: ("ClassifyResult", set()),
    types.Feedback: ("FeedbackOut", {"replayed"}),
    types.FeedbackPage: ("FeedbackPage", set()),
    types.ModelVersion: ("ModelVersionOut", set()),
    types.Info: ("InfoResponse", set()),
}


@pytest.mark.parametrize("cls", list(MIRRORS), ids=lambda c: c.__name__)
def test_the_type_reads_every_required_field_and_invents_none(cls: type) -> None:
    name, added = MIRRORS[cls]
    schema = SCHEMAS[name]
    fields = {f.name for f in dataclasses.fields(cls)} - added

    assert set(schema.get("required", [])) <= fields, name
    assert fields <= set(schema["properties"]), name


def test_examples_of_the_contract_parse() -> None:
    from service.examples import CLASSIFY_RESPONSE, FEEDBACK_RESPONSE

    results = types.classify_results(CLASSIFY_RESPONSE)
    feedback = types.Feedback.from_json(FEEDBACK_RESPONSE)

    assert results[0].categories["toxicity"].label == "OFFENSIVE"
    assert feedback.created_at.utcoffset() is not None and not feedback.replayed
