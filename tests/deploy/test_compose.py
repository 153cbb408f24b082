"""``deploy/compose.yaml``, ``deploy/nginx.conf`` and the Dockerfile, read as data.

No Docker engine runs here, so these tests check what reading can: that every name the
files use still exists in the code (settings, stages, the init entry point), and that the
proxy's limits and upstreams agree with the service.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from service.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
REPLICAS = ("vimod-1", "vimod-2")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def nginx() -> str:
    return (DEPLOY / "nginx.conf").read_text(encoding="utf-8")


def _fill(value: object) -> str:
    """Compose's interpolation: ``${X:-default}`` gives the default, ``${X:?why}`` a secret."""

    def one(found: re.Match[str]) -> str:
        return found.group(2) if found.group(1) == ":-" else "secret"

    return re.sub(r"\$\{\w+(:[-?])([^}]*)\}", one, str(value))


def _vimod_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n: s for n, s in compose["services"].items() if "build" in s}


def test_services_and_their_start_order(compose: dict[str, Any]) -> None:
    services = compose["services"]

    assert set(services) == {"postgres", "redis", "init", *REPLICAS, "proxy"}
    for name in REPLICAS:
        assert services[name]["depends_on"] == {
            "postgres": {"condition": "service_healthy"},
            "redis": {"condition": "service_healthy"},
            "init": {"condition": "service_completed_successfully"},
        }
        assert services[name]["command"] == ["vimod", "serve"]
    assert services["proxy"]["depends_on"] == {
        n: {"condition": "service_healthy"} for n in REPLICAS
    }
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert "ping" in services["redis"]["healthcheck"]["test"]


def test_every_vimod_variable_is_a_setting(compose: dict[str, Any]) -> None:
    fields = set(Settings.model_fields)
    used = {
        name
        for service in _vimod_services(compose).values()
        for name in service["environment"]
        if name.startswith("VIMOD_")
    }

    assert {"VIMOD_DATABASE_URL", "VIMOD_REDIS_URL", "VIMOD_REGISTRY_DIR"} <= used
    assert sorted(n for n in used if n.removeprefix("VIMOD_").lower() not in fields) == []


def test_replicas_share_the_store_quotas_and_data(compose: dict[str, Any]) -> None:
    services = _vimod_services(compose)
    envs = [services[n]["environment"] for n in REPLICAS]

    assert envs[0] == envs[1]
    env = envs[0]
    assert env["VIMOD_DATABASE_URL"].startswith("postgresql://vimod:")
    assert env["VIMOD_DATABASE_URL"].endswith("@postgres:5432/vimod")
    assert env["VIMOD_REDIS_URL"] == "redis://redis:6379/0"
    assert env["VIMOD_BOOTSTRAP"] == "false"
    assert services["init"]["environment"]["VIMOD_BOOTSTRAP"] == "true"
    for name, service in services.items():
        assert "vimod-data:/data" in service["volumes"], name
        assert env["VIMOD_REGISTRY_DIR"].startswith("/data/")
        assert env["VIMOD_SECRETS_DIR"].startswith("/data")
    assert {"pg-data", "vimod-data"} <= set(compose["volumes"])
    # Settings parse what the replicas get, with defaults and the password filled in.
    settings = Settings(**{k.removeprefix("VIMOD_").lower(): _fill(v) for k, v in env.items()})
    assert settings.database_url.startswith("postgresql+psycopg://")
    assert (settings.workers, settings.bootstrap, str(settings.secrets_dir)) == (2, False, "/data")


def test_replica_health_checks_use_healthz_on_the_served_port(compose: dict[str, Any]) -> None:
    for name in REPLICAS:
        service = compose["services"][name]
        check = " ".join(service["healthcheck"]["test"])
        assert f"127.0.0.1:{service['environment']['VIMOD_PORT']}/healthz" in check


def test_the_init_command_names_code_that_exists(compose: dict[str, Any]) -> None:
    command = compose["services"]["init"]["command"][-1]
    imports = re.findall(r"from ([\w.]+) import (\w+)", command)

    assert len(imports) == 2
    for module, name in imports:
        assert callable(getattr(importlib.import_module(module), name)), (module, name)


def test_the_image_targets_exist_and_slim_leaves_torch_out(compose: dict[str, Any]) -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    stages = re.findall(r"(?m)^FROM \S+ AS (\w+)$", dockerfile)
    target = compose["x-vimod"]["build"]["target"]

    assert stages[-1] == "full"  # `docker build .` stays the full image
    assert {"slim", "full"} <= set(stages)
    assert re.fullmatch(r"\$\{VIMOD_TARGET:-(\w+)\}", target)
    slim = dockerfile.split(" AS slim", 1)[1].split("\nFROM ", 1)[0]
    assert "torch" not in slim.replace("find_spec('torch')", "")
    assert "pip install -c constraints.txt ." in slim


def test_the_proxy_balances_the_replicas_and_passes_request_ids(
    compose: dict[str, Any], nginx: str
) -> None:
    upstream = re.search(r"upstream vimod \{(.*?)\}", nginx, re.S)
    assert upstream
    servers = re.findall(r"server (\S+?):(\d+)", upstream.group(1))
    port = compose["services"]["vimod-1"]["environment"]["VIMOD_PORT"]

    assert servers == [(n, port) for n in REPLICAS]
    assert "proxy_pass http://vimod;" in nginx
    assert "proxy_set_header X-Request-ID $vimod_request_id;" in nginx
    published = compose["services"]["proxy"]["ports"][0]
    assert published.endswith(":8080") and "listen 8080;" in nginx
    assert "./nginx.conf:/etc/nginx/nginx.conf:ro" in compose["services"]["proxy"]["volumes"]


def test_the_proxy_body_limit_is_just_above_the_services(nginx: str) -> None:
    found = re.search(r"client_max_body_size (\d+)([km]?);", nginx)
    assert found
    size = int(found.group(1)) * {"": 1, "k": 1024, "m": 1024**2}[found.group(2)]
    limit = Settings.model_fields["payload_limit"].default

    # Bodies just over payload_limit get the service's JSON 413, not nginx's page.
    assert limit < size <= limit * 1.1
    assert '"error_type":"PayloadTooLarge"' in nginx
