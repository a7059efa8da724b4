"""A unit's goals: who sees and writes them, the services, follow-up over time,
"Forsinket" past the target date, the owner's workspace, the data export."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.core.models import AuditEntry
from faelles.core.work_sources import work_sources, work_tools
from faelles.leadership import services
from faelles.leadership.gdpr import export_personal_data
from faelles.leadership.models import CheckIn, Goal, Status
from faelles.notifications.models import Notification
from faelles.organisations.factories import DepartmentFactory

from .conftest import BASE

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _create(department, actor, owner=None, **kw):
    data = {
        "title": "Borgerne er med fra start",
        "description": "Vi planlægger sammen med dem, det handler om.",
        "success": "Halvdelen af de nye indsatser er planlagt med borgerne.",
        "target_date": TODAY() + timedelta(days=120),
        "owner": owner or actor,
        "check_in_days": 30,
    }
    data.update(kw)
    return services.goal_create(
        municipality=department.municipality, department=department, actor=actor, **data
    )


def _form(**kw):
    data = {
        "title": "Flere frivillige i biblioteket",
        "description": "",
        "success": "Tre frivilliggrupper står for hver sin aften.",
        "target_date": (TODAY() + timedelta(days=90)).isoformat(),
        "check_in_days": "30",
    }
    data.update(kw)
    return data


# --- services ------------------------------------------------------------------


def test_goal_create_audits_and_notifies_another_owner(
    unit, leader, employee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        goal = _create(unit, leader, owner=employee)
    assert goal.status == Status.ON_TRACK
    assert goal.next_check_in_on == TODAY() + timedelta(days=30)
    assert AuditEntry.objects.filter(action="leadership.goal_create").count() == 1
    assert Notification.objects.filter(
        recipient=employee, kind="leadership.goal_owner"
    ).exists()


def test_goal_create_refuses_bad_input_and_changes_nothing(
    unit, leader, citizen, other_municipality
):
    with pytest.raises(ValidationError) as e:
        _create(unit, leader, target_date=TODAY() - timedelta(days=1))
    assert "target_date" in e.value.message_dict
    with pytest.raises(ValidationError) as e:
        _create(unit, leader, owner=citizen)
    assert "owner" in e.value.message_dict
    with pytest.raises(ValidationError):
        _create(unit, leader, title="   ")
    with pytest.raises(ValidationError):
        services.goal_create(
            municipality=other_municipality,
            department=unit,
            actor=leader,
            title="x",
            description="",
            success="y",
            target_date=TODAY() + timedelta(days=3),
            owner=None,
            check_in_days=30,
        )
    assert not Goal.objects.exists()
    assert not AuditEntry.objects.exists()


def test_check_ins_make_a_history_and_the_newest_sets_the_status(unit, leader):
    goal = _create(unit, leader)
    today = TODAY()
    first = services.check_in_record(
        goal=goal,
        actor=leader,
        day=today,
        status=Status.DELAYED,
        note="Vi er kommet sent i gang.",
        learned="Vi skal spørge foreningerne tidligere.",
    )
    goal.refresh_from_db()
    assert goal.status == Status.DELAYED
    assert goal.next_check_in_on == today + timedelta(days=30)
    # An older check-in only joins the history.
    goal.created_at = timezone.now() - timedelta(days=60)
    goal.save()
    services.check_in_record(
        goal=goal,
        actor=leader,
        day=today - timedelta(days=20),
        status=Status.ON_TRACK,
        note="Godt i gang.",
        learned="",
    )
    goal.refresh_from_db()
    assert goal.status == Status.DELAYED
    assert [c.pk for c in goal.check_ins.all()][0] == first.pk
    assert goal.check_ins.count() == 2
    assert AuditEntry.objects.filter(action="leadership.check_in").count() == 2


def test_check_in_refuses_the_future_and_before_the_goal(unit, leader):
    goal = _create(unit, leader)
    for day in (TODAY() + timedelta(days=1), TODAY() - timedelta(days=5)):
        with pytest.raises(ValidationError) as e:
            services.check_in_record(
                goal=goal,
                actor=leader,
                day=day,
                status="on_track",
                note="x",
                learned="",
            )
        assert "date" in e.value.message_dict
    with pytest.raises(ValidationError):
        services.check_in_record(
            goal=goal, actor=leader, day=TODAY(), status="bogus", note="x", learned=""
        )
    with pytest.raises(ValidationError):
        services.check_in_record(
            goal=goal, actor=leader, day=TODAY(), status="on_track", note="", learned=""
        )
    assert not CheckIn.objects.exists()


def test_late_goal_shows_forsinket_and_finished_goal_does_not(unit, leader):
    goal = _create(unit, leader)
    later = goal.target_date + timedelta(days=1)
    assert goal.shown_status(later) == "Forsinket"
    assert goal.check_in_overdue(goal.next_check_in_on + timedelta(days=1))
    goal.status = Status.ACHIEVED
    assert goal.shown_status(later) == "Nået"
    assert not goal.check_in_overdue(later)


def test_goal_update_changes_the_goal_and_the_next_check_in(unit, leader, employee):
    goal = _create(unit, leader)
    goal = services.goal_update(
        goal=goal,
        actor=leader,
        title="Nyt navn",
        description="",
        success="Noget andet",
        target_date=goal.target_date,
        owner=employee,
        check_in_days=14,
    )
    assert goal.title == "Nyt navn" and goal.owner == employee
    assert goal.next_check_in_on == TODAY() + timedelta(days=14)
    assert AuditEntry.objects.filter(action="leadership.goal_update").exists()


# --- who sees and writes -------------------------------------------------------


def test_goal_page_employees_read_citizens_and_politicians_404(
    client, unit, leader, employee, citizen, politician, municipal_admin, outsider
):
    goal = _create(unit, leader)
    url = goal.get_absolute_url()
    assert client.get(url).status_code == 302  # to login
    for person in (citizen, politician, outsider):
        client.force_login(person)
        assert client.get(url).status_code == 404
    other_employee = MembershipFactory(
        municipality=unit.municipality,
        is_employee=True,
        department=DepartmentFactory(municipality=unit.municipality),
    ).user
    for person in (employee, other_employee, municipal_admin, leader):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert goal.title in response.text
    # Only a leader of the unit and administrators may follow up.
    client.force_login(other_employee)
    assert "Gem opfølgningen" not in client.get(url).text
    response = client.post(
        f"{url}opfoelgning/",
        {"date": TODAY().isoformat(), "status": "on_track", "note": "x"},
    )
    assert response.status_code == 403
    assert client.get(f"{url}rediger/").status_code == 403
    assert not CheckIn.objects.exists()


def test_another_municipality_admin_gets_404(client, unit, leader, other_admin):
    goal = _create(unit, leader)
    client.force_login(other_admin)
    assert client.get(goal.get_absolute_url()).status_code == 404
    assert client.get(f"/faxe/leder/maal/{goal.pk}/").status_code == 404


def test_leader_of_a_parent_unit_writes_a_sub_unit_goal(
    client, sub_unit, leader, municipal_admin, elsewhere
):
    goal = _create(sub_unit, leader)
    for person in (leader, municipal_admin):
        client.force_login(person)
        response = client.post(
            f"{goal.get_absolute_url()}opfoelgning/",
            {
                "date": TODAY().isoformat(),
                "status": "delayed",
                "note": "Vi mangler lokaler.",
                "learned": "",
            },
        )
        assert response.status_code == 302
    assert goal.check_ins.count() == 2
    # A leader of another unit does not lead this one.
    other_leader = MembershipFactory(
        municipality=elsewhere.municipality,
        is_employee=True,
        is_leader=True,
        department=elsewhere,
    ).user
    client.force_login(other_leader)
    assert client.get(f"{goal.get_absolute_url()}rediger/").status_code == 403
    assert client.get(f"{BASE}maal/nyt/?enhed={sub_unit.pk}").status_code == 404


def test_create_goal_through_the_form(client, unit, leader, employee):
    client.force_login(leader)
    url = f"{BASE}maal/nyt/?enhed={unit.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, _form(owner=str(employee.pk)))
    goal = Goal.objects.get()
    assert response.status_code == 302 and response.url == goal.get_absolute_url()
    assert goal.department == unit and goal.owner == employee


def test_create_goal_bad_input_is_explained_and_changes_nothing(
    client, unit, leader, citizen
):
    client.force_login(leader)
    url = f"{BASE}maal/nyt/?enhed={unit.pk}"
    response = client.post(
        url,
        _form(
            owner=str(leader.pk),
            target_date=(TODAY() - timedelta(days=3)).isoformat(),
        ),
    )
    assert response.status_code == 200
    assert "Måldatoen må ikke ligge før i dag." in response.text
    response = client.post(url, _form(owner=str(citizen.pk), check_in_days="5"))
    assert response.status_code == 200
    for owner in ("99999999999999999999999", "²", "-1"):
        response = client.post(url, _form(owner=owner, title="Mål\x00"))
        assert response.status_code == 200
    assert not Goal.objects.exists()
    for bad in ("", "abc", "99999999999999999999999", "²"):
        assert client.get(f"{BASE}maal/nyt/?enhed={bad}").status_code == 404


def test_check_in_with_htmx_swaps_the_follow_up(client, unit, leader):
    goal = _create(unit, leader)
    client.force_login(leader)
    response = client.post(
        f"{goal.get_absolute_url()}opfoelgning/",
        {
            "date": TODAY().isoformat(),
            "status": "achieved",
            "note": "Alle tre grupper kører.",
            "learned": "Frivillige vil gerne tage ansvar, når de får nøglen.",
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'id="opfoelgning"' in response.text
    assert "<html" not in response.text
    assert "Opfølgningen er gemt." in response.text
    assert "Frivillige vil gerne tage ansvar" in response.text
    goal.refresh_from_db()
    assert goal.status == Status.ACHIEVED
    # A bad one is explained in place and saves nothing.
    response = client.post(
        f"{goal.get_absolute_url()}opfoelgning/",
        {"date": "", "status": "nope", "note": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert goal.check_ins.count() == 1


# --- the department's page, the workspace, the data export ---------------------


def test_department_page_shows_goals_to_employees_only(
    client, unit, leader, employee, citizen
):
    goal = _create(unit, leader)
    url = unit.get_absolute_url()
    client.force_login(citizen)
    assert goal.title not in client.get(url).text
    client.force_login(employee)
    text = client.get(url).text
    assert goal.title in text and "Til ledelsessiden" not in text
    client.force_login(leader)
    assert "Til ledelsessiden for enheden" in client.get(url).text


def test_overdue_check_in_waits_in_the_owners_workspace(
    client, unit, leader, employee, municipality
):
    goal = _create(unit, leader, owner=employee)
    Goal.objects.filter(pk=goal.pk).update(next_check_in_on=TODAY() - timedelta(days=2))
    _create(unit, leader, owner=employee, title="Ikke forfalden endnu")
    source = next(
        s
        for s in work_sources(employee, municipality)
        if s.key == "leadership_check_ins"
    )
    rows = list(source.queryset(employee, municipality))
    assert [g.pk for g in rows] == [goal.pk]
    item = source.item(rows[0], TODAY())
    assert item.overdue and item.url == goal.get_absolute_url()
    # Finished goals wait for nothing.
    Goal.objects.filter(pk=goal.pk).update(status=Status.ABANDONED)
    assert not source.queryset(employee, municipality).exists()
    client.force_login(employee)
    assert client.get("/odense/arbejde/").status_code == 200


def test_tool_ledelse_for_leaders_and_administrators(
    leader, employee, municipal_admin, municipality
):
    assert "leadership" in [t.key for t in work_tools(leader, municipality)]
    assert "leadership" in [t.key for t in work_tools(municipal_admin, municipality)]
    assert "leadership" not in [t.key for t in work_tools(employee, municipality)]


def test_export_personal_data(unit, leader, employee):
    goal = _create(unit, leader, owner=employee)
    services.check_in_record(
        goal=goal,
        actor=employee,
        day=TODAY(),
        status="on_track",
        note="Fint.",
        learned="",
    )
    data = export_personal_data(employee)
    assert data["goals"][0]["title"] == goal.title and data["goals"][0]["owner"]
    assert data["check_ins_written"][0]["note"] == "Fint."
    assert export_personal_data(leader)["goals"][0]["set_by_you"]


def test_deleting_the_owner_keeps_the_goal(unit, leader, employee):
    from faelles.accounts.services import account_delete

    goal = _create(unit, leader, owner=employee)
    services.check_in_record(
        goal=goal,
        actor=employee,
        day=TODAY(),
        status="on_track",
        note="Fint.",
        learned="",
    )
    account_delete(user=employee)
    goal.refresh_from_db()
    assert goal.owner is None and goal.check_ins.get().author is None
