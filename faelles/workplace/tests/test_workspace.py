"""The employee's workspace: what waits for the person, only theirs, only here."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.committees.factories import FollowUpActionFactory
from faelles.committees.models import ActionStatus
from faelles.initiatives.factories import InitiativeFactory
from faelles.opinions.factories import OpinionMapFactory, StatementFactory
from faelles.opinions.models import StatementStatus
from faelles.reflection.factories import SessionFactory
from faelles.reflection.models import Action
from faelles.workplace import selectors

pytestmark = pytest.mark.django_db

URL = "/odense/arbejde/"


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()
    yield
    cache.clear()


def _department(user, municipality):
    return user.memberships.get(municipality=municipality).department


def test_anonymous_visitors_go_to_the_login_page(client, municipality):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/konto/log-ind/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("who", ["citizen", "politician", "moderator", "outsider"])
def test_the_workspace_does_not_exist_for_anyone_but_staff(
    client, request, municipality, who
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 404


def test_another_municipalitys_employee_has_no_workspace_here(
    client, municipality, other_admin
):
    client.force_login(other_admin)
    assert client.get(URL).status_code == 404


def test_an_employee_sees_what_waits_for_them_and_nothing_of_anyone_else(
    client, municipality, employee
):
    department = _department(employee, municipality)
    mine = InitiativeFactory(
        municipality=municipality, facilitator=employee, title="Min badebro"
    )
    colleague = MembershipFactory(
        municipality=municipality, is_employee=True, department=department
    ).user
    InitiativeFactory(
        municipality=municipality, facilitator=colleague, title="Kollegaens sti"
    )
    responsible = FollowUpActionFactory(
        recommendation__committee__municipality=municipality,
        responsible=employee,
        title="Ansvarlig for legepladsen",
        due_date=timezone.localdate() - timedelta(days=3),
    )
    departments = FollowUpActionFactory(
        recommendation__committee__municipality=municipality,
        owner=department,
        title="Afdelingens opgave uden navn",
    )
    FollowUpActionFactory(
        recommendation__committee__municipality=municipality,
        owner=department,
        responsible=colleague,
        title="Kollegaens handling",
    )
    FollowUpActionFactory(
        recommendation__committee__municipality=municipality,
        responsible=employee,
        status=ActionStatus.DONE,
        completed_on=timezone.localdate(),
        title="Allerede gennemført",
    )
    session = SessionFactory(municipality=municipality, department=department)
    Action.objects.create(
        municipality=municipality,
        session=session,
        text="Invitere foreningerne til kaffe",
        owner=employee,
        due=timezone.localdate() + timedelta(days=14),
    )

    client.force_login(employee)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    for shown in (
        mine.title,
        responsible.title,
        departments.title,
        "Invitere foreningerne til kaffe",
    ):
        assert shown in page
    for hidden in ("Kollegaens sti", "Kollegaens handling", "Allerede gennemført"):
        assert hidden not in page
    assert "Frist overskredet" in page  # the overdue action says so in words
    assert page.index(responsible.title) < page.index(departments.title)
    assert "Mit arbejde" in page and 'hx-get="/odense/arbejde/antal/"' in page


def test_another_municipalitys_work_never_shows(
    client, municipality, other_municipality, employee
):
    InitiativeFactory(municipality=other_municipality, title="Faxes initiativ")
    FollowUpActionFactory(
        recommendation__committee__municipality=other_municipality,
        responsible=employee,
        title="Faxes opfølgning",
    )
    client.force_login(employee)
    page = client.get(URL).content.decode()
    assert "Faxes initiativ" not in page
    assert "Faxes opfølgning" not in page


def test_moderation_work_goes_to_those_who_moderate(
    client, municipality, employee, citizen
):
    opinion_map = OpinionMapFactory(municipality=municipality, title="Bymidten")
    StatementFactory(
        map=opinion_map,
        status=StatementStatus.PENDING,
        text="Flere bænke langs åen, tak",
    )
    client.force_login(employee)
    assert "Flere bænke langs åen, tak" in client.get(URL).content.decode()
    keys = {
        s.source.key
        for s in selectors.sections(user=citizen, municipality=municipality)
    }
    assert keys == set(), "a citizen has no work sources at all"


def test_counts_are_exact_and_lists_are_short(municipality, employee):
    for n in range(selectors.SHOW + 3):
        InitiativeFactory(
            municipality=municipality, facilitator=employee, title=f"Initiativ {n}"
        )
    sections = {
        s.source.key: s
        for s in selectors.sections(user=employee, municipality=municipality)
    }
    mine = sections["initiatives_mine"]
    assert mine.count == selectors.SHOW + 3
    assert len(mine.items) == selectors.SHOW
    assert mine.more_url.endswith("/initiativer/mine-opgaver/")


def test_the_menu_loads_the_number_waiting_after_the_page_and_keeps_it(
    client, municipality, employee, citizen
):
    COUNT = "/odense/arbejde/antal/"
    InitiativeFactory(municipality=municipality, facilitator=employee)
    client.force_login(employee)
    client.get(URL)  # counts and keeps the number
    page = client.get("/odense/").content.decode()
    assert f'hx-get="{COUNT}"' in page, "the page only asks for the number"
    assert "venter)" not in page
    InitiativeFactory(municipality=municipality, facilitator=employee)
    badge = client.get(COUNT).content.decode()
    assert 'class="faelles-nav-count"' in badge
    assert "(1 venter)" in badge, "the kept number, not recounted"
    cache.clear()
    assert "(2 venter)" in client.get(COUNT).content.decode()
    client.force_login(citizen)
    assert client.get(COUNT).content.decode().strip() == ""
    assert COUNT not in client.get("/odense/").content.decode()


def test_the_menu_costs_a_page_no_query_for_the_number(
    client, municipality, employee, citizen
):
    """An employee's page makes as many queries as a citizen's menu allows: the
    number comes later (htmx), so no page's query budget pays for it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(5):
        InitiativeFactory(municipality=municipality, facilitator=employee)
    client.force_login(employee)
    with CaptureQueriesContext(connection) as queries:
        client.get("/odense/")
    counted = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert not any("initiatives_initiative" in sql for sql in counted)


