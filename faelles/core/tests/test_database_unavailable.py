"""While the database cannot be reached, every page answers 503 with our page.

A PostgreSQL restart, a failover or a full connection pool must never show a
traceback or a bare 500, and never leave an action half-saved; once the database
answers again the site works without anyone restarting it (docs/operations.md,
"When the database is away"). The load test in bench/bench_load.py restarts a real
cluster under load; these tests pin the behaviour on SQLite and PostgreSQL.
"""

import logging
import os
import shlex
import subprocess
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.db import InterfaceError, OperationalError, close_old_connections
from django.db import connection as db_connection

from faelles.core import views
from faelles.events.factories import EventFactory
from faelles.events.models import Event, Registration
from faelles.municipalities.tenancy import tenant_reverse


@contextmanager
def database_down(error=OperationalError):
    """Every query fails the way it does while PostgreSQL restarts: the connection
    is refused (Django wraps the driver's error in ``error``)."""

    def refuse(*args, **kwargs):
        raise error("connection refused: the database system is shutting down")

    saved = db_connection.ensure_connection
    db_connection.ensure_connection = refuse
    try:
        yield
    finally:
        db_connection.ensure_connection = saved


def _assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(views.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert "Fælles er væk et øjeblik" in text
    assert 'lang="en"' in text and "Fælles is away for a moment" in text
    assert "Traceback" not in text and "OperationalError" not in text


@pytest.fixture
def visitor(client):
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_pages_answer_503_while_the_database_is_down(visitor, municipality, error):
    assert visitor.get("/odense/").status_code == 200
    with database_down(error):
        for path in ["/odense/", "/odense/arrangementer/", "/healthz", "/"]:
            _assert_unavailable_page(visitor.get(path))
    assert visitor.get("/odense/").status_code == 200


@pytest.mark.django_db
def test_logged_in_person_gets_503_not_500(visitor, municipality, citizen):
    visitor.force_login(citizen)
    event = EventFactory(municipality=municipality)
    url = tenant_reverse("events:signup", municipality, pk=event.pk)
    with database_down():
        _assert_unavailable_page(visitor.get("/me/"))
        _assert_unavailable_page(visitor.post(url))
    assert not Registration.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_error_reports_to_admins_do_not_turn_the_503_into_a_crash(
    visitor, municipality, settings
):
    # The report of a failed request is queued as a task in the database
    # (core/mail.py), which is away too: it is dropped, the page still answers.
    # (Outside a test transaction, so the report is queued at once, as in a server.)
    settings.ADMINS = [("Drift", "drift@example.org")]
    with database_down():
        _assert_unavailable_page(visitor.get("/odense/"))


@pytest.mark.django_db(transaction=True)
def test_a_report_that_cannot_be_queued_is_not_reported_again(
    settings, monkeypatch, caplog
):
    """The connection is there but the insert of the report's task fails: Django
    logs that failure as an error, which is itself mailed to ADMINS through the
    same queue — it must stop there, not recurse."""
    settings.ADMINS = [("Drift", "drift@example.org")]
    calls = []

    def insert_fails(message, *, attempt, run_after=None):
        calls.append(message["subject"])
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("faelles.core.mail._enqueue", insert_fails)
    logging.getLogger("django.request").error("Service Unavailable: /odense/")
    assert len(calls) == 1
    assert "Error calling" in caplog.text  # Django's own log of the failed insert


@pytest.mark.django_db
def test_a_failure_halfway_through_an_action_saves_nothing(
    visitor, municipality, citizen, monkeypatch
):
    """The sign-up row and the event's counters are written before the database
    goes away; the whole action is rolled back and the person sees the 503."""
    event = EventFactory(municipality=municipality, capacity=10)
    visitor.force_login(citizen)

    def connection_lost(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("faelles.events.services.record_participation", connection_lost)
    response = visitor.post(tenant_reverse("events:signup", municipality, pk=event.pk))
    _assert_unavailable_page(response)
    assert not Registration.objects.filter(event=event).exists()
    event.refresh_from_db()
    assert (event.confirmed_count, event.waiting_count) == (0, 0)


@pytest.mark.django_db
def test_a_session_that_cannot_be_saved_is_a_503_not_a_400(
    visitor, municipality, citizen, monkeypatch
):
    """The database goes away after the action committed, while the session (with
    the "thank you" message) is saved: Django calls that a bad request ("session
    interrupted"); it is the database, so the person gets the 503 page, which
    says that what they sent may or may not have gone through."""
    from django.contrib.sessions.models import Session

    event = EventFactory(municipality=municipality, capacity=10)
    visitor.force_login(citizen)

    def refuse(*args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(Session, "save", refuse)
    response = visitor.post(tenant_reverse("events:signup", municipality, pk=event.pk))
    _assert_unavailable_page(response)
    # The sign-up itself had committed: saved, but never confirmed to the person.
    assert Registration.objects.filter(event=event, user=citizen).exists()


def test_a_real_bad_request_stays_a_400():
    from django.core.exceptions import BadRequest
    from django.test import RequestFactory

    response = views.bad_request(RequestFactory().get("/"), BadRequest("nonsense"))
    assert response.status_code == 400


def test_other_errors_still_give_the_500_page():
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = views.server_error(None)
    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.django_db(transaction=True)
def test_postgres_connection_killed_by_the_server_then_recovered(
    visitor, municipality, citizen
):
    """What a restart does to a kept connection: the server ends it. The request
    that meets the dead connection answers 503; at the end of that request Django
    closes it, and the next request connects afresh."""
    if db_connection.vendor != "postgresql":
        pytest.skip("terminating a server connection needs PostgreSQL")
    visitor.force_login(citizen)
    event = EventFactory(municipality=municipality, capacity=10)
    url = tenant_reverse("events:signup", municipality, pk=event.pk)
    assert visitor.get("/odense/arrangementer/").status_code == 200
    pid = db_connection.connection.info.backend_pid
    params = db_connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])

    _assert_unavailable_page(visitor.post(url))
    # The test client skips the request_finished signal that closes a broken
    # connection after each request in a real server (django.db.close_old_connections).
    close_old_connections()
    response = visitor.post(url)
    assert response.status_code == 302
    assert db_connection.connection.info.backend_pid != pid
    assert Registration.objects.filter(event=event, user=citizen).count() == 1
    assert Event.objects.get(pk=event.pk).confirmed_count == 1


def _pg_ctl(*args: str) -> None:
    """pg_ctl on the suite's own cluster (scripts/with-postgres exports PGDATA),
    as its owner: the postgres user when the suite runs as root."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    command = [str(found[-1]) if found else "pg_ctl", *args]
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


@pytest.mark.django_db(transaction=True)
def test_postgres_really_stopped_and_started(visitor, municipality, citizen):
    """The cluster itself goes down (`pg_ctl stop -m fast`, as a restart begins):
    a request answers 503; once it is started again the next request is served
    and what was saved before is there."""
    pgdata = os.environ.get("PGDATA")
    if db_connection.vendor != "postgresql" or not pgdata:
        pytest.skip("needs the throw-away cluster of scripts/with-postgres (PGDATA)")
    data = Path(pgdata)
    words = shlex.split((data / "postmaster.opts").read_text())[1:]
    options = [w for i, w in enumerate(words) if w != "-D" and words[i - 1] != "-D"]
    visitor.force_login(citizen)
    event = EventFactory(municipality=municipality, capacity=10)
    url = tenant_reverse("events:signup", municipality, pk=event.pk)
    assert visitor.post(url).status_code == 302

    _pg_ctl("stop", "-m", "fast", "-w", "-D", pgdata)
    try:
        _assert_unavailable_page(visitor.get("/odense/arrangementer/"))
        close_old_connections()  # the end of that request in a real server
        _assert_unavailable_page(visitor.get("/odense/"))
    finally:
        _pg_ctl(
            "start", "-w", "-D", pgdata, "-l", str(data.parent / "server.log"),
            "-o", shlex.join(options),
        )  # fmt: skip
    close_old_connections()
    assert visitor.get("/odense/arrangementer/").status_code == 200
    assert Registration.objects.filter(event=event, user=citizen).count() == 1
