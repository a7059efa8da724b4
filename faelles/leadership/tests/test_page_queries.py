"""The leaders' page reads the department tree once and asks a number of
queries that does not grow with the units and goals it covers; it still shows
the right units' goals, teams, initiatives and pulse to a leader, an
administrator and no other leader."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.initiatives.factories import InitiativeFactory, TrialFactory
from faelles.leadership.factories import GoalFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.organisations.selectors import department_tree
from faelles.pulse import results
from faelles.pulse.factories import RoundFactory
from faelles.pulse.instrument import ITEM_KEYS
from faelles.teams.factories import TeamFactory
from faelles.teams.models import TeamMember

from .conftest import BASE

pytestmark = pytest.mark.django_db


def _units(parent, n, *, start=0):
    """``n`` units under ``parent``, each with two goals, an initiative with a
    trial, a team and an employee who facilitates and is in the team."""
    m = parent.municipality
    made = []
    for i in range(start, start + n):
        unit = DepartmentFactory(municipality=m, parent=parent, name=f"Enhed {i}")
        GoalFactory(municipality=m, department=unit, title=f"Mål {i}a")
        GoalFactory(municipality=m, department=unit, title=f"Mål {i}b")
        person = MembershipFactory(municipality=m, is_employee=True, department=unit)
        initiative = InitiativeFactory(
            municipality=m,
            department=unit,
            facilitator=person.user,
            title=f"Initiativ {i}",
        )
        TrialFactory(initiative=initiative, municipality=m, round=1)
        team = TeamFactory(municipality=m, department=unit, title=f"Team {i}")
        TeamMember.objects.create(
            team=team, user=person.user, department=unit, joined_at=timezone.now()
        )
        made.append(unit)
    return made


def _closed_round(municipality, units):
    """A closed round whose results have a cell for each unit (five answers)."""
    responses = [(u.pk, dict.fromkeys(ITEM_KEYS, 4)) for u in units for _ in range(5)]
    return RoundFactory(
        municipality=municipality,
        title="Pulsmåling i foråret",
        opens_on=timezone.localdate() - timedelta(days=30),
        closes_on=timezone.localdate() - timedelta(days=1),
        results=results.compute(department_tree(municipality), responses),
    )


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response.text, [q["sql"] for q in captured.captured_queries]


def _tree_reads(queries):
    return [s for s in queries if s.startswith('SELECT "organisations_organisation"')]


@pytest.mark.parametrize("who", ["leader", "municipal_admin"])
def test_the_queries_do_not_grow_with_the_units_and_their_goals(
    request, client, unit, municipality, who
):
    person = request.getfixturevalue(who)
    _units(unit, 3)
    _closed_round(municipality, [unit])
    client.force_login(person)
    client.get(BASE)
    text, few = _queries(client, BASE)
    assert "Initiativ 2" in text and "Team 2" in text and "Mål 2b" in text
    _units(unit, 27, start=3)
    text, many = _queries(client, BASE)
    # The newest initiatives, the first teams and goals; the rest counted.
    assert "Initiativ 29" in text and "Team 11" in text and "Mål 24b" in text
    assert "Og 10 mål mere" in text
    assert len(many) == len(few) <= 14, "\n".join(many)
    # The department tree: one read a request, for the picker, the goals,
    # the pulse and whom the person leads alike.
    assert len(_tree_reads(many)) == 1
    # An administrator's goals, initiatives, pulse and teams ask by
    # municipality, not by 30 ids (the goals shown are then read by their own
    # ids).
    if who == "municipal_admin":
        own = [s for s in many if '"leadership_goal"."id" IN' not in s]
        assert not [s for s in own if re.search(r"IN \((\d+, ){25}", s)]


def test_one_unit_reads_the_tree_once_too(client, unit, leader):
    units = _units(unit, 3)
    client.force_login(leader)
    text, queries = _queries(client, f"{BASE}?enhed={units[1].pk}")
    assert "Mål 1a" in text and "Mål 0a" not in text
    assert f'href="{units[1].get_absolute_url()}"' in text  # the unit's own page
    assert len(_tree_reads(queries)) == 1


def test_each_section_shows_the_units_led_to_the_leader_and_administrator(
    client, unit, elsewhere, municipality, leader, municipal_admin
):
    ours = _units(unit, 2)
    theirs = _units(elsewhere, 1, start=5)
    _closed_round(municipality, [*ours, *theirs])
    other_leader = MembershipFactory(
        municipality=municipality,
        is_employee=True,
        is_leader=True,
        department=elsewhere,
    ).user
    mine = ["Mål 0a", "Mål 1b", "Initiativ 0", "Initiativ 1", "Team 0", "Team 1"]
    others = ["Mål 5a", "Initiativ 5", "Team 5"]

    client.force_login(leader)
    text = client.get(BASE).text
    assert all(s in text for s in mine) and not any(s in text for s in others)
    assert "Pulsmåling i foråret" in text
    assert "Enhed 0" in text and "Enhed 5" not in text  # picker and pulse

    client.force_login(other_leader)
    text = client.get(BASE).text
    assert all(s in text for s in others) and not any(s in text for s in mine)
    assert "Enhed 5" in text and "Enhed 0" not in text

    client.force_login(municipal_admin)
    text = client.get(BASE).text
    assert all(s in text for s in [*mine, *others])
    assert "Enhed 0" in text and "Enhed 5" in text


def test_a_goal_row_is_escaped_and_says_how_it_stands(client, unit, leader):
    today = timezone.localdate()
    goal = GoalFactory(
        municipality=unit.municipality,
        department=unit,
        title="<b>Mod</b> & mere",
        target_date=today - timedelta(days=2),
        next_check_in_on=today - timedelta(days=1),
        owner=leader,
    )
    client.force_login(leader)
    text = client.get(BASE).text
    url = goal.get_absolute_url()
    assert f'<a href="{url}">&lt;b&gt;Mod&lt;/b&gt; &amp; mere</a>' in text
    assert "<strong>Forsinket</strong>" in text
    assert f"ansvarlig: {leader.display_name}" in text
    assert "<strong>opfølgning forfalden</strong>" in text
