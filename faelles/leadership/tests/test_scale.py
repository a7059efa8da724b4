"""The leaders' page and the goal form at the size of a large municipality
(bench/bench_workplace.py): the owner list of a department with hundreds of
employees, the unit picker of an administrator and the goals of every unit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faelles.accounts.factories import MembershipFactory
from faelles.leadership.factories import GoalFactory
from faelles.organisations.factories import DepartmentFactory

from .conftest import BASE

pytestmark = pytest.mark.django_db


def test_owner_choices_are_read_as_ids_and_names(client, unit, sub_unit, leader):
    """The owners are read without a User each (a department's hundreds of
    employees cost 130 ms through model instances and the option template)."""
    for i in range(5):
        MembershipFactory(
            municipality=unit.municipality,
            is_employee=True,
            department=sub_unit,
            user__display_name=f"Kollega <{i}> & co",
        )
    client.force_login(leader)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(f"{BASE}maal/nyt/?enhed={unit.pk}").content.decode()
    owners = [
        q["sql"]
        for q in captured.captured_queries
        if 'FROM "accounts_user"' in q["sql"] and "DISTINCT" in q["sql"]
    ]
    assert owners and all('"accounts_user"."password"' not in s for s in owners)
    # Escaped as the template would, the leader chosen, in name order.
    assert "Kollega &lt;0&gt; &amp; co" in page and "<0>" not in page
    assert f'<option value="{leader.pk}" selected>' in page
    assert page.index("Kollega &lt;0&gt;") < page.index("Kollega &lt;4&gt;")
    assert '<option value="">Vælg en medarbejder</option>' in page


def test_the_goal_form_saves_the_chosen_owner(client, unit, employee, leader):
    client.force_login(leader)
    response = client.post(
        f"{BASE}maal/nyt/?enhed={unit.pk}",
        {
            "title": "Mod",
            "success": "Vi prøver",
            "target_date": "2030-01-01",
            "owner": employee.pk,
            "check_in_days": 30,
        },
    )
    assert response.status_code == 302
    from faelles.leadership.models import Goal

    assert Goal.objects.get(title="Mod").owner == employee
    # Someone outside the unit is refused.
    stranger = MembershipFactory(municipality=unit.municipality, is_employee=True)
    response = client.post(
        f"{BASE}maal/nyt/?enhed={unit.pk}",
        {
            "title": "Ikke",
            "success": "x",
            "target_date": "2030-01-01",
            "owner": stranger.user.pk,
            "check_in_days": 30,
        },
    )
    assert response.status_code == 200 and not Goal.objects.filter(title="Ikke")


def test_unit_picker_marks_the_chosen_unit_and_escapes(client, unit, leader):
    odd = DepartmentFactory(
        municipality=unit.municipality, parent=unit, name='Ældre "A" & <B>'
    )
    client.force_login(leader)
    page = client.get(f"{BASE}?enhed={odd.pk}").content.decode()
    assert (
        f'<option value="{odd.pk}" selected>– Ældre &quot;A&quot; &amp; &lt;B&gt;'
        "</option>"
    ) in page
    assert f'<option value="{unit.pk}">{unit.name}</option>' in page


@pytest.mark.parametrize("n", [3, 30])
def test_an_administrators_page_asks_for_every_goal_without_a_list_of_ids(
    client, municipal_admin, municipality, n
):
    goals = [
        GoalFactory(
            municipality=municipality,
            department=DepartmentFactory(municipality=municipality),
        )
        for _ in range(n)
    ]
    client.force_login(municipal_admin)
    client.get(BASE)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(BASE).content.decode()
    assert all(g.get_absolute_url() in page for g in goals)
    reads = [
        q["sql"]
        for q in captured.captured_queries
        if 'FROM "leadership_goal"' in q["sql"]
    ]
    assert reads and all('"department_id" IN' not in s for s in reads)
    assert len(captured.captured_queries) <= 16
