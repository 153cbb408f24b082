"""The request bodies ``vimod_client`` builds (no server needed)."""

from __future__ import annotations

from vimod_client import _calls


def _body(**kwargs: object) -> dict[str, object]:
    defaults: dict[str, object] = {"tasks": None, "thresholds": None, "metadata": None}
    call = _calls.classify(**{**defaults, "store": False, "extra": None, **kwargs})  # type: ignore[arg-type]
    assert call.json is not None
    return dict(call.json)


def test_context_is_sent_only_when_given() -> None:
    assert "context" not in _body(texts="đồ ngu")
    body = _body(
        texts=["đồ ngu", "hay quá"],
        context="Bài: giá xăng tăng",
        metadata=[{"context": "Bài A"}, None],
    )
    assert body["context"] == "Bài: giá xăng tăng"
    assert body["metadata"] == [{"context": "Bài A"}, None]
