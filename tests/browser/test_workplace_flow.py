"""The employee's workspace in a real Chromium on a phone and a desktop: the menu
shows how many things wait, the page lists them with the overdue one first and in
words, and leads to the work and to the staff tools — axe-core on every page,
nothing wider than the screen."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.committees.factories import FollowUpActionFactory
from faelles.initiatives.factories import InitiativeFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from tests.browser.screens import is_phone, on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MENU_ENTRY = re.compile(r"^Mit arbejde")


@on_both_screens
def test_an_employee_finds_what_waits_and_goes_to_it(page, axe, login):
    kerteminde = MunicipalityFactory(
        slug="kerteminde", name="Kerteminde Kommune", programme_name="Kommunen 3.0"
    )
    department = DepartmentFactory(municipality=kerteminde, name="Kultur og Fritid")
    employee = MembershipFactory(
        municipality=kerteminde, is_employee=True, department=department
    ).user
    InitiativeFactory(
        municipality=kerteminde,
        facilitator=employee,
        title="Fælles spisning i forsamlingshuset",
    )
    FollowUpActionFactory(
        recommendation__committee__municipality=kerteminde,
        responsible=employee,
        title="Plan for stier langs fjorden",
        due_date=timezone.localdate() - timedelta(days=5),
    )
    FollowUpActionFactory(
        recommendation__committee__municipality=kerteminde,
        owner=department,
        title="Ny aftale med idrætsforeningerne",
    )
    login(employee)
    page.goto(f"{page.base_url}/kerteminde/")

    if is_phone(page):
        page.get_by_role("button", name="Menu").tap()
        menu = page.get_by_role("dialog", name="Menu")
        menu.wait_for(state="visible")
    else:
        menu = page.locator("nav.faelles-nav")
    entry = menu.get_by_role("link", name=MENU_ENTRY)
    expect(entry).to_have_accessible_name("Mit arbejde (3 venter)")
    press(entry)

    expect(page.get_by_role("heading", name="Mit arbejde", level=1)).to_be_visible()
    expect(
        page.get_by_text("3 ting venter på dig i Kerteminde Kommune.")
    ).to_be_visible()
    follow_up = page.get_by_role(
        "region", name=re.compile("^Opfølgning på opgaveudvalg")
    )
    items = follow_up.get_by_role("listitem")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("Plan for stier langs fjorden")
    expect(items.first).to_contain_text("Frist overskredet")
    axe(page, "the workspace")

    press(page.get_by_role("link", name="Sprogtjek"))
    expect(page).to_have_url(re.compile("/kerteminde/sprogtjek/$"))
    page.go_back()
    press(page.get_by_role("link", name="Fælles spisning i forsamlingshuset"))
    expect(
        page.get_by_role("heading", name="Fælles spisning i forsamlingshuset", level=1)
    ).to_be_visible()
