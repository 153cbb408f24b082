"""``POST /v1/classify``: each post's ``context`` reaches the models, counts, and is stored."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models.base import PostMetadata
from service.runtime import ModelRuntime
from service.tables import StoredPrediction


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[list[PostMetadata | None]]:
    """The metadata every model was called with."""
    calls: list[list[PostMetadata | None]] = []
    score = ModelRuntime.score

    async def spy(
        self: ModelRuntime, task: str, texts: Any, metadata: Any, *a: Any, **k: Any
    ) -> Any:
        calls.append(list(metadata))
        return await score(self, task, texts, metadata, *a, **k)

    monkeypatch.setattr(ModelRuntime, "score", spy)
    return calls


def _post(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/v1/classify", json={"tasks": ["toxicity"], **body})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def test_each_post_gets_its_own_context_or_the_requests(
    shared_api: TestClient, seen: list[list[PostMetadata | None]]
) -> None:
    texts = ["đồ ngu", "hay quá", "cảm ơn"]
    metadata = [{"context": "Bài: cướp giật"}, None, {"likes": 3}]
    _post(shared_api, texts=texts, metadata=metadata, context="Bài: giá xăng tăng")
    _post(shared_api, texts=texts)
    assert seen[0] == [
        PostMetadata(context="Bài: cướp giật"),
        PostMetadata(context="Bài: giá xăng tăng"),
        PostMetadata(likes=3, context="Bài: giá xăng tăng"),
    ]
    assert seen[1] == [None, None, None]  # absent: the models get what they always got


def test_a_model_trained_without_contexts_scores_the_same_with_one(
    shared_api: TestClient,
) -> None:
    """The seed model saw no context in training (no context block), so a context given
    with a post changes nothing."""
    texts = ["đồ ngu như bò", "bài viết hay quá"]
    plain = _post(shared_api, texts=texts)["results"]
    given = _post(shared_api, texts=texts, metadata=[{"context": "giết người dã man"}, None])[
        "results"
    ]
    assert [r["categories"] for r in given] == [r["categories"] for r in plain]


def test_stored_posts_keep_their_own_context(client: TestClient, db: tuple[str, Engine]) -> None:
    results = _post(
        client,
        texts=["đồ ngu", "hay quá"],
        metadata=[{"context": "Bài A"}, None],
        context="Bài chung",
        store=True,
    )["results"]
    with Session(db[1]) as session:
        rows = session.scalars(
            select(StoredPrediction).where(StoredPrediction.id.in_([r["id"] for r in results]))
        ).all()
    assert {r.text: r.context for r in rows} == {"đồ ngu": "Bài A", "hay quá": "Bài chung"}
