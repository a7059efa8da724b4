"""The insight dashboards in a real Chromium on a phone and a desktop: a citizen
reads the figures and filters them without JavaScript being needed, every chart
followed by its table, small groups as "–", the people who are not there beside
the population; staff read the movement between rungs and the pulse's social
capital — axe-core on every page, nothing wider than the screen."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory, UserFactory
from faelles.insight.models import BirthYear, PopulationFigure, PopulationImport
from faelles.insight.rollups import refresh
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.participation.models import ParticipationAct, Rung
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _kerteminde():
    kerteminde = MunicipalityFactory(
        slug="kerteminde", name="Kerteminde Kommune", programme_name="Kommunen 3.0"
    )
    PopulationImport.objects.create(
        municipality=kerteminde, filename="demo.csv", fictional=True
    )
    for postcode, name in (("5300", "Kerteminde"), ("5330", "Munkebo")):
        for band, n in (("18-29", 1300), ("30-49", 2400), ("65+", 2100)):
            PopulationFigure.objects.create(
                municipality=kerteminde,
                postcode=postcode,
                area_name=name,
                age_band=band,
                count=n,
            )
    now = timezone.now()
    # 23 people: Kerteminde 8 aged 65+ and 6 aged 30-49, Munkebo 3 and 6.
    for postcode, age, n in (
        ("5300", 70, 8),
        ("5300", 40, 6),
        ("5330", 70, 3),
        ("5330", 40, 6),
    ):
        for _ in range(n):
            user = UserFactory(postcode=postcode)
            BirthYear.objects.create(user=user, year=now.year - age)
            ParticipationAct.objects.create(
                municipality=kerteminde,
                user=user,
                action="test.act",
                rung=Rung.CIVIL_SOCIETY,
                occurred_at=now - timedelta(days=3),
            )
    refresh(kerteminde)
    return kerteminde


@on_both_screens
def test_a_citizen_reads_and_filters_the_figures(page, axe, login):
    kerteminde = _kerteminde()
    login(MembershipFactory(municipality=kerteminde).user)
    page.goto(f"{page.base_url}/kerteminde/indsigt/")
    expect(page.get_by_role("heading", name="Indsigt", level=1)).to_be_visible()
    expect(page.get_by_text(re.compile("^Opdateret (for|lige nu)"))).to_be_visible()
    ladder = page.get_by_role("table", name="Aktivitetsstigen")
    expect(
        ladder.get_by_role("row", name=re.compile("^Aktive på platformen"))
    ).to_contain_text("23")
    expect(page.get_by_role("img", name=re.compile("Aktivitetsstigen"))).to_be_visible()
    axe(page, "the public dashboard")

    page.get_by_label("Område", exact=True).select_option("5330")
    page.get_by_label("Aldersgruppe", exact=True).select_option("65+")
    press(page.get_by_role("button", name="Vis"))
    expect(page).to_have_url(re.compile("omraade=5330"))
    row = page.get_by_role("table", name="Aktivitetsstigen").get_by_role(
        "row", name=re.compile("^Aktive på platformen")
    )
    expect(row).to_contain_text("–")  # 3 people aged 65+ in Munkebo: hidden
    axe(page, "the dashboard filtered by area")

    press(page.get_by_role("link", name="Dem vi ikke når"))
    expect(page.get_by_role("heading", name="Dem vi ikke når", level=1)).to_be_visible()
    expect(page.get_by_text("Fiktive tal til demo")).to_be_visible()
    axe(page, "the people who are not there")


def _pulse_round(municipality, department, title, opens_on, value):
    """A closed round of the pulse answered by eight employees."""
    from faelles.pulse import services as pulse_services
    from faelles.pulse.factories import RoundFactory
    from faelles.pulse.instrument import ITEM_KEYS

    round_ = RoundFactory(
        municipality=municipality,
        title=title,
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=13),
    )
    for _ in range(8):
        person = MembershipFactory(
            municipality=municipality, is_employee=True, department=department
        ).user
        pulse_services.response_submit(
            round_=round_,
            user=person,
            answers=dict.fromkeys(ITEM_KEYS, value),
            today=opens_on,
        )


@on_both_screens
def test_staff_read_the_movement_between_rungs_and_the_social_capital(page, axe, login):
    from faelles.insight.tests.test_movement import NOW, _organic

    kerteminde = _kerteminde()
    _organic(kerteminde, n=160)
    department = DepartmentFactory(municipality=kerteminde, name="Sundhed og Ældre")
    _pulse_round(kerteminde, department, "Pulsmåling marts 2026", date(2026, 3, 2), 3)
    _pulse_round(kerteminde, department, "Pulsmåling august 2026", date(2026, 8, 3), 4)
    refresh(kerteminde, now=NOW)
    employee = MembershipFactory(
        municipality=kerteminde, is_employee=True, department=department
    ).user
    login(employee)

    # The public dashboard: the movement, as a chart with its table and the
    # transition table (no pulse here).
    page.goto(f"{page.base_url}/kerteminde/indsigt/")
    expect(
        page.get_by_role("heading", name="Bevægelser mellem trinene", level=2)
    ).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("rykket op"))).to_be_visible()
    moves = page.get_by_role("table", name=re.compile("^Aktive i to kvartaler"))
    expect(moves.get_by_role("row", name=re.compile("^Samme trin"))).to_be_visible()
    transitions = page.get_by_role("table", name=re.compile("^Skift fra et kvartal"))
    expect(
        transitions.get_by_role("row", name=re.compile("^Trin 5: Aktiv i civil"))
    ).to_be_visible()
    expect(page.get_by_text("Social kapital i hele kommunen")).to_have_count(0)
    axe(page, "the public dashboard with the movement between rungs")

    # One area: its moves over the whole window.
    page.get_by_label("Område", exact=True).select_option("5300")
    press(page.get_by_role("button", name="Vis"))
    expect(
        page.get_by_role("table", name=re.compile("^Bevægelser i hele perioden: 5300"))
    ).to_be_visible()
    axe(page, "the movement in one area")

    # The internal dashboard: the pulse's social capital per closed round.
    page.goto(f"{page.base_url}/kerteminde/indsigt/intern/")
    expect(
        page.get_by_role("heading", name="Social kapital i hele kommunen", level=2)
    ).to_be_visible()
    trend = page.get_by_role("table", name="Social kapital i hele kommunen")
    expect(trend).to_contain_text("Pulsmåling august 2026")
    expect(trend.get_by_role("row", name=re.compile("^Antal svar"))).to_contain_text(
        "8"
    )
    axe(page, "the internal dashboard with the social capital")
