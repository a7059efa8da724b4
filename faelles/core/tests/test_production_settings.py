"""Production settings: deploy checks clean with the required environment, and a
clear refusal without it. Run in subprocesses (settings are read once per process)."""

import os
import subprocess
import sys

import pytest

# No test database involved: run once, in the SQLite pass.
pytestmark = pytest.mark.engine

KEY = "k" * 20 + "-production-test-key-" + "x" * 30
SITE = "https://faelles.kerteminde.dk"
DATABASE = "postgres://faelles@127.0.0.1:5432/faelles"


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
        DATABASE_URL=DATABASE,
        FAELLES_SITE_URL=SITE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_redis_the_database_is_the_shared_cache():
    result = _faelles(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=KEY,
        ALLOWED_HOSTS="faelles.kerteminde.dk",
        DATABASE_URL=DATABASE,
        FAELLES_SITE_URL=SITE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "faelles.W001" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "faelles.kerteminde.dk"}, "SECRET_KEY"),
        ({"SECRET_KEY": "kort", "ALLOWED_HOSTS": "x.dk"}, "SECRET_KEY"),
        ({"SECRET_KEY": KEY}, "ALLOWED_HOSTS"),
        # Production used to fall back to an SQLite file silently.
        ({"SECRET_KEY": KEY, "ALLOWED_HOSTS": "x.dk"}, "DATABASE_URL"),
        (
            {"SECRET_KEY": KEY, "ALLOWED_HOSTS": "x.dk", "DATABASE_URL": ""},
            "DATABASE_URL",
        ),
        (
            {"SECRET_KEY": KEY, "ALLOWED_HOSTS": "x.dk", "DATABASE_URL": DATABASE},
            "FAELLES_SITE_URL",
        ),
        (
            {
                "SECRET_KEY": KEY,
                "ALLOWED_HOSTS": "x.dk",
                "DATABASE_URL": DATABASE,
                "FAELLES_SITE_URL": "http://127.0.0.1:8000",
            },
            "FAELLES_SITE_URL",
        ),
    ],
)
def test_production_refuses_to_start_without_its_environment(env, message):
    clean = {"SECRET_KEY": "", "ALLOWED_HOSTS": "", **env}
    result = _faelles("check", **clean)
    assert result.returncode != 0
    assert message in result.stderr