def test_the_page_costs_the_same_whatever_waits(
    client, municipality, employee, django_assert_max_num_queries
):
    client.force_login(employee)
    client.get(URL)
    for _ in range(30):
        InitiativeFactory(municipality=municipality, facilitator=employee)
        FollowUpActionFactory(
            recommendation__committee__municipality=municipality,
            responsible=employee,
        )
    with django_assert_max_num_queries(40):
        assert client.get(URL).status_code == 200


def test_nothing_waiting_says_so(client, municipality, employee):
    client.force_login(employee)
    page = client.get(URL).content.decode()
    assert "Intet venter på dig" in page
    assert client.get("/odense/arbejde/antal/").content.decode().strip() == ""


def test_the_tools_are_those_the_person_may_use(
    client, municipality, employee, monkeypatch
):
    """Each app declares its tools (``TOOLS`` in work.py); the page lists those
    whose rule lets the person in, and links to them."""
    from faelles.core import work_sources

    registered = work_sources._all_tools()
    assert {"status", "sprogtjek", "reflection"} <= {t.key for t in registered}
    refused = work_sources.WorkTool(
        key="locked",
        label="Et låst værktøj",
        description="kun for andre",
        url_name="status:overview",
        order=99,
        applies=lambda user, m: False,
    )
    monkeypatch.setattr(work_sources, "_all_tools", lambda: (*registered, refused))
    client.force_login(employee)
    page = client.get(URL).text
    for tool in registered:
        shown = f">{tool.label}</a>" in page
        assert shown == tool.applies(employee, municipality), tool.key
    assert "Et låst værktøj" not in page
