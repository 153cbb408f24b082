"""``/v1/review`` over HTTP on SQLite and PostgreSQL: classify → queue → claim → decide →
feedback export, the decision feed, appeals, settings, stats, tenants and every error shape."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from models.tasks import TOXICITY
from service.config import Settings
from service.store import feedback_as_dict, iter_feedback
from tests.apiclient import bearer, issue_key, serve
from tests.service.service_checks import assert_error
from training.datasets.base import DataContext
from training.datasets.feedback import load as load_feedback

TEXTS = ["bọn chúng nó là lũ súc vật", "cảm ơn bạn nhiều nha", "đồ ngu như bò"]


@pytest.fixture
def review_client(settings: Settings, db: tuple[str, Engine]) -> Iterator[TestClient]:
    """A client whose queue takes every stored post (margin 1) and reviews none twice."""
    tuned = settings.model_copy(
        update={"review_margin": 1.0, "review_double_share": 0.0, "review_claim_max": 10}
    )
    with serve(tuned, engine=db[1]) as c:
        yield c


def _keys(client: TestClient, tenant: str = "default") -> dict[str, dict[str, str]]:
    app: FastAPI = client.app  # type: ignore[assignment]
    return {
        role: bearer(issue_key(app, role, subject=f"{tenant}-{role}", tenant=tenant).secret)
        for role in ("integrator", "moderator")
    }


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def test_stored_posts_flow_through_the_queue_into_feedback(
    review_client: TestClient, tmp_path: Path
) -> None:
    client, keys = review_client, _keys(review_client)
    body = {"texts": TEXTS, "store": True, "context": "Bài: giá xăng tăng", "tasks": ["toxicity"]}
    results = _ok(client.post("/v1/classify", json=body, headers=keys["integrator"]))["results"]

    claimed = _ok(client.post("/v1/review/claim", json={"count": 10}, headers=keys["moderator"]))
    slots = claimed["slots"]
    assert {s["prediction_id"] for s in slots} == {r["id"] for r in results}
    assert {s["context"] for s in slots} == {"Bài: giá xăng tăng"}
    assert all(s["model_versions"]["toxicity"] for s in slots)
    by_text = {s["text"]: s for s in slots}
    first = by_text[TEXTS[0]]

    decision = {
        "labels": {"toxicity": "HATE"},
        "action": "remove",
        "spans": [{"start": 0, "end": 3}],
    }
    url = f"/v1/review/slots/{first['slot_id']}/decision"
    made = _ok(client.post(url, json=decision, headers=keys["moderator"]))
    assert _ok(client.post(url, json=decision, headers=keys["moderator"])) == made
    other = {**decision, "labels": {"toxicity": "CLEAN"}}
    assert_error(
        client.post(url, json=other, headers=keys["moderator"]), 409, "Conflict", "already decided"
    )

    rest = [
        {"slot_id": s["slot_id"], "labels": {"toxicity": "CLEAN"}, "action": "approve"}
        for s in slots
        if s is not first
    ]
    bulk = _ok(
        client.post(
            "/v1/review/decisions/bulk", json={"decisions": rest}, headers=keys["moderator"]
        )
    )
    assert len(bulk["decisions"]) == len(rest)

    feed = _ok(client.get("/v1/review/decisions", params={"limit": 2}, headers=keys["integrator"]))
    assert feed["has_more"] and feed["items"][0]["id"] == made["id"]
    tail = _ok(
        client.get(
            "/v1/review/decisions",
            params={"since": feed["next_cursor"]},
            headers=keys["integrator"],
        )
    )
    assert len(feed["items"]) + len(tail["items"]) == len(TEXTS) and not tail["has_more"]

    # Trainers get the decisions through the ordinary feedback export.
    app: FastAPI = client.app  # type: ignore[assignment]
    export = tmp_path / "feedback.jsonl"
    with app.state.sessions() as session:
        rows = [feedback_as_dict(r) for r in iter_feedback(session=session, task="toxicity")]
    export.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    examples = load_feedback(str(export), DataContext(task=TOXICITY, data_dir=tmp_path))
    assert {(e.text, e.label) for e in examples} == {
        (TEXTS[0], "HATE"),
        (TEXTS[1], "CLEAN"),
        (TEXTS[2], "CLEAN"),
    }

    item = first["item_id"]
    appealed = _ok(
        client.post(
            f"/v1/review/items/{item}/appeal",
            json={"note": "châm biếm"},
            headers=keys["integrator"],
        )
    )
    assert (appealed["status"], appealed["round"]) == ("pending", 1)
    assert appealed["previous"][0]["labels"] == {"toxicity": "HATE"}
    assert_error(
        client.post(f"/v1/review/items/{item}/appeal", headers=keys["integrator"]),
        409,
        "Conflict",
        "not decided",
    )
    history = _ok(client.get("/v1/review/history", headers=keys["moderator"]))
    assert made["id"] in {d["id"] for d in history["items"]}
    stats = _ok(client.get("/v1/review/stats", headers=keys["moderator"]))
    assert stats["pending_items"] == 1 and stats["moderators"][0]["decided"] == len(TEXTS)


def test_errors_have_the_one_shape(review_client: TestClient) -> None:
    client, keys = review_client, _keys(review_client)
    mod = keys["moderator"]
    results = _ok(
        client.post(
            "/v1/classify", json={"text": TEXTS[0], "store": True}, headers=keys["integrator"]
        )
    )["results"]
    assert_error(
        client.post("/v1/review/claim", json={"count": 11}, headers=mod),
        422,
        "Validation",
        "review_claim_max",
    )
    assert_error(
        client.post("/v1/review/claim", json={"count": 1, "lease_minutes": 100000}, headers=mod),
        422,
        "Validation",
    )
    assert_error(
        client.post("/v1/review/slots/nope/release", headers=mod), 404, "NotFound", "no review slot"
    )
    [slot] = _ok(client.post("/v1/review/claim", json={"count": 1}, headers=mod))["slots"]
    url = f"/v1/review/slots/{slot['slot_id']}/decision"
    wrong = {"labels": {"toxicity": "UNRELIABLE"}, "action": "remove"}
    assert_error(client.post(url, json=wrong, headers=mod), 422, "Validation", "UNRELIABLE")
    unknown = {"labels": {"toxicity": "EVIL"}, "action": "remove"}
    assert_error(client.post(url, json=unknown, headers=mod), 422, "Validation", "unknown label")
    span = {"labels": {"toxicity": "HATE"}, "action": "remove", "spans": [{"start": 0, "end": 999}]}
    assert_error(client.post(url, json=span, headers=mod), 422, "Validation", "not within the post")

    other = _keys(client, tenant="other-org")
    decision = {"labels": {"toxicity": "HATE"}, "action": "remove"}
    assert_error(client.post(url, json=decision, headers=other["moderator"]), 404, "NotFound")
    peer = bearer(issue_key(client.app, "moderator", subject="peer").secret)  # type: ignore[arg-type]
    assert_error(client.post(url, json=decision, headers=peer), 409, "Conflict", "do not hold")
    _ok(client.post(f"/v1/review/slots/{slot['slot_id']}/release", headers=mod), 204)
    assert_error(
        client.post(f"/v1/review/slots/{slot['slot_id']}/skip", headers=mod),
        409,
        "Conflict",
        "claim it first",
    )
    report = {"prediction_id": results[0]["id"]}
    assert_error(
        client.post("/v1/review/reports", json=report, headers=other["integrator"]), 404, "NotFound"
    )
    assert (
        _ok(client.post("/v1/review/reports", json=report, headers=keys["integrator"]), 201)[
            "reason"
        ]
        == "reported"
    )
    assert_error(
        client.get("/v1/review/decisions", params={"since": "xyz"}, headers=keys["integrator"]),
        422,
        "Validation",
        "cursor",
    )
    assert_error(
        client.post("/v1/review/items/nope/appeal", headers=keys["integrator"]), 404, "NotFound"
    )
    assert_error(
        client.post("/v1/classify", json={"text": "x", "context": " "}, headers=keys["integrator"]),
        422,
        "Validation",
        "context",
    )


def test_blur_setting_per_moderator(review_client: TestClient) -> None:
    client, keys = review_client, _keys(review_client)
    mod = keys["moderator"]
    assert _ok(client.get("/v1/review/settings", headers=mod)) == {"blur": True}
    assert _ok(client.put("/v1/review/settings", json={"blur": False}, headers=mod)) == {
        "blur": False
    }
    assert _ok(client.get("/v1/review/settings", headers=mod)) == {"blur": False}
    assert_error(
        client.put("/v1/review/settings", json={"blur": "no"}, headers=mod), 422, "Validation"
    )
