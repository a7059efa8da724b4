"""The municipality's strategy in a real Chromium: an administrator adds a theme
and a focus area, moves the theme, and a citizen files a community under it and
finds it by the theme filter, in Danish and English — axe-core on every page."""

import pytest
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.communities.models import Community
from faelles.municipalities.factories import MunicipalityFactory
from faelles.municipalities.models import Theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_builds_the_strategy_and_a_citizen_files_under_it(
    page, axe, login
):
    rodovre = MunicipalityFactory(
        slug="rodovre", name="Rødovre Kommune", programme_name="Sammen om Rødovre"
    )
    admin = MembershipFactory(municipality=rodovre, is_administrator=True).user
    citizen = MembershipFactory(municipality=rodovre).user
    base = f"{page.base_url}/rodovre"

    login(admin)
    page.goto(f"{base}/administration/temaer/")
    axe(page, "themes administration")
    page.get_by_label("Nøgle").fill("en-ung-strategi")
    page.get_by_label("Navn", exact=True).fill("En ung strategi")
    page.get_by_label("Navn på engelsk").fill("A young strategy")
    page.get_by_role("button", name="Opret tema").click()
    expect(page.get_by_text("Temaet “En ung strategi” er oprettet.")).to_be_visible()
    # Move it up by keyboard: focus the button and press Enter.
    page.get_by_role("button", name="Op En ung strategi").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    young = Theme.objects.get(municipality=rodovre, key="en-ung-strategi")
    last = Theme.objects.filter(municipality=rodovre).order_by("-position").first()
    assert last != young

    page.get_by_role("link", name="En ung strategi").click()
    axe(page, "theme edit")
    page.get_by_label("Nøgle").fill("unges-trivsel")
    page.get_by_label("Navn", exact=True).last.fill("Unges trivsel")
    page.get_by_role("button", name="Opret indsatsområde").click()
    expect(page.get_by_text("Indsatsområdet er oprettet.")).to_be_visible()
    page.get_by_role("link", name="Unges trivsel").click()
    axe(page, "focus area edit")

    page.goto("about:blank")
    page.context.clear_cookies()
    login(citizen)
    page.goto(f"{base}/faellesskaber/nyt/")
    page.get_by_label("Navn", exact=True).fill("Ungerådet")
    page.get_by_label("Beskrivelse").fill("Unge mødes og former byen.")
    page.get_by_label("Tema", exact=True).select_option("en-ung-strategi")
    page.get_by_label("Indsatsområde").select_option("unges-trivsel")
    with page.expect_navigation():
        page.get_by_role("button", name="Opret fællesskabet").click()
    community = Community.objects.get(name="Ungerådet")
    assert (community.theme.key, community.focus_area.key) == (
        "en-ung-strategi",
        "unges-trivsel",
    )
    expect(page.get_by_text("En ung strategi · Unges trivsel")).to_be_visible()

    page.goto(f"{base}/faellesskaber/?theme=en-ung-strategi")
    axe(page, "communities by theme")
    expect(page.get_by_role("link", name="Ungerådet")).to_be_visible()
    page.context.add_cookies(
        [{"name": "faelles_language", "value": "en", "url": page.base_url}]
    )
    page.goto(f"{base}/faellesskaber/?theme=en-ung-strategi")
    axe(page, "communities by theme, English")
    expect(page.locator("select[name=theme] option:checked")).to_have_text(
        "A young strategy"
    )
