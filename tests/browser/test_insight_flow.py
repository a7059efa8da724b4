"""The insight dashboards in a real Chromium on a phone and a desktop: a citizen
reads the figures and filters them without JavaScript being needed, every chart
followed by its table, small groups as "–", the people who are not there beside
the population — axe-core on every page, nothing wider than the screen."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory, UserFactory
from faelles.insight.models import BirthYear, PopulationFigure, PopulationImport
from faelles.insight.rollups import refresh
from faelles.municipalities.factories import MunicipalityFactory
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
    expect(page.get_by_text(re.compile("^Opdateret for"))).to_be_visible()
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
