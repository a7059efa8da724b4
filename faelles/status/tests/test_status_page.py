"""Gør status: what is listed (public only), what is overdue and why, the filters
(theme, focus area, department, mine, overdue), another municipality's filters and
objects, paging, the CSV and the PDF, and query counts that do not grow."""

import csv
import io
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.phases import Phase as RoundPhase
from faelles.committees.factories import (
    FollowUpActionFactory,
    RecommendationFactory,
    TaskCommitteeFactory,
)
from faelles.committees.phases import Phase as CommitteePhase
from faelles.dialogue.factories import HearingFactory
from faelles.initiatives.factories import InitiativeFactory, TrialFactory
from faelles.initiatives.models import InitiativeTheme, State
from faelles.municipalities.factories import FocusAreaFactory, theme
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

URL = "/odense/status/"


def _today():
    return timezone.localdate()


def _titles(response, kind):
    for section in response.context["sections"]:
        if section.source.key == kind:
            return [item.title for item in section.items]
    raise AssertionError(f"no section {kind}")


def _section(response, kind):
    return next(s for s in response.context["sections"] if s.source.key == kind)


@pytest.fixture
def place(municipality):
    """One of each kind, some overdue, some not public."""
    today = _today()
    nature = theme(municipality, "nature")
    culture = theme(municipality, "culture")
    roads = DepartmentFactory(municipality=municipality, name="Vej og Park")
    school = DepartmentFactory(municipality=municipality, name="Skole")
    late_committee = TaskCommitteeFactory(
        municipality=municipality,
        title="Udvalg over tiden",
        phase=CommitteePhase.WORK,
        theme=nature,
        period_start=today - timedelta(days=400),
        period_end=today - timedelta(days=10),
    )
    TaskCommitteeFactory(
        municipality=municipality, title="Udvalg i støbeskeen", phase="mandate"
    )
    recommendation = RecommendationFactory(
        municipality=municipality,
        committee__municipality=municipality,
        committee__phase=CommitteePhase.FOLLOW_UP,
        committee__theme=culture,
        committee__title="Kulturudvalget",
        title="Flere spillesteder",
        decision="adopted",
        decided_at=today - timedelta(days=100),
    )
    late_action = FollowUpActionFactory(
        municipality=municipality,
        recommendation=recommendation,
        title="Lån lokaler ud om aftenen",
        owner=roads,
        due_date=today - timedelta(days=1),
    )
    FollowUpActionFactory(
        municipality=municipality,
        recommendation=recommendation,
        title="Gennemført handling",
        owner=school,
        status="done",
        completed_on=today - timedelta(days=20),
        due_date=today - timedelta(days=5),
    )
    unanswered = InitiativeFactory(
        municipality=municipality,
        title="Ubesvaret idé",
        created_at=timezone.now() - timedelta(days=30),
    )
    InitiativeTheme.objects.create(
        municipality=municipality, initiative=unanswered, theme=nature
    )
    TrialFactory(
        municipality=municipality,
        initiative__municipality=municipality,
        initiative__title="Prøvehandling uden evaluering",
        initiative__department=school,
        starts_on=today - timedelta(days=90),
        ends_on=today - timedelta(days=3),
    )
    InitiativeFactory(
        municipality=municipality, title="Trukket tilbage", state=State.WITHDRAWN
    )
    finished = BudgetRoundFactory(municipality=municipality, phase=RoundPhase.RESULTS)
    ProjectFactory(
        municipality=municipality, round=finished, title="Ny legeplads", is_funded=True
    )
    ProjectFactory(
        municipality=municipality, round=finished, title="Ikke valgt", is_funded=False
    )
    now = timezone.now()
    HearingFactory(
        municipality=municipality,
        title="Høring uden svar",
        announced_at=now - timedelta(weeks=14),
        opens_at=now - timedelta(weeks=13),
        closes_at=now - timedelta(weeks=9),
    )
    HearingFactory(
        municipality=municipality,
        title="Hemmelig høring",
        announced_at=now + timedelta(days=3),
        opens_at=now + timedelta(days=4),
        closes_at=now + timedelta(days=20),
    )
    return {
        "nature": nature,
        "culture": culture,
        "roads": roads,
        "school": school,
        "late_committee": late_committee,
        "late_action": late_action,
        "recommendation": recommendation,
    }


