"""Importing a Pabulib file runs in a background task; its page shows how far it is.

The request only stores the file and enqueues the task (tests use the immediate
backend, so the task runs when the transaction commits). Malformed files give a
message with the line and the field, never a 500.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelles.budgeting import services
from faelles.budgeting.models import BudgetRound, ImportStatus, PabulibImport
from faelles.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

SMALL = """META
key;value
budget;100
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;name
a;60;Legeplads
b;50;Bænke
VOTES
voter_id;vote
1;a,b
2;b,b
3;a
"""


def url(name, **kwargs):
    return reverse(
        f"budgeting:{name}", kwargs={"municipality_slug": "odense", **kwargs}
    )


def pb(text: str, name: str = "x.pb") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def test_the_request_only_queues_the_import(client, municipality, municipal_admin):
    client.force_login(municipal_admin)
    response = client.post(url("import"), {"file": pb(SMALL), "title": "Test"})
    job = PabulibImport.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.status == ImportStatus.QUEUED and job.text == SMALL
    assert not BudgetRound.objects.exists()  # nothing counted inside the request
    page = client.get(response.url).content.decode()
    assert "Venter på at blive startet" in page
    assert 'hx-trigger="every 2s"' in page  # htmx polls …
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    partial = client.get(response.url, headers={"HX-Request": "true"})
    assert partial.content.decode().startswith('<div id="import-progress"')


def test_the_task_imports_and_the_page_sends_on_to_the_result(
    client, municipality, municipal_admin
):
    client.force_login(municipal_admin)
    client.post(url("import"), {"file": pb(SMALL), "title": ""})
    job = PabulibImport.objects.get()
    services.pabulib_import_run(job_id=job.pk)
    job.refresh_from_db()
    budget_round = BudgetRound.objects.get()
    assert (job.status, job.budget_round, job.text) == (
        ImportStatus.DONE,
        budget_round,
        "",
    )
    assert (job.projects, job.ballots) == (2, 3)
    assert job.repairs == [
        {
            "voter_id": "2",
            "line": 13,
            "project_id": "b",
            "times": 2,
            "action": "counted once",
        }
    ]
    results = url("results", pk=budget_round.pk)
    htmx = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"] == results
    response = client.get(job.get_absolute_url(), follow=True)
    assert response.redirect_chain[-1][0] == results
    page = response.content.decode()
    assert "1 stemmeseddel nævnte det samme projekt flere gange" in page
    # A task delivered twice does nothing the second time.
    services.pabulib_import_run(job_id=job.pk)
    assert BudgetRound.objects.count() == 1


def test_the_page_shows_the_step_while_saving(
    client, municipality, municipal_admin, monkeypatch
):
    client.force_login(municipal_admin)
    client.post(url("import"), {"file": pb(SMALL)})
    job = PabulibImport.objects.get()
    seen = {}
    original = services._round_from_election

    def while_saving(**kwargs):
        seen["page"] = client.get(job.get_absolute_url()).content.decode()
        return original(**kwargs)

    monkeypatch.setattr(services, "_round_from_election", while_saving)
    services.pabulib_import_run(job_id=job.pk)
    assert "Status: gemmer og tæller op." in seen["page"]
    assert "Filen har 2 projekter og 3 stemmesedler." in seen["page"]


def test_an_unexpected_failure_is_reported_and_saves_nothing(
    client, municipality, municipal_admin, monkeypatch
):
    client.force_login(municipal_admin)
    client.post(url("import"), {"file": pb(SMALL)})
    job = PabulibImport.objects.get()

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_round_from_election", broken)
    services.pabulib_import_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and job.text == ""
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Importen mislykkedes på grund af en fejl hos os." in page
    # no more polling (the menu has its own one-off hx-trigger="load")
    assert "http-equiv" not in page and 'hx-trigger="every' not in page
    assert not BudgetRound.objects.exists()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (("budget;100", "budget;" + "9" * 401), "Linje 3, META budget"),
        (("budget;100", "budget;1e999999999"), "Linje 3, META budget"),
        (("b;50;Bænke", "b;5x0;Bænke"), "Linje 9, PROJECTS cost"),
        (("3;a", "3;a;x"), "Linje 14, VOTES"),
        (("2;b,b", "2;b,q"), "Linje 13, VOTES vote"),
    ],
)
def test_malformed_fields_name_line_and_field(
    client,
    municipality,
    municipal_admin,
    django_capture_on_commit_callbacks,
    change,
    where,
):
    """The 401-digit budget was a 500; now every malformed field says where it is."""
    client.force_login(municipal_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("import"), {"file": pb(SMALL.replace(*change))})
    page = client.get(response.url).content.decode()
    assert "Filen er ikke en gyldig Pabulib-fil. " + where in page
    assert not BudgetRound.objects.exists()


def test_a_file_with_a_nul_character_is_refused_by_the_form(
    client, municipality, municipal_admin
):
    """PostgreSQL cannot store NUL in text: refused before anything is stored."""
    client.force_login(municipal_admin)
    response = client.post(url("import"), {"file": pb(SMALL.replace("Bænke", "B\x00"))})
    assert response.status_code == 200
    assert "Filen er ikke tekst i UTF-8." in response.content.decode()
    assert not PabulibImport.objects.exists()


def test_only_administrators_of_the_municipality_see_an_import(
    client, municipality, municipal_admin, employee
):
    job = PabulibImport.objects.create(municipality=municipality)
    client.force_login(employee)
    assert client.get(job.get_absolute_url()).status_code == 403
    other = PabulibImport.objects.create(municipality=MunicipalityFactory())
    client.force_login(municipal_admin)
    assert client.get(url("import_status", pk=other.pk)).status_code == 404
    client.logout()
    assert client.get(job.get_absolute_url()).status_code == 302  # to log in


LINE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60
)
NUMBERISH = st.from_regex(r"-?[0-9٠-٩²]{0,30}([.,eE][-+]?[0-9]{0,6})?", fullmatch=True)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    line=st.integers(min_value=0, max_value=SMALL.count("\n") - 1),
    replacement=st.one_of(
        LINE,
        NUMBERISH.map(lambda n: f"budget;{n}"),
        NUMBERISH.map(lambda n: f"b;{n};Bænke"),
        NUMBERISH.map(lambda n: f"1;a,b;{n}"),
    ),
)
def test_any_mutated_line_is_imported_or_refused_clearly(
    municipality, municipal_admin, line, replacement
):
    """The service either imports the file or raises a ValidationError: no 500."""
    lines = SMALL.split("\n")
    lines[line] = replacement
    text = "\n".join(lines)
    try:
        budget_round = services.round_import_pabulib(
            municipality=municipality, actor=municipal_admin, text=text
        )
    except ValidationError as error:
        assert error.messages and all(error.messages)
    else:
        assert budget_round.pk and budget_round.budget >= 1
