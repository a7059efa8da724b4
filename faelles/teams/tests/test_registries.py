"""What teams add to other pages: the workspace, the learning library, the
leaders' page; and a person's data."""

import datetime

import pytest
from django.test import RequestFactory

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.personal_data import personal_data_modules
from faelles.accounts.services import account_delete
from faelles.organisations.factories import DepartmentFactory
from faelles.teams import services
from faelles.teams.leaders import leader_section
from faelles.teams.models import Post, Task, Team, TeamMember

from .conftest import END, colleague, join

pytestmark = pytest.mark.django_db

WORK = "/odense/arbejde/"
LIBRARY = "/odense/initiativer/laeringsbank/"


def test_the_workspace_lists_my_open_tasks_overdue_first_and_waiting_volunteers(
    client, team, team_leader, nurse, employee
):
    join(team, nurse, team_leader)
    services.task_add(
        team=team,
        actor=team_leader,
        title="Skriv til foreningerne",
        owner=nurse,
        due=datetime.date(2020, 1, 1),
    )
    services.task_add(
        team=team, actor=team_leader, title="Book lokalet", owner=nurse, due=END
    )
    done = services.task_add(
        team=team, actor=team_leader, title="Allerede gjort", owner=nurse, due=END
    )
    services.task_set_done(task=done, actor=nurse, done=True)
    services.volunteer_offer(team=team, user=employee, motivation="Gerne")
    client.force_login(nurse)
    page = client.get(WORK).content.decode()
    assert "Opgaver i mine teams" in page
    assert page.index("Skriv til foreningerne") < page.index("Book lokalet")
    assert "Allerede gjort" not in page
    client.force_login(team_leader)
    page = client.get(WORK).content.decode()
    assert "Frivillige der venter på svar" in page
    assert str(employee) in page
    assert "Tværgående teams" in page  # the tool


def test_the_library_shows_shared_evaluations_without_names(
    client, team, team_leader, nurse, citizen, municipality
):
    join(team, nurse, team_leader)
    kept = services.team_create(
        municipality=municipality,
        actor=team_leader,
        title="Kun internt",
        purpose="x",
        end_date=END,
        task="y",
    )
    services.team_close(
        team=team,
        actor=team_leader,
        worked="Foreningerne kom med.",
        did_not_work="For få møder.",
        again="yes",
        share=True,
    )
    services.team_close(
        team=kept,
        actor=team_leader,
        worked="Hemmeligt",
        did_not_work="Også",
        again="no",
        share=False,
    )
    client.force_login(citizen)
    page = client.get(LIBRARY).content.decode()
    assert "Foreningerne kom med." in page
    assert "2 afdelinger" in page
    assert "Hemmeligt" not in page and "Kun internt" not in page
    assert str(nurse) not in page and str(team_leader) not in page
    assert team.get_absolute_url() not in page


def test_the_leader_section_lists_teams_owned_by_or_with_members_from_the_units(
    team, team_leader, culture, health, nurse, municipality
):
    join(team, nurse, team_leader)
    elsewhere = DepartmentFactory(municipality=municipality)
    other = services.team_create(
        municipality=municipality,
        actor=colleague(elsewhere),
        title="Andet",
        purpose="x",
        end_date=END,
        task="y",
    )
    boss = colleague(health, is_leader=True)
    request = RequestFactory().get("/")
    request.municipality = municipality
    request.user = boss
    context = leader_section(request, {health.pk})
    assert [t.pk for t in context["teams"]] == [team.pk]
    assert context["teams"][0].unit_members == 1
    assert leader_section(request, {elsewhere.pk})["teams"] == [other]
    assert leader_section(request, set()) is None
    # Someone who may not see teams gets nothing.
    request.user = MembershipFactory(municipality=municipality).user
    assert leader_section(request, {health.pk}) is None


def test_a_persons_data_is_exported_and_deleted(team, team_leader, nurse):
    join(team, nurse, team_leader)
    services.post_create(team=team, author=nurse, body="Min besked")
    services.task_add(team=team, actor=team_leader, title="Ring", owner=nurse, due=END)
    exported = dict(personal_data_modules())["teams"].export_personal_data(nurse)
    assert exported["messages"][0]["message"] == "Min besked"
    assert exported["memberships"][0]["department"] == "Sundhed og Ældre"
    assert exported["offers"][0]["motivation"] == "Jeg kender dem"
    assert exported["tasks_owned"][0]["task"] == "Ring"
    account_delete(user=nurse)
    assert not Post.objects.exists()
    assert not TeamMember.objects.filter(user_id=nurse.pk).exists()
    task = Task.objects.get()
    assert task.owner is None
    # The leader leaves: the team goes on without one.
    account_delete(user=team_leader)
    assert Team.objects.get(pk=team.pk).leader is None
