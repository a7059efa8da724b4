"""The pages that list teams count the members of the rows they show, not of
every team in the municipality (bench/bench_workplace.py: the list took 88 ms
and the leaders' page's section 30 ms at 2,000 teams when the query that picks
the teams also joined and grouped all their members)."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from faelles.organisations.factories import DepartmentFactory
from faelles.organisations.selectors import (
    department_rows,
    department_tree,
    departments_read_once,
)
from faelles.teams import selectors, services, views
from faelles.teams.models import State, Team

from .conftest import BASE, END, colleague, join

pytestmark = pytest.mark.django_db


def _teams(municipality, leader, n, members=()):
    made = []
    for i in range(n):
        team = services.team_create(
            municipality=municipality,
            actor=leader,
            title=f"Team {i:03}",
            purpose="x",
            end_date=END,
            task="y",
        )
        for person in members:
            join(team, person, leader)
        made.append(team)
    return made


def _team_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if 'FROM "teams_team"' in q["sql"]]


def test_picking_the_teams_never_groups_their_members(
    client, municipality, team_leader, nurse
):
    """The team rows come from a query without COUNT/GROUP BY; the counts from
    one grouped query over the members of the shown teams alone."""
    _teams(municipality, team_leader, 5, members=[nurse])
    client.force_login(nurse)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(BASE).content.decode()
    picks = _team_queries(captured.captured_queries)
    assert picks, "the list reads teams"
    for sql in picks:
        assert "COUNT(" not in sql.upper() and "GROUP BY" not in sql.upper(), sql
    counting = [
        q["sql"]
        for q in captured.captured_queries
        if 'FROM "teams_teammember"' in q["sql"] and "GROUP BY" in q["sql"]
    ]
    assert len(counting) == 1 and '"team_id" IN' in counting[0]
    assert "2 medlemmer" in page and "2 afdelinger" in page


@pytest.mark.parametrize("n", [3, 40])
def test_the_list_has_the_same_queries_for_3_or_40_teams(
    client, municipality, team_leader, nurse, n
):
    _teams(municipality, team_leader, n, members=[nurse])
    client.force_login(nurse)
    client.get(BASE)  # warm the menu's cached count
    with CaptureQueriesContext(connection) as captured:
        assert client.get(BASE).status_code == 200
    # mine, a page of the current teams, their counts, the closed: the same
    # number whatever the number of teams (the session and the person besides)
    # — and, when the person's own teams fill more than a page, their count.
    assert len(captured.captured_queries) <= (9 if n < views.MINE_SHOWN else 10), [
        q["sql"][:120] for q in captured.captured_queries
    ]


def test_the_current_teams_come_a_page_at_a_time(
    client, municipality, team_leader, nurse, monkeypatch
):
    from faelles.teams import views

    monkeypatch.setattr(views, "CURRENT_SHOWN", 4)
    teams = _teams(municipality, team_leader, 6)
    ordered = list(selectors.teams(municipality=municipality))
    assert len(ordered) == 6 and {t.pk for t in ordered} == {t.pk for t in teams}
    client.force_login(nurse)
    first = client.get(BASE).content.decode()
    assert all(t.title in first for t in ordered[:4])
    assert not any(t.title in first for t in ordered[4:])
    assert "?side=2" in first and "Forrige side" not in first
    second = client.get(f"{BASE}?side=2").content.decode()
    assert all(t.title in second for t in ordered[4:])
    assert "?side=1" in second and "?side=3" not in second
    # Past the end, and nonsense, give a page, not an error.
    assert client.get(f"{BASE}?side=99").status_code == 200
    assert client.get(f"{BASE}?side=x").status_code == 200


def test_counts_of_the_shown_teams(municipality, team_leader, nurse, culture):
    other = DepartmentFactory(municipality=municipality, name="Teknik")
    engineer = colleague(other)
    team, lonely = _teams(municipality, team_leader, 2)
    join(team, nurse, team_leader)
    join(team, engineer, team_leader)
    shown, more = selectors.teams_page(municipality=municipality, page=1, per_page=5)
    assert not more
    counts = {t.pk: (t.member_count, t.department_count) for t in shown}
    assert counts == {team.pk: (3, 3), lonely.pk: (1, 1)}
    # The leaders' page: the members from the chosen departments.
    found = selectors.teams_of_departments(
        municipality=municipality, departments={other.pk}, limit=5
    )
    assert [(t.pk, t.member_count, t.unit_members) for t in found] == [(team.pk, 3, 1)]
    # The learning library: shared evaluations with their departments.
    services.team_close(
        team=team,
        actor=team_leader,
        worked="a",
        did_not_work="b",
        again="yes",
        share=True,
    )
    Team.objects.filter(pk=lonely.pk).update(state=State.CLOSED)
    [shared] = selectors.shared_evaluations(municipality=municipality)
    assert shared.pk == team.pk and shared.department_count == 3
    assert selectors.with_counts([]) == []


def test_the_leaders_section_does_not_group_every_team(
    municipality, team_leader, nurse, health
):
    _teams(municipality, team_leader, 4, members=[nurse])
    with departments_read_once(municipality):
        department_rows(municipality)  # as the leaders' page has already
        with CaptureQueriesContext(connection) as captured:
            found = selectors.teams_of_departments(
                municipality=municipality, departments={health.pk}, limit=2
            )
    assert [t.unit_members for t in found] == [1, 1]
    # The two teams (their departments' names from the page's read of the
    # departments), their members counted.
    assert len(captured.captured_queries) == 2
    assert [t.department_name for t in found] == [t.department.name for t in found]
    picked = [sql for sql in _team_queries(captured.captured_queries) if "LIMIT" in sql]
    assert len(picked) == 1 and "JOIN" not in picked[0], picked
    for sql in _team_queries(captured.captured_queries):
        assert "GROUP BY" not in sql.upper(), sql


def test_the_administrators_section_sends_no_list_of_every_department(
    municipality, team_leader, nurse, health
):
    """Every department (an administrator's page): the departments are a
    subquery, not hundreds of ids sent twice, and the rows are the same."""
    others = [DepartmentFactory(municipality=municipality) for _ in range(3)]
    made = _teams(municipality, team_leader, 3, members=[nurse])
    every = set(department_tree(municipality))
    assert len(every) >= 4
    with CaptureQueriesContext(connection) as captured:
        found = selectors.teams_of_departments(
            municipality=municipality, departments=every, limit=5
        )
    assert [t.pk for t in found] == [t.pk for t in made]
    assert [t.unit_members for t in found] == [2, 2, 2]  # the leader and the nurse
    [picked] = [
        sql for sql in _team_queries(captured.captured_queries) if "LIMIT" in sql
    ]
    listed = ", ".join(str(pk) for pk in sorted(d.pk for d in others))
    assert listed not in picked and "organisations_organisation" in picked, picked


def test_the_lists_sort_teams_without_joining_accounts(
    client, municipality, team_leader, nurse
):
    """The running and the closed teams are sorted and sliced in the teams
    table alone; their leaders and departments are read by id afterwards
    (PostgreSQL joined every account before sorting)."""
    made = _teams(municipality, team_leader, 4)
    Team.objects.filter(pk=made[0].pk).update(state=State.CLOSED)
    client.force_login(nurse)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(BASE).content.decode()
    sliced = [
        sql
        for sql in _team_queries(captured.captured_queries)
        if "ORDER BY" in sql and "LIMIT" in sql
    ]
    # The person's own teams (through their memberships), the running teams
    # and the closed ones.
    assert len(sliced) == 3, sliced
    for sql in sliced:
        assert "accounts_user" not in sql and "organisations_" not in sql, sql
        assert sql.count("JOIN") == sql.count('JOIN "teams_teammember"') <= 1, sql
    assert "Team 000" in page and "Team 003" in page


def test_the_cards_escape_every_text_and_say_it_in_both_languages(
    client, municipality, team_leader, nurse
):
    """The cards and the closed teams are written in Python
    (``templatetags/team_cards.py``): what people typed is escaped there."""
    hostile = "<b>\"Fed\" & 'titel'</b>"
    [team, closed] = _teams(municipality, team_leader, 2, members=[nurse])
    Team.objects.filter(pk=team.pk).update(
        title=hostile, call_open=True, call_text="<script>x</script>"
    )
    Team.objects.filter(pk=closed.pk).update(
        title="<i>Slut</i>", state=State.CLOSED, closed_at=timezone.now()
    )
    client.force_login(nurse)
    page = client.get(BASE).content.decode()
    assert "<b>" not in page and "<script>x" not in page and "<i>Slut" not in page
    assert "&lt;b&gt;&quot;Fed&quot; &amp; &#x27;titel&#x27;&lt;/b&gt;" in page
    assert "Søger frivillige</strong>: &lt;script&gt;x&lt;/script&gt;" in page
    assert "2 medlemmer · 2 afdelinger" in page and "afsluttet" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(BASE).content.decode()
    assert "2 members · 2 departments" in page and "Looking for volunteers" in page
