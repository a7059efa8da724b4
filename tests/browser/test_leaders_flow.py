"""A leader in a real Chromium on a phone and a desktop: from "Mit arbejde" to
the leaders' page, choosing a unit, setting a goal and following it up (htmx
swaps the history in place) — axe-core on every page, nothing wider than the
screen."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.leadership.factories import GoalFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@on_both_screens
def test_a_leader_sets_a_goal_and_follows_it_up(page, axe, login):
    kerteminde = MunicipalityFactory(
        slug="kerteminde", name="Kerteminde Kommune", programme_name="Kommunen 3.0"
    )
    department = DepartmentFactory(
        municipality=kerteminde, name="Kultur, Fritid og Frivillighed"
    )
    unit = DepartmentFactory(
        municipality=kerteminde, name="Frivillighed", parent=department
    )
    leader = MembershipFactory(
        municipality=kerteminde,
        is_employee=True,
        is_leader=True,
        department=department,
    ).user
    GoalFactory(
        municipality=kerteminde,
        department=department,
        title="Foreningerne oplever os som medspillere",
        target_date=timezone.localdate() - timedelta(days=3),
        owner=leader,
    )
    login(leader)
    page.goto(f"{page.base_url}/kerteminde/arbejde/")
    press(page.get_by_role("link", name="Ledelse", exact=True))
    expect(page.get_by_role("heading", name="Ledelse", level=1)).to_be_visible()
    goals = page.get_by_role("region", name="Mål for Kommunen 3.0")
    expect(goals.get_by_role("listitem").first).to_contain_text("Forsinket")
    axe(page, "the leaders' page")

    page.get_by_label("Enhed", exact=True).select_option(label="– Frivillighed")
    press(page.get_by_role("button", name="Vis"))
    expect(page).to_have_url(re.compile(rf"\?enhed={unit.pk}$"))
    expect(
        page.get_by_role("heading", name="Ledelse: Frivillighed", level=1)
    ).to_be_visible()
    press(page.get_by_role("link", name="Sæt et nyt mål"))
    expect(page.get_by_role("heading", name="Sæt et nyt mål", level=1)).to_be_visible()
    axe(page, "a new goal")
    page.get_by_label("Mål", exact=True).fill("Flere ældre er med i et fællesskab")
    page.get_by_label("Sådan ser det ud, når det lykkes").fill(
        "30 nye deltagere over 70 år i vores fællesskaber."
    )
    page.get_by_label("Måldato").fill(
        (timezone.localdate() + timedelta(days=120)).isoformat()
    )
    page.get_by_label("Ansvarlig").select_option(label=leader.display_name)
    press(page.get_by_role("button", name="Sæt målet"))
    expect(
        page.get_by_role("heading", name="Flere ældre er med i et fællesskab", level=1)
    ).to_be_visible()
    axe(page, "a goal")

    page.get_by_label("Forsinket").check()
    page.get_by_label("Hvordan går det?").fill("Kun fem nye indtil nu.")
    page.get_by_label("Hvad har I lært?").fill(
        "Plakater virker ikke; det gør en nabo, der spørger."
    )
    press(page.get_by_role("button", name="Gem opfølgningen"), navigates=False)
    expect(page.get_by_text("Opfølgningen er gemt.")).to_be_visible()
    history = page.locator(".leadership-history")
    expect(history).to_contain_text("Plakater virker ikke")
    expect(history).to_contain_text("Forsinket")
    axe(page, "a goal followed up")
