"""The deployment files (DESIGN §7) hold together, checked without a Docker engine.

Why: no machine here runs Docker, so a typo in `docker-compose.yml` or a Dockerfile that runs as root
would only show on the day of a deployment. PyYAML and a few string checks catch most of it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PASSED_THROUGH = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "MATRIX_HOMESERVER",
                  "MATRIX_USER_ID", "MATRIX_ACCESS_TOKEN")
#: Keys a compose service may carry (the subset of the Compose specification worth allowing here).
SERVICE_KEYS = {"image", "build", "command", "entrypoint", "environment", "env_file", "ports", "volumes",
                "depends_on", "healthcheck", "restart", "profiles", "user", "working_dir", "networks",
                "expose", "labels", "logging", "deploy", "pull_policy", "container_name", "stop_grace_period"}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    """docker-compose.yml, parsed."""
    document = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def test_compose_has_postgres_with_volume_and_healthcheck(compose: dict[str, Any]) -> None:
    """PostgreSQL 16 keeps its data in a named volume and says when it is ready."""
    postgres = compose["services"]["postgres"]
    assert postgres["image"] == "postgres:16"
    assert postgres["environment"]["POSTGRES_DB"] == "epnbot"
    assert postgres["environment"]["POSTGRES_USER"] == "epnbot"
    volume = postgres["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]
    test = postgres["healthcheck"]["test"]
    assert test[0] in ("CMD", "CMD-SHELL") and "pg_isready" in " ".join(test)


def test_compose_bot_service(compose: dict[str, Any]) -> None:
    """The bot: built here, PostgreSQL URL for psycopg 3, secrets from `.env`, waits for a healthy DB."""
    bot = compose["services"]["bot"]
    assert bot["build"]["dockerfile"] == "Dockerfile"
    assert (ROOT / bot["build"]["context"] / bot["build"]["dockerfile"]).is_file()
    assert bot["command"] == ["epnbot", "serve", "slack", "--http", "--port", "3000"]
    env = bot["environment"]
    assert re.fullmatch(r"postgresql\+psycopg://epnbot:\S+@postgres:5432/epnbot", env["DATABASE_URL"])
    for name in PASSED_THROUGH:
        assert env[name].startswith("${" + name), f"{name} must come from .env"
    assert "EPNBOT_HEALTH_PORT" in env
    assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert any(str(port).endswith(":3000") for port in bot["ports"])


def test_compose_services_use_known_keys(compose: dict[str, Any]) -> None:
    """Every service uses keys of the Compose specification and named volumes that are declared."""
    assert set(compose) <= {"name", "services", "volumes", "networks", "secrets", "configs"} | {
        key for key in compose if key.startswith("x-")}
    for name, service in compose["services"].items():
        assert set(service) <= SERVICE_KEYS, f"{name}: {set(service) - SERVICE_KEYS}"
        assert "image" in service or "build" in service
        for mount in service.get("volumes", []):
            source = mount.split(":")[0]
            assert source.startswith((".", "/")) or source in compose["volumes"], f"{name}: {mount}"
        for dependency in service.get("depends_on", {}):
            assert dependency in compose["services"]


def test_no_secret_written_in_compose() -> None:
    """Tokens only ever come from the environment."""
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert not re.search(r"xox[abp]-|syt_[A-Za-z0-9]", text)


def test_dockerfile_builds_the_package_and_runs_unprivileged() -> None:
    """python:3.11-slim, the package installed with pip, a non-root user, the Slack command."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    froms = re.findall(r"^FROM\s+(\S+)", text, flags=re.MULTILINE)
    assert froms and all(image == "python:3.11-slim" for image in froms)
    assert re.search(r"pip (install|wheel)\b.*\s\.$", text, flags=re.MULTILINE)
    users = re.findall(r"^USER\s+(\S+)", text, flags=re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert 'CMD ["epnbot", "serve", "slack", "--http", "--port", "3000"]' in text
    for path in re.findall(r"^COPY\s+(?!--from)(.+)\s+\S+$", text, flags=re.MULTILINE):
        for source in path.split():
            assert (ROOT / source).exists(), f"Dockerfile copies {source}, which does not exist"


def test_dockerignore_keeps_local_state_out() -> None:
    """The venv, git history, databases and `.env` never reach the build context."""
    lines = {line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()}
    assert {".git", ".venv", ".env", "*.db"} <= lines