def test_the_page_lists_what_is_public_and_marks_what_is_overdue(client, place):
    response = client.get(URL)
    assert response.status_code == 200
    assert _titles(response, "committees") == ["Udvalg over tiden", "Kulturudvalget"]
    assert "Udvalg i støbeskeen" not in response.content.decode()
    assert _titles(response, "actions") == [
        "Lån lokaler ud om aftenen",
        "Gennemført handling",
    ]
    assert sorted(_titles(response, "initiatives")) == [
        "Prøvehandling uden evaluering",
        "Ubesvaret idé",
    ]
    assert _titles(response, "projects") == ["Ny legeplads"]
    assert _titles(response, "hearings") == ["Høring uden svar"]
    html = response.content.decode()
    assert "Hemmelig høring" not in html and "Ikke valgt" not in html
    assert "Trukket tilbage" not in html

    late = {
        item.title: item.overdue_reason
        for section in response.context["sections"]
        for item in section.items
        if item.overdue
    }
    assert late == {
        "Udvalg over tiden": "Perioden er slut, anbefalingerne mangler",
        "Lån lokaler ud om aftenen": "Fristen er overskredet",
        "Ubesvaret idé": "Venter på kommunens svar",
        "Prøvehandling uden evaluering": "Prøvehandlingen er slut, men ikke evalueret",
        "Høring uden svar": "Kommunens svar mangler",
    }
    assert _section(response, "actions").overdue == 1
    assert "Forsinket:" in html


def test_an_answered_idea_and_an_evaluated_trial_are_not_overdue(client, place):
    from faelles.initiatives.models import Initiative, Trial

    Initiative.objects.filter(title="Ubesvaret idé").update(
        first_response_at=timezone.now()
    )
    Trial.objects.update(outcome="worked", evaluated_at=timezone.now())
    response = client.get(URL)
    items = _section(response, "initiatives").items
    assert not any(item.overdue for item in items)
    assert any("Virkede" in item.detail for item in items)


def test_counts_by_theme(client, place):
    response = client.get(URL)
    sources = [s.key for s in response.context["theme_sources"]]
    rows = {
        row.key: dict(zip(sources, row.cells, strict=True))
        for row in response.context["theme_rows"]
    }
    assert rows["nature"]["committees"] == (1, 1)
    assert rows["nature"]["initiatives"] == (1, 1)
    assert rows["culture"]["actions"] == (2, 1)
    assert rows["culture"]["recommendations"] == (1, 0)


def test_filter_by_theme_and_focus_area(client, municipality, place):
    response = client.get(URL, {"theme": "nature"})
    assert _titles(response, "committees") == ["Udvalg over tiden"]
    assert _titles(response, "initiatives") == ["Ubesvaret idé"]
    assert _titles(response, "actions") == []
    assert response.context["theme_rows"] == []  # one theme: no table by theme

    area = FocusAreaFactory(municipality=municipality, theme=place["culture"])
    place["late_action"].recommendation.focus_area = area
    place["late_action"].recommendation.save()
    response = client.get(URL, {"focus_area": area.key})
    assert _titles(response, "actions") == [
        "Lån lokaler ud om aftenen",
        "Gennemført handling",
    ]
    assert _titles(response, "committees") == []


def test_filter_by_department(client, place):
    response = client.get(URL, {"department": place["school"].pk})
    assert _titles(response, "actions") == ["Gennemført handling"]
    assert _titles(response, "initiatives") == ["Prøvehandling uden evaluering"]
    assert _titles(response, "recommendations") == [
        f"{place['recommendation'].number}. Flere spillesteder"
    ]
    assert not _section(response, "committees").answered
    assert "ingen afdeling knyttet til dem" in response.content.decode()


def test_only_overdue(client, place):
    response = client.get(URL, {"overdue": "on"})
    assert _titles(response, "actions") == ["Lån lokaler ud om aftenen"]
    assert _titles(response, "projects") == []
    assert _section(response, "actions").total == 1


def test_mine_for_a_politician_and_for_an_employee(client, municipality, place):
    chair = place["late_committee"].chair
    client.force_login(chair)
    response = client.get(URL, {"mine": "on"})
    assert _titles(response, "committees") == ["Udvalg over tiden"]
    assert _titles(response, "actions") == []

    place["late_action"].responsible = chair
    place["late_action"].save()
    response = client.get(URL, {"mine": "on"})
    assert _titles(response, "actions") == ["Lån lokaler ud om aftenen"]
    assert _titles(response, "recommendations") == [
        f"{place['recommendation'].number}. Flere spillesteder"
    ]

    employee = MembershipFactory(
        municipality=municipality, is_employee=True, department=place["roads"]
    ).user
    client.force_login(employee)
    response = client.get(URL)
    assert f"?department={place['roads'].pk}" in response.content.decode()


def test_mine_is_ignored_for_anonymous_visitors(client, place):
    response = client.get(URL, {"mine": "on"})
    assert _titles(response, "committees") == ["Udvalg over tiden", "Kulturudvalget"]


