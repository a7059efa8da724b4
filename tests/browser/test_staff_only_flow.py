"""Staff-only spaces in a real Chromium on a phone and a desktop: an employee
creates a staff theme day ticked "Kun for medarbejdere", sees the badge and
finds it on the staff page from "Mit arbejde"; a citizen finds it nowhere and
gets "not found" at its address — axe-core on every page (docs/staff-only.md)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Temadag om prøvehandlinger"


@on_both_screens
def test_an_employee_makes_a_staff_only_event_a_citizen_never_sees(page, axe, login):
    faxe = MunicipalityFactory(slug="faxe", name="Faxe Kommune")
    employee = MembershipFactory(municipality=faxe, is_employee=True).user
    citizen = MembershipFactory(municipality=faxe).user
    starts = timezone.localtime() + timedelta(days=14)

    login(employee)
    page.goto(f"{page.base_url}/faxe/arrangementer/nyt/")
    staff_only = page.get_by_label("Kun for medarbejdere")
    expect(staff_only).to_be_visible()
    axe(page, "the event form with the staff-only field")
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Beskrivelse").fill("Vi deler erfaringer på tværs af teams.")
    page.get_by_label("Starter").fill(starts.strftime("%Y-%m-%dT09:00"))
    page.get_by_label("Slutter").fill(starts.strftime("%Y-%m-%dT15:00"))
    page.get_by_label("Sted", exact=True).fill("Faxe Rådhus")
    staff_only.check()
    press(page.get_by_role("button", name="Gem"))

    heading = page.get_by_role("heading", name=re.compile(TITLE), level=1)
    expect(heading).to_be_visible()
    expect(heading).to_contain_text("Kun for medarbejdere")
    event_url = page.url
    axe(page, "the staff-only event with its badge")

    page.goto(f"{page.base_url}/faxe/arbejde/")
    press(page.get_by_role("link", name="Kun for medarbejdere"))
    expect(page).to_have_url(re.compile("/faxe/arbejde/internt/$"))
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    axe(page, "the staff page")

    page.context.clear_cookies()
    login(citizen)
    page.goto(f"{page.base_url}/faxe/arrangementer/")
    expect(page.get_by_role("heading", name="Arrangementer", level=1)).to_be_visible()
    expect(page.get_by_text(TITLE)).to_have_count(0)
    axe(page, "the citizen's calendar")
    response = page.goto(event_url)
    assert response is not None and response.status == 404
    expect(page.get_by_text(TITLE)).to_have_count(0)
    axe(page, "the citizen's 404")
