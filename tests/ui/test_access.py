"""Who may open each web UI route, with a session cookie (the UI's counterpart of
``tests/service/test_auth_matrix.py``, which covers bearer keys and leaves ``/ui`` out).

Runs on SQLite and PostgreSQL: sessions read their key from the store on every request.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError
from sqlalchemy import Engine

from service.app import create_app
from service.config import Settings
from service.identity import Role, parse_key
from service.ui.secret import SECRET_FILE
from tests.apiclient import admin_key, issue_key
from tests.ui.session_client import csrf_of, ui_sign_in

# (method, path) → least role (None: anyone), and what an allowed GET answers.
UI_ROUTES: dict[tuple[str, str], tuple[Role | None, int]] = {
    ("GET", "/ui/"): (Role.moderator, 200),
    ("GET", "/ui/login"): (None, 200),
    ("POST", "/ui/login"): (None, 403),  # without the form's CSRF token
    ("POST", "/ui/logout"): (None, 403),
    ("GET", "/ui/lang/{code}"): (None, 303),
    ("GET", "/ui/queue"): (Role.moderator, 200),
    ("POST", "/ui/queue/claim"): (Role.moderator, 403),  # signed in, without the CSRF token
    ("POST", "/ui/queue/decide"): (Role.moderator, 403),
    ("POST", "/ui/queue/skip"): (Role.moderator, 403),
    ("POST", "/ui/queue/release"): (Role.moderator, 403),
    ("POST", "/ui/queue/bulk"): (Role.moderator, 403),
    ("GET", "/ui/history"): (Role.moderator, 200),
    ("GET", "/ui/settings"): (Role.moderator, 200),
    ("POST", "/ui/settings"): (Role.moderator, 403),
    ("GET", "/ui/stats"): (Role.moderator, 200),
    ("GET", "/ui/models"): (Role.trainer, 200),
    ("GET", "/ui/{path:path}"): (None, 404),
}
SIGNED_IN_REDIRECTS = {("GET", "/ui/login")}  # a signed-in visitor is sent on to the page asked for
EXAMPLES = {"/ui/lang/{code}": "/ui/lang/en", "/ui/{path:path}": "/ui/nothing-here"}


def _ui_routes(app: FastAPI) -> set[tuple[str, str]]:
    return {
        (method, str(route.path))
        for route in iter_route_contexts(app.routes)
        for method in (route.methods or ())
        if method != "HEAD" and str(route.path).startswith("/ui")
    }


@pytest.fixture
def ui_client(settings: Settings, db: tuple[str, Engine]) -> Iterator[TestClient]:
    """A client with no key of its own, over both databases."""
    with TestClient(create_app(settings, engine=db[1]), follow_redirects=False) as client:
        yield client


def _signed_in(app: FastAPI, settings: Settings, role: str) -> TestClient:
    client = TestClient(app, follow_redirects=False)
    key = admin_key(settings) if role == "admin" else issue_key(app, role).secret
    response = ui_sign_in(client, key)
    assert response.status_code == 303, response.text
    return client


def test_every_ui_route_has_a_row(ui_client: TestClient) -> None:
    served = _ui_routes(ui_client.app)  # type: ignore[arg-type]
    assert served == set(UI_ROUTES)


@pytest.mark.parametrize("caller", [None, "moderator", "trainer", "admin"])
def test_ui_access_by_role(ui_client: TestClient, settings: Settings, caller: str | None) -> None:
    app: FastAPI = ui_client.app  # type: ignore[assignment]
    client = ui_client if caller is None else _signed_in(app, settings, caller)
    problems = []
    for (method, path), (least, ok) in UI_ROUTES.items():
        response = client.request(method, EXAMPLES.get(path, path))
        if least is None:
            expected = 303 if caller is not None and (method, path) in SIGNED_IN_REDIRECTS else ok
        elif caller is None:
            expected = 303
        else:
            expected = ok if Role[caller] >= least else 403
        if response.status_code != expected:
            problems.append(f"{path}: {response.status_code}, wanted {expected}")
        elif expected == 303 and least is not None:
            assert response.headers["location"].startswith("/ui/login?next=")
        if response.status_code in (200, 403, 404):
            assert response.headers["content-type"].startswith("text/html")
            assert "default-src 'none'" in response.headers["content-security-policy"]
            assert response.headers["cache-control"] == "no-store"
    assert problems == []


def test_bearer_keys_do_not_open_ui_pages(ui_client: TestClient, settings: Settings) -> None:
    response = ui_client.get("/ui/", headers={"Authorization": f"Bearer {admin_key(settings)}"})
    assert response.status_code == 303


def test_posts_without_the_right_csrf_token_get_the_403_page(
    ui_client: TestClient, settings: Settings
) -> None:
    key = issue_key(ui_client.app, "moderator").secret  # type: ignore[arg-type]
    page = ui_client.get("/ui/login")
    token = csrf_of(page.text)
    missing = ui_client.post("/ui/login", data={"key": key})
    wrong = ui_client.post("/ui/login", data={"key": key, "csrf": token[:-2] + "xx"})
    other_client = TestClient(ui_client.app, follow_redirects=False)
    stolen = other_client.post("/ui/login", data={"key": key, "csrf": token})

    for response in (missing, wrong, stolen):
        assert response.status_code == 403
        assert "CSRF" in response.text and "<title>Không được phép · vimod</title>" in response.text
        assert "vimod_session" not in response.cookies
    signed = ui_sign_in(ui_client, key)
    assert signed.status_code == 303
    assert ui_client.post("/ui/logout", data={}).status_code == 403
    assert ui_client.get("/ui/").status_code == 200, "the refused sign-out changed nothing"
    home = ui_client.get("/ui/")
    out = ui_client.post("/ui/logout", data={"csrf": csrf_of(home.text)})
    assert out.status_code == 303
    assert ui_client.get("/ui/").status_code == 303


def test_session_cookie_flags_and_contents(ui_client: TestClient, settings: Settings) -> None:
    key = issue_key(ui_client.app, "moderator").secret  # type: ignore[arg-type]
    response = ui_sign_in(ui_client, key, "/ui/stats")

    assert response.headers["location"] == "/ui/stats"
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("vimod_session=")
    )
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "path=/ui", "samesite=lax"} <= flags
    assert f"max-age={settings.ui_session_seconds}" in flags
    assert "secure" not in flags
    parsed = parse_key(key)  # not key.split("_"): a url-safe secret may itself hold "_"
    assert parsed is not None
    secret = parsed[1]
    assert len(secret) >= 32
    assert secret not in cookie and key not in cookie


def test_secure_cookies_by_setting(settings: Settings, db: tuple[str, Engine]) -> None:
    secure = settings.model_copy(update={"ui_cookie_secure": True})
    app = create_app(secure, engine=db[1])
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        response = ui_sign_in(client, admin_key(secure))
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("vimod_session=")
    )
    assert "secure" in cookie.lower()


def test_next_never_leaves_the_ui(ui_client: TestClient, settings: Settings) -> None:
    for target in ("https://evil.example/", "//evil.example/ui", "/v1/keys", "/ui\\@evil"):
        ui_client.cookies.clear()
        response = ui_sign_in(ui_client, admin_key(settings), target)
        assert response.headers["location"] == "/ui/", target
    assert ui_client.get("/ui/lang/en?next=https://evil.example").headers["location"] == "/ui/"


def test_tampered_or_foreign_session_cookies_sign_out(
    ui_client: TestClient, settings: Settings
) -> None:
    ui_sign_in(ui_client, admin_key(settings))
    cookie = ui_client.cookies.get("vimod_session")
    assert cookie
    ui_client.cookies.clear()
    ui_client.cookies.set("vimod_session", cookie[:-3] + "abc")

    response = ui_client.get("/ui/")

    assert response.status_code == 303
    assert "why=expired" in response.headers["location"]
    assert 'vimod_session=""' in response.headers["set-cookie"]
    # Well signed, but for a key whose stored hash it was not made from.
    other = issue_key(ui_client.app, "admin", subject="other")  # type: ignore[arg-type]
    codec = ui_client.app.state.ui.codec  # type: ignore[attr-defined]
    _, forged = codec.new_session(other.record.id, "0" * 64)
    ui_client.cookies.clear()
    ui_client.cookies.set("vimod_session", forged)
    response = ui_client.get("/ui/")
    assert response.status_code == 303 and "why=revoked" in response.headers["location"]


def test_forms_of_another_type_or_size_are_refused(
    settings: Settings, db: tuple[str, Engine]
) -> None:
    small = settings.model_copy(update={"ui_form_limit": 1024})
    with TestClient(create_app(small, engine=db[1]), follow_redirects=False) as client:
        token = csrf_of(client.get("/ui/login").text)
        as_json = client.post("/ui/login", json={"csrf": token, "key": "x"})
        too_big = client.post("/ui/login", data={"csrf": token, "key": "x" * 2000})
        not_utf8 = client.post(
            "/ui/login",
            content=b"csrf=" + token.encode() + b"&key=%ff%fe",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )

    assert as_json.status_code == 415 and "<html" in as_json.text
    assert too_big.status_code == 413 and "1024" in too_big.text
    assert not_utf8.status_code == 401, "undecodable bytes are just a wrong key"


def test_secret_is_generated_once_0600_and_sessions_survive_a_restart(
    settings: Settings, db: tuple[str, Engine]
) -> None:
    with TestClient(create_app(settings, engine=db[1]), follow_redirects=False) as first:
        ui_sign_in(first, admin_key(settings))
        cookie = first.cookies.get("vimod_session")
    path = settings.secrets_dir / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_text("utf-8")

    with TestClient(create_app(settings, engine=db[1]), follow_redirects=False) as second:
        second.cookies.set("vimod_session", cookie or "")
        assert second.get("/ui/").status_code == 200
    assert path.read_text("utf-8") == before


def test_configured_secret_is_used_instead_of_a_file(
    settings: Settings, db: tuple[str, Engine]
) -> None:
    configured = settings.model_copy(update={"ui_secret": SecretStr("s" * 40)})
    with TestClient(create_app(configured, engine=db[1]), follow_redirects=False) as client:
        assert ui_sign_in(client, admin_key(configured)).status_code == 303
        assert client.get("/ui/").status_code == 200
    assert not (settings.secrets_dir / SECRET_FILE).exists()


def test_a_short_configured_secret_is_refused(settings: Settings) -> None:
    with pytest.raises(ValidationError, match="ui_secret"):
        Settings(**{**settings.model_dump(), "ui_secret": "too short"})


def test_with_auth_disabled_pages_open_without_sign_in(
    settings: Settings, db: tuple[str, Engine]
) -> None:
    open_settings = settings.model_copy(update={"auth_disabled": True})
    with TestClient(create_app(open_settings, engine=db[1]), follow_redirects=False) as client:
        pages = {p: client.get(p).status_code for p in ("/ui/", "/ui/stats", "/ui/models")}
        login = client.get("/ui/login")
    assert pages == {"/ui/": 200, "/ui/stats": 200, "/ui/models": 200}
    assert login.status_code == 303, "nothing to sign in to"


def test_language_cookie_sets_lang_title_and_content_language(ui_client: TestClient) -> None:
    switched = ui_client.get("/ui/lang/en?next=/ui/login")
    assert switched.status_code == 303 and switched.headers["location"] == "/ui/login"
    page = ui_client.get("/ui/login")
    assert '<html lang="en">' in page.text and "<title>Sign in · vimod</title>" in page.text
    assert page.headers["content-language"] == "en"
    assert ui_client.get("/ui/lang/fr").status_code == 404


def test_stats_page_counts_stored_labels(ui_client: TestClient, settings: Settings) -> None:
    admin = {"Authorization": f"Bearer {admin_key(settings)}"}
    for text, label in (("đồ ngu", "HATE"), ("xin chào", "CLEAN"), ("ngu quá", "HATE")):
        stored = ui_client.post("/v1/feedback", json={"text": text, "label": label}, headers=admin)
        assert stored.status_code == 201, stored.text
    ui_sign_in(ui_client, admin_key(settings))

    page = ui_client.get("/ui/stats")

    assert page.status_code == 200
    assert "<td>HATE</td><td>2</td>" in page.text and "<td>CLEAN</td><td>1</td>" in page.text
    assert '<title id="chart-daily-title">' in page.text and "<desc id=" in page.text
    assert "tổng 3" in page.text, "the chart's description states the total"


def test_store_down_is_a_503_page(tmp_path: Path, registry_dir: Path) -> None:
    settings = Settings(
        database_url="postgresql+psycopg://nobody@127.0.0.1:9/none",
        registry_dir=registry_dir,
        secrets_dir=tmp_path / "secrets",
        db_connect_timeout_s=1,
        store_retry_initial_s=60,
    )
    with TestClient(create_app(settings), follow_redirects=False) as client:
        client.cookies.set("vimod_session", "x")
        token = csrf_of(client.get("/ui/login").text)
        response = client.post(
            "/ui/login", data={"csrf": token, "key": "vmk_" + "0" * 16 + "_" + "a" * 43}
        )
    assert response.status_code == 503
    assert "<html" in response.text
