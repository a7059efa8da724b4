"""One way to choose the environment, and one cache shared by all processes.

The web server used to default to production settings and the ``faelles`` command
to the demo ones, so ``faelles collectstatic`` wrote no manifest for gunicorn to
serve; and the login rate limit was counted per gunicorn worker.
"""

import os
import subprocess
import sys
import textwrap

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

SHOW = "from django.conf import settings; print(settings.SETTINGS_MODULE)"


def _env(**extra) -> dict:
    unset = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(extra)
    return env


def _python(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.engine  # subprocesses, no test database
@pytest.mark.parametrize("chosen", [None, "faelles.settings.production"])
def test_the_web_server_and_the_command_choose_the_same_settings(tmp_path, chosen):
    env = {"FAELLES_VAR_DIR": str(tmp_path)}
    if chosen:
        env.update(
            DJANGO_SETTINGS_MODULE=chosen,
            SECRET_KEY="s" * 60,
            ALLOWED_HOSTS="faelles.kerteminde.dk",
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
            FAELLES_SITE_URL="https://faelles.kerteminde.dk",
        )
    web = _python(f"import faelles.wsgi; {SHOW}", **env)
    command = _python(
        "import sys; from faelles.cli import main; "
        f"main(['faelles', 'shell', '-v', '0', '-c', {SHOW!r}])",
        **env,
    )
    assert web.returncode == 0, web.stderr[-2000:]
    assert command.returncode == 0, command.stderr[-2000:]
    assert (
        web.stdout.strip()
        == command.stdout.strip()
        == (chosen or "faelles.settings.base")
    )


WRONG_PASSWORDS = textwrap.dedent(
    """
    import django, json
    django.setup()
    from django.core.management import call_command
    from django.test import RequestFactory
    from allauth.core import ratelimit
    call_command("createcachetable", verbosity=0)
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="192.0.2.{n}")
    print(json.dumps([
        ratelimit.consume(request, action="login_failed", key="karin@example.org")
        for _ in range(3)
    ]))
    """
)


@pytest.mark.engine  # subprocesses with their own database file
@pytest.mark.parametrize(
    "settings_module", ["faelles.settings.base", "faelles.settings.production"]
)
def test_two_worker_processes_share_the_login_rate_limit(tmp_path, settings_module):
    """Five wrong passwords per account, counted across processes (two gunicorn
    workers): the second process may try twice, not three times."""
    env = {
        "DJANGO_SETTINGS_MODULE": settings_module,
        "FAELLES_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "FAELLES_SITE_URL": "https://faelles.kerteminde.dk",
    }
    first = _python(WRONG_PASSWORDS.format(n=1), **env)
    second = _python(WRONG_PASSWORDS.format(n=2), **env)
    assert first.returncode == 0, first.stderr[-2000:]
    assert second.returncode == 0, second.stderr[-2000:]
    assert first.stdout.strip() == "[true, true, true]"
    assert second.stdout.strip() == "[true, true, false]"


@pytest.mark.django_db
def test_migrate_creates_the_database_cache_table(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "faelles_cache_check",
        }
    }
    assert "faelles_cache_check" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert "faelles_cache_check" in connection.introspection.table_names()
    caches["default"].set("greeting", "hej")
    assert caches["default"].get("greeting") == "hej"
