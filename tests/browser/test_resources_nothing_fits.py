"""When nothing fits a need (issue 11, item 6), in a real Chromium at 390 and 1280
px: the page says so honestly, shows a community about the same thing (never an
invitation-only one), and the holder can ask the municipality's facilitators, who
are told. axe-core runs on the page, and nothing is wider than the screen."""

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Community
from faelles.municipalities.factories import MunicipalityFactory
from faelles.notifications.models import Notification
from faelles.resources import matches
from faelles.resources.factories import ListingFactory, NeedFactory
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fresh_match_cache():
    matches.clear_cache()
    yield
    matches.clear_cache()


@on_both_screens
def test_nothing_fits_page_offers_the_next_steps(page, axe, login):
    odense = MunicipalityFactory(slug="odense", name="Odense Kommune")
    citizen = MembershipFactory(
        municipality=odense, user__display_name="Erik Holm"
    ).user
    MembershipFactory(
        municipality=odense, user__display_name="Ane Admin", is_administrator=True
    )
    need = NeedFactory(
        municipality=odense,
        owner=citizen,
        title="Stille dage efter min kone døde",
        text="Siden min kone døde, er jeg meget alene og savner nogen at drikke "
        "kaffe og snakke med.",
        kind="time",
    )
    # An offer near by, about something else: not a match.
    ListingFactory(
        municipality=odense,
        title="Jeg reparerer cykler",
        text="Punktering eller slappe bremser? Jeg ordner din cykel i min garage.",
    )
    CommunityFactory(
        municipality=odense,
        name="Kaffeklubben for enker og enkemænd",
        description="Vi drikker kaffe og snakker sammen hver tirsdag. For dig, der "
        "har mistet din ægtefælle og er alene.",
        theme="talk",
    )
    CommunityFactory(
        municipality=odense,
        name="Enkemændenes lukkede kaffekreds",
        description="En kreds af enkemænd, der drikker kaffe og snakker.",
        theme="talk",
        access=Community.Access.INVITATION,
    )
    width = page.viewport_size["width"]
    login(citizen)
    page.goto(f"{page.base_url}/odense/ressourcer/{need.pk}/")
    main = page.locator("main")
    assert "ingen ressource, der passer godt nok" in main.inner_text()
    assert "Jeg reparerer cykler" not in main.inner_text()
    assert main.get_by_role("link", name="Kaffeklubben for enker og enkemænd").count()
    assert "lukkede kaffekreds" not in main.inner_text()
    button = main.get_by_role(
        "button", name="Bed kommunen om hjælp til at finde et match"
    )
    assert button.is_visible()
    axe(page, f"nothing fits at {width} px")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    press(button)
    page.wait_for_load_state()
    assert "Kommunen har fået besked" in page.locator("body").inner_text()
    axe(page, f"nothing fits after asking at {width} px")
    assert Notification.objects.filter(kind="resources.ask_facilitator").count() == 1
