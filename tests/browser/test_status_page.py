"""Gør status in a real Chromium on a phone and a desktop: the overview with an
overdue action, the filters, one section paged, the CSV link — axe-core on each
page, and nothing wider than the screen."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.committees.factories import FollowUpActionFactory
from faelles.initiatives.factories import InitiativeFactory
from faelles.municipalities.factories import MunicipalityFactory, theme
from faelles.organisations.factories import DepartmentFactory
from tests.browser.screens import on_both_screens

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page, what):
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{what} is {width} px wide on a {viewport} px screen"


@on_both_screens
def test_a_politician_takes_stock(page, axe, login):
    rodovre = MunicipalityFactory(
        slug="rodovre", name="Rødovre Kommune", programme_name="Sammen om Rødovre"
    )
    roads = DepartmentFactory(municipality=rodovre, name="Vej og Park")
    action = FollowUpActionFactory(
        municipality=rodovre,
        recommendation__municipality=rodovre,
        recommendation__committee__municipality=rodovre,
        recommendation__committee__title="Opgaveudvalget for grønne fællesskaber",
        recommendation__committee__theme=theme(rodovre, "nature"),
        title="Plant frugttræer i Kirkeparken sammen med naboerne",
        owner=roads,
        due_date=timezone.localdate() - timedelta(days=3),
    )
    politician = action.recommendation.committee.chair
    action.responsible = politician
    action.save()
    InitiativeFactory(municipality=rodovre, title="Reparationscafé på biblioteket")
    MembershipFactory(municipality=rodovre, is_employee=True, department=roads)

    page.goto(f"{page.base_url}/rodovre/")
    page.get_by_role("link", name="Gør status: det, vi har sat i gang").click()
    expect(page.get_by_role("heading", name="Gør status", level=1)).to_be_visible()
    expect(page.get_by_text("Forsinket: Fristen er overskredet")).to_be_visible()
    axe(page, "status overview")
    _fits(page, "status overview")

    page.get_by_label("Tema", exact=True).select_option("nature")
    with page.expect_navigation():
        page.get_by_role("button", name="Vis", exact=True).click()
    expect(
        page.get_by_role(
            "link", name="Plant frugttræer i Kirkeparken sammen med naboerne"
        )
    ).to_be_visible()
    expect(
        page.get_by_role("link", name="Reparationscafé på biblioteket")
    ).to_have_count(0)
    axe(page, "status by theme")
    _fits(page, "status by theme")

    login(politician)
    page.goto(f"{page.base_url}/rodovre/status/?mine=on&kind=actions")
    expect(page.get_by_text("Side 1 af 1")).to_be_visible()
    expect(
        page.get_by_label("Kun det, jeg har ansvar for eller er med i")
    ).to_be_checked()
    axe(page, "my follow-up")
    _fits(page, "my follow-up")

    with page.expect_download() as download:
        page.evaluate(
            "() => { const a = [...document.querySelectorAll('a')].find("
            "l => l.textContent.includes('CSV')); a.click(); }"
        )
    path = download.value.path()
    text = Path(path).read_text(encoding="utf-8")
    assert "Plant frugttræer" in text and "Reparationscafé" not in text
