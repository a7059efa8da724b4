"""Facilitator and cross-department team, the work list, and initiatives with no
response flagged to the administrators after the configured number of days."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.initiatives import services, tasks
from faelles.initiatives.factories import InitiativeFactory
from faelles.initiatives.models import InitiativeSettings, State
from faelles.notifications.models import Notification
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen(monkeypatch):
    """A frozen clock: everything that asks django.utils.timezone sees NOW."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def colleague(municipality):
    """An employee in another department, for the cross-department team."""
    return MembershipFactory(
        municipality=municipality,
        is_employee=True,
        department=DepartmentFactory(municipality=municipality, name="Teknik"),
    ).user


def test_admin_assigns_facilitator_and_cross_department_team(
    client,
    municipality,
    municipal_admin,
    employee,
    colleague,
    django_capture_on_commit_callbacks,
):
    initiative = InitiativeFactory(municipality=municipality)
    client.force_login(municipal_admin)
    url = f"/odense/initiativer/{initiative.pk}/facilitering/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"facilitator": employee.pk, "team": [colleague.pk]}
        )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.facilitator == employee
    assert initiative.department == employee.memberships.get().department
    assert list(initiative.team.all()) == [colleague]
    assert initiative.first_response_at is not None
    assert {n.recipient for n in Notification.objects.all()} == {employee, colleague}
    # The team member sees it on their work list and may move it forward.
    client.force_login(colleague)
    page = client.get("/odense/initiativer/mine-opgaver/").content.decode()
    assert initiative.title in page
    services.initiative_transition(
        initiative=initiative, actor=colleague, target=State.PREPARING, reason="Ja"
    )


def test_facilitator_must_be_an_employee(municipality, municipal_admin, citizen):
    initiative = InitiativeFactory(municipality=municipality)
    with pytest.raises(ValidationError):
        services.facilitator_assign(
            initiative=initiative, actor=municipal_admin, facilitator=citizen
        )
    initiative.refresh_from_db()
    assert initiative.facilitator is None


@pytest.mark.parametrize("role", ["citizen", "politician", "moderator"])
def test_only_staff_assign_facilitators(client, request, municipality, employee, role):
    initiative = InitiativeFactory(municipality=municipality)
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/facilitering/",
        {"facilitator": employee.pk},
    )
    assert response.status_code == 403
    initiative.refresh_from_db()
    assert initiative.facilitator is None


def test_worklist_is_for_staff(client, citizen):
    client.force_login(citizen)
    assert client.get("/odense/initiativer/mine-opgaver/").status_code == 403


def _waiting(municipality, days):
    return InitiativeFactory(
        municipality=municipality, created_at=NOW - dt.timedelta(days=days)
    )


def test_no_response_is_flagged_after_the_configured_days(
    frozen,
    municipality,
    municipal_admin,
    employee,
    capsys,
    django_capture_on_commit_callbacks,
):
    old = _waiting(municipality, 15)
    young = _waiting(municipality, 13)
    answered = _waiting(municipality, 30)
    services.comment_create(initiative=answered, author=employee, body="Vi kigger.")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("initiatives_awaiting_response", "--notify")
    out = capsys.readouterr().out
    assert old.title in out and young.title not in out and answered.title not in out
    # One summary mail (and the in-app notification's own mail).
    summaries = [m for m in mail.outbox if "venter stadig på svar" in m.body]
    assert len(summaries) == 1
    assert summaries[0].to == [municipal_admin.email]
    assert old.title in summaries[0].body
    assert "https://faelles.test/" in summaries[0].body  # a link, not a bare path
    flagged = Notification.objects.get(recipient=municipal_admin)
    assert old.title in flagged.title
    # Running again the next day mails again but notifies in the app only once.
    call_command("initiatives_awaiting_response", "--notify")
    assert Notification.objects.filter(recipient=municipal_admin).count() == 1


def test_the_number_of_days_is_configurable(
    frozen, client, municipality, municipal_admin
):
    young = _waiting(municipality, 5)
    client.force_login(municipal_admin)
    assert (
        young.title not in client.get("/odense/initiativer/uden-svar/").content.decode()
    )
    response = client.post("/odense/initiativer/indstillinger/", {"response_days": 3})
    assert response.status_code == 302
    assert InitiativeSettings.objects.get(municipality=municipality).response_days == 3
    assert young.title in client.get("/odense/initiativer/uden-svar/").content.decode()
    assert tasks.flag_awaiting_response.call() == 1


def test_bad_setting_is_refused(client, municipality, municipal_admin):
    client.force_login(municipal_admin)
    response = client.post("/odense/initiativer/indstillinger/", {"response_days": 0})
    assert response.status_code == 200
    assert not InitiativeSettings.objects.exists()


def test_only_administrators_see_the_flags(client, employee):
    client.force_login(employee)
    assert client.get("/odense/initiativer/uden-svar/").status_code == 403
    assert client.get("/odense/initiativer/indstillinger/").status_code == 403


def test_moved_on_initiative_is_no_longer_waiting(frozen, municipality, employee):
    initiative = _waiting(municipality, 40)
    services.initiative_transition(
        initiative=initiative, actor=employee, target=State.PREPARING, reason="Ja"
    )
    from faelles.initiatives.notifications import find_awaiting

    assert find_awaiting() == []
