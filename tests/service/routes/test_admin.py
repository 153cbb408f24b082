"""The admin API over HTTP on SQLite and PostgreSQL: keys, subjects, audit, erasure, tenants.

Also the feedback rules that depend on who is calling: attribution to the key's subject, tenant
scoping of predictions and feedback, and Idempotency-Key scoped per API key.
"""

from __future__ import annotations

import re
import time
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from service.app import create_app
from service.config import Settings
from service.identity import get_or_create_subject
from service.tables import DEFAULT_TENANT
from tests.apiclient import admin_key, bearer, issue_key
from tests.service.service_checks import assert_error, dump_store

KEY_SHAPE = re.compile(r"^vmk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")


def _create_key(client: TestClient, role: str, subject: str, **extra: Any) -> dict[str, Any]:
    body = {"name": f"{subject}'s {role} key", "role": role, "subject": subject, **extra}
    response = client.post("/v1/keys", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _json(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def _stored(client: TestClient, *texts: str) -> list[str]:
    """Classify ``texts`` with ``store: true`` (as the client's key); their prediction ids."""
    body = _json(client.post("/v1/classify", json={"texts": list(texts), "store": True}))
    return [r["id"] for r in body["results"]]


def _app(client: TestClient) -> FastAPI:
    app: FastAPI = client.app  # type: ignore[assignment]
    return app


def test_a_created_key_works_until_it_is_revoked(client: TestClient) -> None:
    created = _create_key(client, "moderator", "Lan")
    match = KEY_SHAPE.match(created["key"])
    assert match is not None, created
    assert match.group(1) == created["id"]
    assert (created["role"], created["revoked_at"]) == ("moderator", None)
    lan = bearer(created["key"])
    assert client.get("/v1/feedback", headers=lan).status_code == 200
    assert_error(client.get("/v1/keys", headers=lan), 403, "Forbidden", "admin")

    revoked = _json(client.delete(f"/v1/keys/{created['id']}"))

    assert revoked["revoked_at"] is not None
    response = client.get("/v1/feedback", headers=lan)  # cached a moment ago: forgotten at once
    assert_error(response, 401, "Unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert_error(client.delete(f"/v1/keys/{created['id']}"), 409, "Conflict")
    assert_error(client.delete("/v1/keys/0123456789abcdef"), 404, "NotFound")


def test_key_list_holds_no_secret_and_records_last_use(
    client: TestClient, settings: Settings
) -> None:
    used = _create_key(client, "integrator", "crawler", subject_kind="system")
    unused = _create_key(client, "trainer", "Minh")
    assert client.get("/v1/info", headers=bearer(used["key"])).status_code == 200

    response = client.get("/v1/keys")

    items = {k["id"]: k for k in _json(response)["items"]}
    assert set(items) >= {used["id"], unused["id"]}
    for key in (used["key"], unused["key"], admin_key(settings)):
        assert KEY_SHAPE.match(key)
        assert key.split("_", 2)[2] not in response.text
    assert all("key" not in item and "secret_hash" not in item for item in items.values())
    assert items[used["id"]]["last_used_at"] is not None
    assert items[unused["id"]]["last_used_at"] is None


def test_subjects_can_be_trusted_and_key_changes_are_audited(
    client: TestClient, settings: Settings
) -> None:
    admin_id = admin_key(settings).split("_")[1]
    created = _create_key(client, "moderator", "Hoa")
    subject_id = created["subject_id"]

    trusted = _json(client.patch(f"/v1/subjects/{subject_id}", json={"trusted": True}))
    _json(client.delete(f"/v1/keys/{created['id']}"))

    assert (trusted["id"], trusted["name"], trusted["trusted"]) == (subject_id, "Hoa", True)
    subjects = {s["name"]: s for s in _json(client.get("/v1/subjects"))["items"]}
    assert subjects["Hoa"]["trusted"] is True and subjects["Hoa"]["kind"] == "person"
    assert subjects["admin"]["trusted"] is False and subjects["admin"]["kind"] == "system"
    events = _json(client.get("/v1/audit", params={"limit": 3}))["items"]
    assert [(e["action"], e["target"], e["actor_key_id"]) for e in events] == [
        ("key.revoke", created["id"], admin_id),
        ("subject.trust", subject_id, admin_id),
        ("key.create", created["id"], admin_id),
    ]
    assert events[2]["details"] == {"role": "moderator", "subject_id": subject_id}
    assert_error(
        client.patch(f"/v1/subjects/{subject_id}", json={"trusted": "yes"}), 422, "Validation"
    )
    assert_error(
        client.patch("/v1/subjects/no-such-subject", json={"trusted": True}), 404, "NotFound"
    )


def test_a_legacy_label_author_cannot_own_a_key(client: TestClient) -> None:
    with _app(client).state.sessions() as session:
        get_or_create_subject(
            session=session, tenant_id=DEFAULT_TENANT, name="mod-2019", kind="legacy"
        )
        session.commit()

    response = client.post(
        "/v1/keys", json={"name": "revived", "role": "moderator", "subject": "mod-2019"}
    )

    assert_error(response, 403, "Forbidden", "legacy")


def test_tenants_see_and_touch_only_their_own_keys_posts_and_labels(client: TestClient) -> None:
    app = _app(client)
    [ours] = _stored(client, "bài của tenant mặc định")
    _json(client.post("/v1/feedback", json={"prediction_id": ours, "label": "CLEAN"}), 201)
    our_moderator = _create_key(client, "moderator", "Lan")
    their_admin = bearer(issue_key(app, "admin", subject="boss", tenant="globex").secret)
    their_moderator = bearer(issue_key(app, "moderator", subject="Lan", tenant="globex").secret)

    their_keys = _json(client.get("/v1/keys", headers=their_admin))["items"]
    revoke = client.delete(f"/v1/keys/{our_moderator['id']}", headers=their_admin)
    trust = client.patch(
        f"/v1/subjects/{our_moderator['subject_id']}", json={"trusted": True}, headers=their_admin
    )
    erase = client.post("/v1/erasures", json={"prediction_id": ours}, headers=their_admin)
    their_feedback = _json(client.get("/v1/feedback", headers=their_moderator))
    label = client.post(
        "/v1/feedback", json={"prediction_id": ours, "label": "HATE"}, headers=their_moderator
    )

    [their_tenant] = {k["tenant_id"] for k in their_keys}
    assert their_tenant != DEFAULT_TENANT and len(their_keys) == 2
    assert_error(revoke, 404, "NotFound")
    assert_error(trust, 404, "NotFound")
    assert _json(erase)["predictions"] == 0
    assert (their_feedback["total"], their_feedback["items"]) == (0, [])
    assert_error(label, 404, "NotFound")
    their_audit = _json(client.get("/v1/audit", headers=their_admin))["items"]
    assert [e["action"] for e in their_audit] == ["post.erase"]  # their own, counting nothing
    assert their_audit[0]["details"] == {"predictions": 0, "feedback": 0}
    # ours is untouched: the key works, the post is still there and takes labels
    assert client.get("/v1/feedback", headers=bearer(our_moderator["key"])).status_code == 200
    mine = client.post(
        "/v1/feedback",
        json={"prediction_id": ours, "label": "OFFENSIVE"},
        headers=bearer(our_moderator["key"]),
    )
    assert _json(mine, 201)["text"] == "bài của tenant mặc định"
    assert _json(client.get("/v1/feedback"))["total"] == 2
    assert "post.erase" not in {e["action"] for e in _json(client.get("/v1/audit"))["items"]}


def test_erasure_removes_the_text_everywhere_and_leaves_a_tombstone(
    client: TestClient, db: tuple[str, Engine]
) -> None:
    first, second, kept = "bài thứ nhất cần xoá", "bài thứ hai cần xoá", "bài này ở lại"
    p_first, p_second = _stored(client, first, second)
    for body in (
        {"prediction_id": p_first, "label": "HATE", "note": "ghi chú"},
        {"prediction_id": p_second, "label": "CLEAN"},
        {"text": first, "label": "OFFENSIVE"},  # the same post, labelled as raw text
        {"text": kept, "label": "CLEAN"},
    ):
        _json(client.post("/v1/feedback", json=body), 201)

    by_id = _json(client.post("/v1/erasures", json={"prediction_id": p_first}))
    by_text = _json(client.post("/v1/erasures", json={"text": second}))

    assert (by_id["predictions"], by_id["feedback"]) == (1, 2)
    assert (by_text["predictions"], by_text["feedback"]) == (1, 1)
    stored = dump_store(db[1])
    assert kept in stored  # the dump does hold post texts
    assert first not in stored and second not in stored and "ghi chú" not in stored
    events = _json(client.get("/v1/audit", params={"limit": 2}))["items"]
    assert [(e["id"], e["action"], e["target"]) for e in events] == [
        (by_text["audit_id"], "post.erase", "text"),
        (by_id["audit_id"], "post.erase", p_first),
    ]
    assert events[1]["details"] == {"predictions": 1, "feedback": 2}
    texts = sorted(f["text"] for f in _json(client.get("/v1/feedback"))["items"])
    assert texts == ["", "", "", kept]
    relabel = client.post("/v1/feedback", json={"prediction_id": p_first, "label": "HATE"})
    assert_error(relabel, 404, "NotFound")
    assert_error(client.post("/v1/erasures", json={}), 422, "Validation")
    both = {"prediction_id": p_second, "text": second}
    assert_error(client.post("/v1/erasures", json=both), 422, "Validation")


def test_feedback_naming_someone_else_is_refused_and_stores_nothing(client: TestClient) -> None:
    lan = _create_key(client, "moderator", "Lan")
    body = {"text": "đồ ngu", "label": "OFFENSIVE"}

    spoofed = client.post(
        "/v1/feedback", json={**body, "moderator_id": "Minh"}, headers=bearer(lan["key"])
    )

    assert_error(spoofed, 403, "Forbidden", "Minh")
    assert _json(client.get("/v1/feedback"))["total"] == 0
    own = _json(
        client.post(
            "/v1/feedback", json={**body, "moderator_id": "Lan"}, headers=bearer(lan["key"])
        ),
        201,
    )
    assert (own["moderator_id"], own["subject_id"], own["key_id"]) == (
        "Lan",
        lan["subject_id"],
        lan["id"],
    )
    assert _json(client.get("/v1/feedback"))["total"] == 1


def test_idempotency_keys_of_two_api_keys_do_not_collide(client: TestClient) -> None:
    lan = bearer(_create_key(client, "moderator", "Lan")["key"])
    minh = bearer(_create_key(client, "moderator", "Minh")["key"])
    body = {"text": "đồ ngu", "label": "OFFENSIVE"}

    first = client.post("/v1/feedback", json=body, headers={**lan, "Idempotency-Key": "retry-1"})
    other = client.post("/v1/feedback", json=body, headers={**minh, "Idempotency-Key": "retry-1"})
    again = client.post("/v1/feedback", json=body, headers={**lan, "Idempotency-Key": "retry-1"})

    assert _json(first, 201)["moderator_id"] == "Lan"
    assert _json(other, 201)["moderator_id"] == "Minh"
    assert "Idempotent-Replayed" not in other.headers
    assert _json(again, 201)["id"] == first.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert _json(client.get("/v1/feedback"))["total"] == 2


def test_another_instance_refuses_a_revoked_key_after_its_cache_time(
    client: TestClient, settings: Settings
) -> None:
    created = _create_key(client, "moderator", "Lan")
    lan = bearer(created["key"])
    other_settings = settings.model_copy(update={"key_cache_seconds": 0.5})
    with TestClient(create_app(other_settings)) as other:  # its own engine on the same store
        assert other.get("/v1/feedback", headers=lan).status_code == 200  # now in its cache

        _json(client.delete(f"/v1/keys/{created['id']}"))
        assert_error(client.get("/v1/feedback", headers=lan), 401, "Unauthorized")
        time.sleep(0.6)

        assert_error(other.get("/v1/feedback", headers=lan), 401, "Unauthorized")
