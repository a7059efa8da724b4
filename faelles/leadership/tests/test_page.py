"""The leaders' page: who sees it, the unit picker, the registered sections
(goals, the units' initiatives and trials) and a bounded number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.initiatives.factories import InitiativeFactory, TrialFactory
from faelles.initiatives.models import Outcome, State
from faelles.leadership.factories import GoalFactory
from faelles.organisations.factories import DepartmentFactory

from .conftest import BASE

pytestmark = pytest.mark.django_db


def test_anonymous_to_login_staff_and_citizens_404(
    client, municipality, employee, citizen, politician, other_admin, leader
):
    response = client.get(BASE)
    assert response.status_code == 302 and "login" in response.url
    for person in (employee, citizen, politician, other_admin):
        client.force_login(person)
        assert client.get(BASE).status_code == 404, person
    client.force_login(leader)
    assert client.get(BASE).status_code == 200


def test_leader_sees_own_units_goals_not_others(
    client, unit, sub_unit, elsewhere, leader
):
    own = GoalFactory(municipality=unit.municipality, department=unit, title="Mod")
    below = GoalFactory(
        municipality=unit.municipality, department=sub_unit, title="Udvikling"
    )
    other = GoalFactory(
        municipality=unit.municipality, department=elsewhere, title="Handlekraft"
    )
    client.force_login(leader)
    text = client.get(BASE).text
    assert own.title in text and below.title in text and other.title not in text
    # The picker holds the leader's units only.
    assert sub_unit.name in text and elsewhere.name not in text
    # One unit (and what lies under it).
    text = client.get(f"{BASE}?enhed={sub_unit.pk}").text
    assert below.title in text and own.title not in text
    assert f'?enhed={sub_unit.pk}"' in text  # "Sæt et nyt mål" for that unit
    # A unit the leader does not lead, or nonsense, is a 404.
    for bad in (elsewhere.pk, "abc", "-1", "99999999999999999999999", "²"):
        assert client.get(f"{BASE}?enhed={bad}").status_code == 404


def test_administrator_chooses_any_department(
    client, unit, elsewhere, municipal_admin, other_municipality
):
    goal = GoalFactory(municipality=unit.municipality, department=elsewhere)
    client.force_login(municipal_admin)
    text = client.get(BASE).text
    assert goal.title in text and unit.name in text and elsewhere.name in text
    assert "Vælg en enhed ovenfor" in text  # several top units: pick one first
    assert client.get(f"{BASE}?enhed={elsewhere.pk}").status_code == 200
    foreign = DepartmentFactory(municipality=other_municipality)
    assert client.get(f"{BASE}?enhed={foreign.pk}").status_code == 404


def test_late_goal_shows_forsinket(client, unit, leader):
    GoalFactory(
        municipality=unit.municipality,
        department=unit,
        target_date=timezone.localdate() - timedelta(days=1),
        title="Gammelt mål",
    )
    client.force_login(leader)
    assert "<strong>Forsinket</strong>" in client.get(BASE).text


def test_units_initiatives_and_trials(
    client, unit, sub_unit, elsewhere, leader, employee
):
    m = unit.municipality
    by_unit = InitiativeFactory(municipality=m, department=sub_unit, title="Læsecafé")
    TrialFactory(initiative=by_unit, municipality=m, outcome=Outcome.PARTLY, round=1)
    by_facilitator = InitiativeFactory(
        municipality=m,
        department=elsewhere,
        facilitator=employee,
        title="Badebro",
        state=State.TRYING,
    )
    not_ours = InitiativeFactory(
        municipality=m, department=elsewhere, title="Skatepark"
    )
    withdrawn = InitiativeFactory(
        municipality=m, department=unit, state=State.WITHDRAWN, title="Trukket"
    )
    client.force_login(leader)
    text = client.get(BASE).text
    assert by_unit.title in text and "Virkede delvist" in text
    assert by_facilitator.title in text
    assert not_ours.title not in text and withdrawn.title not in text


def test_page_queries_stay_bounded_with_many_units(
    client, unit, leader, django_assert_max_num_queries
):
    m = unit.municipality
    parent, goals = unit, []
    for i in range(40):
        child = DepartmentFactory(municipality=m, parent=parent if i % 4 else unit)
        parent = child
        goals.append(GoalFactory(municipality=m, department=child))
        owner = MembershipFactory(municipality=m, is_employee=True, department=child)
        InitiativeFactory(municipality=m, department=child, facilitator=owner.user)
    client.force_login(leader)
    with django_assert_max_num_queries(25):
        response = client.get(BASE)
    assert response.status_code == 200
    assert all(g.get_absolute_url() in response.text for g in goals)
