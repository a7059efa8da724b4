"""Production settings: deploy checks clean with the required environment, and a
clear refusal without it. Run in subprocesses (settings are read once per process)."""

import os
import subprocess
import sys

import pytest

# No test database involved: run once, in the SQLite pass.
pytestmark = pytest.mark.engine

KEY = "k" * 20 + "-production-test-key-" + "x" * 30


def _faelles(*args, **env):
    # The test run sets these; a real deployment does not (async.E001 would say so).
    unset = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    clean.update(DJANGO_SETTINGS_MODULE="faelles.settings.production", **env)
    return subprocess.run(
        [sys.executable, "-m", "faelles", *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_are_clean_with_the_documented_environment():
    result = _faelles(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=KEY,
        ALLOWED_HOSTS="faelles.kerteminde.dk",
        REDIS_URL="redis://127.0.0.1:6379/0",
        DATABASE_URL="postgres://faelles@127.0.0.1:5432/faelles",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_redis_the_deploy_check_warns():
    result = _faelles(
        "check",
        "--deploy",
        SECRET_KEY=KEY,
        ALLOWED_HOSTS="faelles.kerteminde.dk",
    )
    assert "faelles.W001" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "faelles.kerteminde.dk"}, "SECRET_KEY"),
        ({"SECRET_KEY": "kort", "ALLOWED_HOSTS": "x.dk"}, "SECRET_KEY"),
        ({"SECRET_KEY": KEY}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, message):
    clean = {"SECRET_KEY": "", "ALLOWED_HOSTS": "", **env}
    result = _faelles("check", **clean)
    assert result.returncode != 0
    assert message in result.stderr
