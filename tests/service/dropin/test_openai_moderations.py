"""``POST /v1/moderations`` through the real ``openai`` SDK against a live vimod server.

The SDK is the client integrators would point at vimod, so its parsing and its exception
classes are what these tests check, sync and async; raw HTTP checks the JSON itself
(``null`` for categories vimod does not assess, never ``false``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
from fastapi import FastAPI

from service.app import create_app
from service.config import Settings
from service.dropin.mappings import load_mappings
from tests.apiclient import bearer, issue_key
from tests.service.conftest import LIMITS
from tests.service.live_server import live_server

CLEAN = "cảm ơn bạn nhiều nha"
TOXIC = "bọn chúng nó là lũ súc vật cần bị đuổi khỏi đất nước"
NOT_ASSESSED = load_mappings().openai.not_assessed


@pytest.fixture(scope="module")
def server(
    seed_registry: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[FastAPI, str]]:
    folder = tmp_path_factory.mktemp("openai-dropin")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'api.db'}",
        registry_dir=seed_registry,
        secrets_dir=folder / "secrets",
        **LIMITS,
    )
    app = create_app(settings)
    with live_server(app) as url:
        yield app, url


@pytest.fixture(scope="module")
def key(server: tuple[FastAPI, str]) -> str:
    return issue_key(server[0], "integrator").secret


def _client(url: str, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0, timeout=60)


def test_sdk_parses_a_batch_in_input_order(server: tuple[FastAPI, str], key: str) -> None:
    result = _client(server[1], key).moderations.create(input=[CLEAN, TOXIC])

    assert result.id.startswith("modr-")
    assert result.model.startswith("vimod-toxicity@")
    clean, toxic = result.results
    assert clean.flagged is False and clean.categories.hate is False
    assert toxic.flagged is True
    assert toxic.categories.hate is True
    assert 0.5 <= toxic.category_scores.hate <= 1.0
    assert 0.0 <= toxic.category_scores.harassment <= 1.0
    # Not assessed: the SDK reads null as None, never a confident False.
    for moderation in (clean, toxic):
        assert moderation.categories.self_harm is None
        assert moderation.categories.sexual is None
        assert moderation.categories.violence is None
        assert moderation.category_scores.violence_graphic is None
        assert moderation.category_applied_input_types.hate == ["text"]
        # vimod's own category survives as an extra key of the SDK's model.
        assert isinstance(moderation.categories.model_extra["vimod/misinformation"], bool)


def test_single_string_and_text_parts_are_accepted(server: tuple[FastAPI, str], key: str) -> None:
    client = _client(server[1], key)
    single = client.moderations.create(input=TOXIC, model="omni-moderation-latest")
    parts = client.moderations.create(input=[{"type": "text", "text": TOXIC}])

    assert len(single.results) == len(parts.results) == 1
    assert single.results[0].category_scores.hate == parts.results[0].category_scores.hate


def test_scores_and_flags_match_classify(server: tuple[FastAPI, str], key: str) -> None:
    url = server[1]
    body = {"texts": [CLEAN, TOXIC], "tasks": ["toxicity"]}
    classified = httpx.post(f"{url}/v1/classify", json=body, headers=bearer(key), timeout=60)
    moderated = httpx.post(
        f"{url}/v1/moderations", json={"input": [CLEAN, TOXIC]}, headers=bearer(key), timeout=60
    )
    assert classified.status_code == moderated.status_code == 200, moderated.text

    for want, got in zip(classified.json()["results"], moderated.json()["results"], strict=True):
        tox = want["categories"]["toxicity"]
        assert got["category_scores"]["harassment"] == tox["scores"]["OFFENSIVE"]
        assert got["category_scores"]["hate"] == tox["scores"]["HATE"]
        assert got["categories"]["harassment"] == ("OFFENSIVE" in tox["flagged_labels"])
        assert got["categories"]["hate"] == ("HATE" in tox["flagged_labels"])
        for name in NOT_ASSESSED:
            assert got["categories"][name] is None and got["category_scores"][name] is None
            assert got["category_applied_input_types"][name] == []


def _error(exc: openai.APIStatusError) -> dict[str, Any]:
    body = exc.response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"message", "type", "param", "code"}
    return dict(body["error"])


def test_invalid_key_raises_authentication_error(server: tuple[FastAPI, str]) -> None:
    with pytest.raises(openai.AuthenticationError) as caught:
        _client(server[1], "vimod_not-a-key").moderations.create(input=CLEAN)

    assert caught.value.status_code == 401
    assert caught.value.code == "invalid_api_key"
    assert _error(caught.value)["type"] == "invalid_request_error"


def test_image_and_empty_inputs_raise_bad_request(server: tuple[FastAPI, str], key: str) -> None:
    client = _client(server[1], key)
    image = {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}
    with pytest.raises(openai.BadRequestError) as caught:
        client.moderations.create(input=[{"type": "text", "text": CLEAN}, image])
    assert "input[1] is an image" in caught.value.message
    assert _error(caught.value)["type"] == "invalid_request_error"

    with pytest.raises(openai.BadRequestError):
        client.moderations.create(input=[])
    with pytest.raises(openai.BadRequestError) as caught:
        client.moderations.create(input=CLEAN, extra_body={"temperature": 1})
    assert caught.value.param == "temperature"


def test_quota_raises_rate_limit_error_with_retry_after(server: tuple[FastAPI, str]) -> None:
    client = _client(server[1], issue_key(server[0], "integrator", requests_per_minute=1).secret)
    client.moderations.create(input=CLEAN)
    with pytest.raises(openai.RateLimitError) as caught:
        client.moderations.create(input=CLEAN)

    assert caught.value.status_code == 429
    assert caught.value.code == "rate_limit_exceeded"
    assert int(caught.value.response.headers["Retry-After"]) >= 1


def test_async_client_success_and_errors(server: tuple[FastAPI, str], key: str) -> None:
    async def run() -> None:
        good = openai.AsyncOpenAI(base_url=f"{server[1]}/v1", api_key=key, max_retries=0)
        bad = openai.AsyncOpenAI(base_url=f"{server[1]}/v1", api_key="nope", max_retries=0)
        result = await good.moderations.create(input=[TOXIC])
        assert result.results[0].flagged is True
        with pytest.raises(openai.AuthenticationError):
            await bad.moderations.create(input=CLEAN)
        with pytest.raises(openai.BadRequestError):
            await good.moderations.create(input=[CLEAN] * (LIMITS["max_client_batch_size"] + 1))
        await good.close()
        await bad.close()

    asyncio.run(run())


def test_transport_errors_keep_openai_shape(server: tuple[FastAPI, str], key: str) -> None:
    url = f"{server[1]}/v1/moderations"
    broken = httpx.post(url, content=b"{", headers={**bearer(key), "content-type": "json"})
    huge = httpx.post(url, json={"input": "x" * LIMITS["payload_limit"]}, headers=bearer(key))
    long = httpx.post(url, json={"input": "x" * 501}, headers=bearer(key))

    assert broken.status_code == 400 and broken.json()["error"]["type"] == "invalid_request_error"
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "payload_too_large"
    assert long.status_code == 400 and "max_input_chars" in long.json()["error"]["message"]
    assert int(huge.headers["content-length"]) == len(huge.content)
