"""A cross-department team: who sees it, creating it, the open call and its
answers, the space, closing with an evaluation for the learning library."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from faelles.accounts.factories import MembershipFactory
from faelles.core.models import AuditEntry
from faelles.notifications.models import Notification
from faelles.organisations.factories import DepartmentFactory
from faelles.teams import selectors, services
from faelles.teams.models import (
    Post,
    State,
    Task,
    Team,
    TeamMember,
    Volunteer,
    VolunteerStatus,
)

from .conftest import BASE, END, colleague, join, url

pytestmark = pytest.mark.django_db


# --- who sees a team -----------------------------------------------------------------


def test_teams_are_for_staff_only(client, team, citizen, politician, employee):
    for path in (BASE, url(team), f"{BASE}nyt/"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    for person in (citizen, politician):
        client.force_login(person)
        for path in (BASE, url(team), f"{BASE}nyt/", url(team, "byd-ind/")):
            assert client.get(path).status_code == 404, (person, path)
    client.force_login(employee)
    assert client.get(BASE).status_code == 200
    page = client.get(url(team)).content.decode()
    assert "Ensomhed blandt ældre" in page
    assert "Jeg byder ind" in page
    # The space is the members': an employee outside sees that it exists only.
    assert "Teamets beskeder, filer og opgaver ses af teamets medlemmer." in page


def test_another_municipalitys_team_is_404(client, team, other_admin):
    client.force_login(other_admin)
    assert (
        client.get(
            f"/{other_admin.memberships.get().municipality.slug}/teams/{team.pk}/"
        ).status_code
        == 404
    )


def test_detail_page_queries_are_bounded(
    client, team, team_leader, nurse, django_assert_max_num_queries
):
    join(team, nurse, team_leader)
    for i in range(5):
        services.post_create(team=team, author=nurse, body=f"Besked {i}")
        services.task_add(
            team=team,
            actor=team_leader,
            title=f"Opgave {i}",
            owner=nurse,
            due=END,
        )
    client.force_login(team_leader)
    with django_assert_max_num_queries(25):
        response = client.get(url(team))
    assert response.status_code == 200
    assert "Opgave 4" in response.content.decode()


# --- creating ----------------------------------------------------------------------------


def test_an_employee_creates_a_team_and_leads_it(client, municipality, nurse, health):
    client.force_login(nurse)
    response = client.post(
        f"{BASE}nyt/",
        {
            "title": "Sammen om kysten",
            "purpose": "Ryd op på stranden med borgerne.",
            "task": "En strandrydning i maj",
            "end_date": "2027-05-31",
        },
    )
    team = Team.objects.get(title="Sammen om kysten")
    assert response.status_code == 302
    assert response["Location"] == url(team)
    assert team.leader == nurse
    assert team.department == health
    assert team.state == State.FORMING and team.call_open
    assert list(team.members.values_list("user", "department")) == [
        (nurse.pk, health.pk)
    ]
    assert AuditEntry.objects.filter(action="teams.team_create").count() == 1


def test_bad_input_changes_nothing(client, municipality, nurse):
    client.force_login(nurse)
    response = client.post(
        f"{BASE}nyt/",
        {
            "title": "Uden opgave",
            "purpose": "Noget",
            "end_date": "2020-01-01",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Slutdatoen skal ligge efter starten." in page
    assert not Team.objects.exists()
    response = client.post(
        f"{BASE}nyt/",
        {"title": "Uden opgave", "purpose": "Noget", "end_date": "2030-01-01"},
    )
    assert "Skriv hvilken opgave teamet løser" in response.content.decode()
    assert not Team.objects.exists()


def test_an_employee_without_department_and_a_non_employee_cannot_create(
    municipality, municipal_admin, citizen
):
    loose = MembershipFactory(municipality=municipality, is_employee=True).user
    for person in (loose, citizen):
        with pytest.raises(ValidationError):
            services.team_create(
                municipality=municipality,
                actor=person,
                title="x",
                purpose="y",
                end_date=END,
                task="z",
            )
    assert not Team.objects.exists()


def test_a_team_links_only_its_own_municipalitys_initiative(
    municipality, other_municipality, nurse
):
    from faelles.initiatives.factories import InitiativeFactory

    foreign = InitiativeFactory(municipality=other_municipality)
    with pytest.raises(ValidationError):
        services.team_create(
            municipality=municipality,
            actor=nurse,
            title="x",
            purpose="y",
            end_date=END,
            initiative=foreign,
        )
    own = InitiativeFactory(municipality=municipality)
    team = services.team_create(
        municipality=municipality,
        actor=nurse,
        title="x",
        purpose="y",
        end_date=END,
        initiative=own,
    )
    assert team.initiative == own


# --- the open call ----------------------------------------------------------------------


def test_volunteer_accepted_by_the_leader_joins_with_their_department(
    client, team, team_leader, nurse, health, django_capture_on_commit_callbacks
):
    client.force_login(nurse)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(team, "byd-ind/"), {"motivation": "Jeg kender de ældre i Dalby."}
        )
    assert response.status_code == 302
    offer = Volunteer.objects.get(team=team, user=nurse)
    told = Notification.objects.get(recipient=team_leader, kind="teams.volunteer")
    assert "byder ind" in told.title
    # Another employee may not answer.
    assert (
        client.post(
            url(team, f"frivillige/{offer.pk}/"), {"decision": "accept"}
        ).status_code
        == 403
    )
    client.force_login(team_leader)
    assert "Jeg kender de ældre i Dalby." in client.get(url(team)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(team, f"frivillige/{offer.pk}/"),
            {"decision": "accept", "answer": "Velkommen!"},
        )
    offer.refresh_from_db()
    assert offer.status == VolunteerStatus.ACCEPTED
    member = TeamMember.objects.get(team=team, user=nurse)
    assert member.department == health
    answer = Notification.objects.get(recipient=nurse, kind="teams.answer")
    assert "Du er med i teamet" in answer.title
    page = client.get(url(team)).content.decode()
    assert "2 afdelinger er repræsenteret." in page
    assert "Sundhed og Ældre" in page


def test_declined_volunteer_is_told_and_may_offer_again(
    team, team_leader, nurse, django_capture_on_commit_callbacks
):
    offer = services.volunteer_offer(team=team, user=nurse, motivation="Gerne")
    with pytest.raises(ValidationError):
        services.volunteer_offer(team=team, user=nurse, motivation="Igen")
    with django_capture_on_commit_callbacks(execute=True):
        services.volunteer_answer(volunteer=offer, actor=team_leader, accept=False)
    assert "ikke plads" in Notification.objects.get(recipient=nurse).title
    assert not TeamMember.objects.filter(team=team, user=nurse).exists()
    with pytest.raises(ValidationError):
        services.volunteer_answer(volunteer=offer, actor=team_leader, accept=True)
    again = services.volunteer_offer(team=team, user=nurse, motivation="Nu har jeg tid")
    assert again.pk == offer.pk and again.status == VolunteerStatus.PENDING


def test_the_departments_leader_may_answer_when_the_team_leader_cannot(
    client, team, culture, nurse
):
    boss = colleague(culture, is_leader=True)
    other_boss = colleague(
        DepartmentFactory(municipality=team.municipality), is_leader=True
    )
    offer = services.volunteer_offer(team=team, user=nurse, motivation="Gerne")
    client.force_login(other_boss)
    assert (
        client.post(
            url(team, f"frivillige/{offer.pk}/"), {"decision": "accept"}
        ).status_code
        == 403
    )
    client.force_login(boss)
    client.post(url(team, f"frivillige/{offer.pk}/"), {"decision": "maybe"})
    offer.refresh_from_db()
    assert offer.status == VolunteerStatus.PENDING
    client.post(url(team, f"frivillige/{offer.pk}/"), {"decision": "accept"})
    assert TeamMember.objects.filter(team=team, user=nurse).exists()


def test_a_closed_call_takes_no_volunteers(client, team, team_leader, nurse):
    client.force_login(team_leader)
    client.post(url(team, "opslag/"), {"open": "0"})
    team.refresh_from_db()
    assert not team.call_open
    client.force_login(nurse)
    assert client.get(url(team, "byd-ind/")).status_code == 403
    with pytest.raises(ValidationError):
        services.volunteer_offer(team=team, user=nurse, motivation="Gerne")
    assert not Volunteer.objects.exists()


def test_citizens_cannot_volunteer(team, citizen):
    with pytest.raises(ValidationError):
        services.volunteer_offer(team=team, user=citizen, motivation="Gerne")


def test_a_member_leaves_but_the_leader_cannot(client, team, team_leader, nurse):
    join(team, nurse, team_leader)
    with pytest.raises(ValidationError):
        services.member_leave(team=team, user=team_leader)
    client.force_login(nurse)
    client.post(url(team, "forlad/"))
    assert not TeamMember.objects.filter(team=team, user=nurse).exists()


# --- the space ------------------------------------------------------------------------------


def test_members_write_posts_and_tasks_outsiders_cannot(
    client, team, team_leader, nurse, employee, django_capture_on_commit_callbacks
):
    join(team, nurse, team_leader)
    client.force_login(employee)
    assert client.post(url(team, "beskeder/"), {"post-body": "Hej"}).status_code == 403
    client.force_login(team_leader)
    client.post(url(team, "beskeder/"), {"post-body": "Første møde er tirsdag."})
    assert Post.objects.get().body == "Første møde er tirsdag."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(team, "opgaver/"),
            {
                "task-title": "Book lokalet",
                "task-owner": nurse.pk,
                "task-due": "2027-02-01",
            },
        )
    task = Task.objects.get()
    assert task.owner == nurse
    assert Notification.objects.filter(recipient=nurse, kind="teams.task").exists()
    # An owner who is not a member is refused, and nothing is saved.
    client.post(
        url(team, "opgaver/"),
        {"task-title": "Ulovlig", "task-owner": employee.pk, "task-due": "2027-02-01"},
    )
    assert Task.objects.count() == 1
    client.force_login(nurse)
    client.post(url(team, f"opgaver/{task.pk}/"), {"done": "1"})
    task.refresh_from_db()
    assert task.done and task.done_at
    page = client.get(url(team)).content.decode()
    assert "Første møde er tirsdag." in page


def test_files_are_shared_and_downloaded_by_members_only(
    client, team, team_leader, nurse, employee
):
    join(team, nurse, team_leader)
    client.force_login(nurse)
    bad = SimpleUploadedFile(
        "virus.exe", b"MZ", content_type="application/octet-stream"
    )
    response = client.post(
        url(team, "filer/"), {"file-title": "x", "file-file": bad}, follow=True
    )
    assert "Filtypen er ikke tilladt" in response.content.decode()
    assert not team.files.exists()
    good = SimpleUploadedFile("plan.txt", b"Plan for maj\n", content_type="text/plain")
    client.post(url(team, "filer/"), {"file-title": "Planen", "file-file": good})
    shared = team.files.get()
    response = client.get(url(team, f"filer/{shared.pk}/"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Plan for maj\n"
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(employee)
    assert client.get(url(team, f"filer/{shared.pk}/")).status_code == 403
    client.logout()
    assert client.get(url(team, f"filer/{shared.pk}/")).status_code == 302


# --- closing ----------------------------------------------------------------------------------


def test_closing_needs_an_evaluation_and_shares_it_to_the_library(
    client, team, team_leader, nurse, citizen, django_capture_on_commit_callbacks
):
    waiting = services.volunteer_offer(team=team, user=nurse, motivation="Gerne")
    client.force_login(team_leader)
    response = client.post(url(team, "afslut/"), {"worked": "", "again": "yes"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"worked", "did_not_work"}
    team.refresh_from_db()
    assert team.state != State.CLOSED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(team, "afslut/"),
            {
                "worked": "Foreningerne kom med fra start.",
                "did_not_work": "Vi mødtes for sjældent.",
                "again": "changed",
                "share": "on",
            },
        )
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.state == State.CLOSED and team.evaluation_shared_at
    waiting.refresh_from_db()
    assert waiting.status == VolunteerStatus.DECLINED
    assert Notification.objects.filter(recipient=nurse, kind="teams.answer").exists()
    with pytest.raises(ValidationError):
        services.post_create(team=team, author=team_leader, body="For sent")
    shared = selectors.shared_evaluations(municipality=team.municipality)
    assert [t.pk for t in shared] == [team.pk]


def test_an_unshared_evaluation_stays_off_the_library(team, team_leader):
    services.team_close(
        team=team,
        actor=team_leader,
        worked="Godt",
        did_not_work="Skidt",
        again="no",
        share=False,
    )
    assert selectors.shared_evaluations(municipality=team.municipality) == []


def test_the_end_date_can_be_moved_but_not_before_the_start(team, team_leader):
    with pytest.raises(ValidationError):
        services.team_update(
            team=team,
            actor=team_leader,
            fields={"end_date": team.start_date - datetime.timedelta(days=1)},
        )
    team.refresh_from_db()
    assert team.end_date == END
    services.team_update(
        team=team, actor=team_leader, fields={"end_date": datetime.date(2027, 9, 1)}
    )
    team.refresh_from_db()
    assert team.end_date == datetime.date(2027, 9, 1)


def test_the_list_costs_the_same_whatever_the_number_of_teams(
    client, municipality, team, team_leader, nurse, django_assert_max_num_queries
):
    for i in range(8):
        other = services.team_create(
            municipality=municipality,
            actor=team_leader,
            title=f"Team {i}",
            purpose="x",
            end_date=END,
            task="y",
        )
        join(other, nurse, team_leader)
    client.force_login(nurse)
    with django_assert_max_num_queries(12):
        page = client.get(BASE).content.decode()
    assert "Team 7" in page and "2 afdelinger" in page


def test_the_leader_edits_the_team_others_may_not(client, team, team_leader, nurse):
    client.force_login(nurse)
    assert client.get(url(team, "ret/")).status_code == 403
    client.force_login(team_leader)
    response = client.post(
        url(team, "ret/"),
        {
            "title": "Ensomhed blandt ældre i Dalby",
            "purpose": team.purpose,
            "task": "",
            "end_date": "2027-08-01",
            "call_text": "",
        },
    )
    # Without a task and without a link the team would be about nothing.
    assert response.status_code == 200
    assert "Skriv hvilken opgave teamet løser." in response.content.decode()
    team.refresh_from_db()
    assert team.title == "Ensomhed blandt ældre"
    client.post(
        url(team, "ret/"),
        {
            "title": "Ensomhed blandt ældre i Dalby",
            "purpose": team.purpose,
            "task": team.task,
            "end_date": "2027-08-01",
            "call_text": "",
        },
    )
    team.refresh_from_db()
    assert team.title == "Ensomhed blandt ældre i Dalby"
    assert team.end_date == datetime.date(2027, 8, 1)
