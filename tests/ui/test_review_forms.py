"""The review pages' form posts on SQLite and PostgreSQL: bad input is a notice, never a 500."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from service.app import create_app
from service.config import Settings
from service.review.tables import ReviewDecision
from tests.apiclient import issue_key
from tests.ui.review_data import enqueue
from tests.ui.session_client import csrf_of, ui_sign_in


@pytest.fixture
def signed_in(settings: Settings, db: tuple[str, Engine]) -> Iterator[TestClient]:
    """A moderator of their own tenant, signed in, holding two claimed posts."""
    fields = settings.model_copy(update={"review_double_share": 0.0})
    with TestClient(create_app(fields, engine=db[1]), follow_redirects=False) as client:
        issued = issue_key(client.app, "moderator", subject="lan", tenant="forms")  # type: ignore[arg-type]
        enqueue(client.app, issued.record.tenant_id, [("Giỏi vãi đái", "vãi đái"), ("mù hả", None)])  # type: ignore[arg-type]
        ui_sign_in(client, issued.secret)
        token = csrf_of(client.get("/ui/queue").text)
        claimed = client.post("/ui/queue/claim", data={"csrf": token, "count": "5"})
        assert claimed.headers["location"] == "/ui/queue?notice=claimed"
        yield client


def _post(client: TestClient, path: str, **fields: str | list[str]) -> str:
    page = client.get("/ui/queue")
    response = client.post(path, data={"csrf": csrf_of(page.text), **fields})
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def _slots(client: TestClient) -> list[str]:
    return re.findall(r'name="slot_id" value="([^"]+)"', client.get("/ui/queue").text)


def test_bad_input_comes_back_as_a_notice(signed_in: TestClient) -> None:
    slot = _slots(signed_in)[0]
    assert _post(signed_in, "/ui/queue/claim", count="many").endswith("error=input")
    assert _post(signed_in, "/ui/queue/claim", count="100000").endswith("error=input")
    assert _post(
        signed_in, "/ui/queue/decide", slot_id=slot, **{"label:toxicity": "NICE"}
    ).endswith("error=input")
    assert _post(signed_in, "/ui/queue/decide", slot_id=slot).endswith("error=input")
    assert _post(
        signed_in, "/ui/queue/decide", slot_id="nope", **{"label:toxicity": "HATE"}
    ).endswith("error=missing")
    assert _post(signed_in, "/ui/queue/bulk", **{"label:toxicity": "HATE"}).endswith("error=input")
    assert _post(signed_in, "/ui/queue/release", slot_id="x\x00").endswith("error=missing")
    assert signed_in.get("/ui/history?offset=abc").status_code == 200
    assert len(_slots(signed_in)) == 2, "nothing was decided"


def test_decide_release_and_a_decided_slot_is_a_conflict(
    signed_in: TestClient, db: tuple[str, Engine]
) -> None:
    first, second = _slots(signed_in)
    assert _post(
        signed_in,
        "/ui/queue/decide",
        slot_id=first,
        action="escalate",
        reason=" nói tục ",
        **{"label:toxicity": "OFFENSIVE"},
    ).endswith("notice=decided")
    assert _post(
        signed_in, "/ui/queue/decide", slot_id=first, **{"label:toxicity": "CLEAN"}
    ).endswith("error=conflict")
    assert _post(signed_in, "/ui/queue/release", slot_id=second).endswith("notice=released")
    assert _slots(signed_in) == []
    with signed_in.app.state.sessions() as session:  # type: ignore[attr-defined]
        rows = list(session.scalars(select(ReviewDecision)))
    assert [(r.slot_id, r.labels, r.action, r.reason) for r in rows] == [
        (first, {"toxicity": "OFFENSIVE"}, "escalate", "nói tục")
    ]


def test_blur_setting_is_saved(signed_in: TestClient) -> None:
    page = signed_in.get("/ui/settings")
    assert 'id="blur" name="blur" checked' in page.text
    saved = signed_in.post("/ui/settings", data={"csrf": csrf_of(page.text)})
    assert saved.headers["location"] == "/ui/settings?notice=saved"
    assert 'id="blur" name="blur">' in signed_in.get("/ui/settings").text
    assert 'data-blurred="false"' in signed_in.get("/ui/queue").text
