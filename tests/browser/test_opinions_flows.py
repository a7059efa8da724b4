"""The opinion map in a real Chromium: voting by touch on a phone (390 px) and by
keyboard alone at 1280 px (htmx swaps the card and moves focus to the new
statement), without JavaScript, and the result page — each checked by axe-core."""

import pytest
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.opinions import services
from faelles.opinions.factories import OpinionMapFactory, StatementFactory
from faelles.opinions.models import Vote
from faelles.opinions.tests.synthetic import grouped_votes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def place():
    municipality = MunicipalityFactory(
        slug="rodovre", name="Rødovre Kommune", programme_name="Sammen om Rødovre"
    )
    citizen = MembershipFactory(
        municipality=municipality, user__display_name="Sanne"
    ).user
    opinion_map = OpinionMapFactory(
        municipality=municipality, title="Bymidten – hvad vil vi med den?"
    )
    statements, _people = grouped_votes(opinion_map, people=40, statements=8)
    services.result_compute(map_id=opinion_map.pk)
    return {"map": opinion_map, "citizen": citizen, "statements": statements}


def _focused_id(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def _shown_statement(page) -> str:
    return page.locator("#udsagn").inner_text().strip()


def test_voting_by_touch_on_a_phone(browser, live_server, place, password, axe):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
        bypass_csp=True,
        locale="da-DK",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail").fill(place["citizen"].email)
    page.get_by_label("Adgangskode").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Log ind").last.tap()
    page.goto(live_server.url + place["map"].get_absolute_url())
    axe(page, "opinion map on a phone")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px phone"
    seen = []
    for value in ("Enig", "Uenig", "Ved ikke / spring over"):
        text = _shown_statement(page)
        seen.append(text)
        page.get_by_role("button", name=value, exact=True).tap()
        expect(page.locator("#stem-status")).to_contain_text("Din stemme er gemt")
        expect(page.locator("#udsagn")).not_to_have_text(text)
    assert len(set(seen)) == 3
    votes = Vote.objects.filter(participant__user=place["citizen"])
    assert sorted(votes.values_list("value", flat=True)) == [-1, 0, 1]
    axe(page, "opinion map on a phone after voting")
    with page.expect_navigation():
        page.get_by_role("link", name="Se grupperne og resultatet").tap()
    expect(page.get_by_role("heading", name="Hvor står jeg?")).to_be_visible()
    expect(page.get_by_role("img", name="Kort over grupperne")).to_be_visible()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the result page is {width} px wide on a 390 px phone"
    axe(page, "result on a phone")
    context.close()


def test_voting_with_the_keyboard_alone(page, axe, login, place):
    page.set_viewport_size({"width": 1280, "height": 900})
    login(place["citizen"])
    page.goto(page.base_url + place["map"].get_absolute_url())
    axe(page, "opinion map")
    first = _shown_statement(page)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Enig":
            break
    else:
        raise AssertionError("never reached the Enig button with the Tab key")
    page.keyboard.press("Enter")
    expect(page.locator("#stem-status")).to_contain_text("Din stemme er gemt")
    expect(page.locator("#udsagn")).not_to_have_text(first)
    # Focus moved to the new statement: one Tab reaches "Enig" again.
    page.wait_for_function("() => document.activeElement.id === 'udsagn'")
    second = _shown_statement(page)
    page.keyboard.press("Tab")  # Enig
    page.keyboard.press("Tab")  # Uenig
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Uenig"
    page.keyboard.press("Enter")
    expect(page.locator("#udsagn")).not_to_have_text(second)
    votes = dict(
        Vote.objects.filter(participant__user=place["citizen"]).values_list(
            "statement__text", "value"
        )
    )
    assert votes == {first: 1, second: -1}
    axe(page, "opinion map after voting by keyboard")
    page.goto(page.base_url + place["map"].get_absolute_url() + "resultat/")
    expect(page.get_by_text("Gruppe A er især enige om:")).to_be_visible()
    axe(page, "result page")


def test_voting_without_javascript(browser, live_server, place, password):
    context = browser.new_context(
        java_script_enabled=False, bypass_csp=True, locale="da-DK"
    )
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail").fill(place["citizen"].email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").last.click()
    page.goto(live_server.url + place["map"].get_absolute_url())
    first = _shown_statement(page)
    page.get_by_role("button", name="Enig", exact=True).click()
    expect(page.get_by_text("Din stemme er gemt")).to_be_visible()
    assert _shown_statement(page) != first
    assert Vote.objects.get(participant__user=place["citizen"]).value == 1
    context.close()


def test_staff_pages_pass_axe(page, axe, login, place):
    from faelles.opinions.models import StatementStatus

    municipality = place["map"].municipality
    moderator = MembershipFactory(
        municipality=municipality, is_employee=True, is_moderator=True
    ).user
    StatementFactory(
        map=place["map"],
        status=StatementStatus.PENDING,
        text="Der skal være offentlige toiletter ved torvet",
    )
    login(moderator)
    page.goto(page.base_url + "/rodovre/meningskort/")
    axe(page, "map list")
    page.goto(page.base_url + "/rodovre/meningskort/nyt/")
    axe(page, "new map form")
    page.goto(page.base_url + place["map"].get_absolute_url() + "moderation/")
    axe(page, "moderation")
    with page.expect_navigation():
        page.get_by_role("button", name="Godkend").first.click()
    expect(page.get_by_text("Udsagnet er modereret.")).to_be_visible()
    axe(page, "moderation after accepting")