def test_another_municipalitys_filters_are_refused_with_a_message(
    client, other_municipality, place
):
    foreign_department = DepartmentFactory(municipality=other_municipality)
    foreign_area = FocusAreaFactory(
        municipality=other_municipality, theme=theme(other_municipality, "nature")
    )
    response = client.get(
        URL,
        {
            "theme": "no-such-theme",
            "department": foreign_department.pk,
            "focus_area": foreign_area.key,
            "kind": "nonsense",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Temaet findes ikke i kommunen." in html
    assert "Afdelingen findes ikke i kommunen." in html
    assert "Indsatsområdet findes ikke i kommunen." in html
    # The filters are left out: everything is shown.
    assert _titles(response, "committees") == ["Udvalg over tiden", "Kulturudvalget"]
    assert len(response.context["sections"]) == 6


def test_another_municipalitys_objects_never_appear(client, other_municipality, place):
    TaskCommitteeFactory(
        municipality=other_municipality, title="Fremmed udvalg", phase="work"
    )
    FollowUpActionFactory(
        municipality=other_municipality,
        recommendation__municipality=other_municipality,
        recommendation__committee__municipality=other_municipality,
        title="Fremmed handling",
    )
    HearingFactory(municipality=other_municipality, title="Fremmed høring")
    InitiativeFactory(municipality=other_municipality, title="Fremmed idé")
    html = (
        client.get(URL).content.decode()
        + client.get(URL + "status.csv").getvalue().decode()
    )
    assert "Fremmed" not in html


def test_one_kind_pages_through_everything(client, municipality, place):
    recommendation = place["recommendation"]
    for n in range(60):
        FollowUpActionFactory(
            municipality=municipality,
            recommendation=recommendation,
            owner=place["roads"],
            title=f"Handling nr. {n:02d}",
        )
    overview = client.get(URL)
    assert len(_titles(overview, "actions")) == 5
    assert "Se alle 62" in overview.content.decode()
    first = client.get(URL, {"kind": "actions"})
    assert [s.source.key for s in first.context["sections"]] == ["actions"]
    assert len(_titles(first, "actions")) == 50
    assert _titles(first, "actions")[0] == "Lån lokaler ud om aftenen"  # overdue first
    second = client.get(URL, {"kind": "actions", "side": "2"})
    assert len(_titles(second, "actions")) == 12
    assert not set(_titles(first, "actions")) & set(_titles(second, "actions"))
    assert client.get(URL, {"kind": "actions", "side": "x"}).status_code == 200


def test_csv_has_every_item_and_no_formulas(client, municipality, place):
    FollowUpActionFactory(
        municipality=municipality,
        recommendation=place["recommendation"],
        owner=place["roads"],
        title='=HYPERLINK("http://evil")',
    )
    response = client.get(URL + "status.csv", {"theme": "culture"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    titles = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in titles
    assert "Lån lokaler ud om aftenen" in titles
    assert "Udvalg over tiden" not in titles  # another theme
    late = next(row for row in rows if row[1] == "Lån lokaler ud om aftenen")
    assert late[8] == "ja" and late[9] == "Fristen er overskredet"
    assert late[12].endswith(place["late_action"].get_absolute_url())


@override_settings(
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
)
def test_the_pdf_report_is_built_in_the_background_and_served(client, place):
    response = client.get(URL + "status.pdf", {"overdue": "on"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_pdf_waits_for_its_task(client, place, monkeypatch):
    from types import SimpleNamespace

    from faelles.status import views

    idle = SimpleNamespace(enqueue=lambda *args, **kwargs: None)
    monkeypatch.setattr(views, "build_status_pdf", idle)
    response = client.get(URL + "status.pdf")
    assert response.status_code == 202
    assert "Rapporten bliver sat op" in response.content.decode()


def test_query_count_does_not_grow(
    client, municipality, place, django_assert_max_num_queries
):
    # One of each on both sides of "overdue", so that every slice is read.
    InitiativeFactory(municipality=municipality)
    with django_assert_max_num_queries(40) as small:
        client.get(URL)
    for _ in range(30):
        FollowUpActionFactory(
            municipality=municipality,
            recommendation=place["recommendation"],
            owner=place["roads"],
        )
        InitiativeFactory(municipality=municipality)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL)


def test_english(client, place):
    client.cookies["faelles_language"] = "en"
    html = client.get(URL).content.decode()
    assert "Take stock" in html and "Overdue:" in html


def test_empty_sections_say_why(client, municipality):
    html = client.get(URL).content.decode()
    assert "Der er ikke noget af den slags endnu." in html
    assert "Intet at vise med de valgte filtre." not in html
    html = client.get(URL, {"overdue": "on"}).content.decode()
    assert "Intet at vise med de valgte filtre." in html
