"""Recognition in a real Chromium on a phone and a desktop: a citizen thanks a
helper from the helper's page, the helper agrees to show it, and it appears on
the celebration page; an administrator defines an award and its jury, a citizen
nominates, the jury scores, the chair chooses and announces the winner, who is
named only after agreeing — axe-core on every page, nothing wider than the
screen."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.recognition.models import Award
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page, what):
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{what} is {width} px wide on a {viewport} px screen"


def _check(page, axe, what):
    axe(page, what)
    _fits(page, what)


def _as(page, login, user):
    page.context.clear_cookies()
    login(user)


@on_both_screens
def test_thanks_and_an_award_from_nomination_to_celebration(page, axe, login):
    faxe = MunicipalityFactory(
        slug="faxe", name="Faxe Kommune", programme_name="Faxe i Fællesskab"
    )

    def person(name, **roles):
        user = MembershipFactory(municipality=faxe, **roles).user
        user.display_name = name
        user.profile_visibility = "members"
        user.save()
        return user

    citizen = person("Maria Kristensen")
    helper = person("Frederik Jensen")
    admin = person("Anders Bruun", is_employee=True, is_administrator=True)
    chair = person("Hanne Dahl", is_politician=True)
    juror = person("Morten Friis", is_employee=True)
    base = f"{page.base_url}/faxe"

    # A citizen thanks a helper from the helper's page
    _as(page, login, citizen)
    page.goto(f"{base}/personer/{helper.pk}/")
    expect(page.get_by_role("heading", name="Sig tak")).to_be_visible()
    _check(page, axe, "a person's page with Sig tak")
    press(page.get_by_role("button", name="Send tak"))
    expect(page.get_by_text("Dette felt er påkrævet.").first).to_be_visible()
    _check(page, axe, "the thanks form with errors")
    page.get_by_label("For hvad").fill("Snerydningen på Skolevej")
    page.get_by_label("Din tak").fill("Tak fordi du ryddede fortovet for hele vejen.")
    page.get_by_label("Jeg vil gerne have, at takken vises på fejringssiden").check()
    press(page.get_by_role("button", name="Send tak"))
    expect(page.get_by_text("Din tak er sendt til Frederik Jensen.")).to_be_visible()

    # Not public until the helper agrees
    page.goto(f"{base}/fejring/")
    expect(page.get_by_text("Snerydningen på Skolevej")).to_have_count(0)
    _as(page, login, helper)
    page.goto(f"{base}/fejring/tak/")
    expect(page.get_by_role("heading", name="Dine tak", level=1)).to_be_visible()
    _check(page, axe, "one's own thanks")
    press(page.get_by_role("button", name="Ja, vis takken"))
    expect(page.get_by_text("Takken vises nu på fejringssiden.")).to_be_visible()
    page.goto(f"{base}/fejring/")
    expect(page.get_by_text("Snerydningen på Skolevej")).to_be_visible()
    _check(page, axe, "the celebration page with a thanks")

    # The administrator defines an award and its jury, and publishes it
    _as(page, login, admin)
    page.goto(f"{base}/fejring/")
    press(page.get_by_role("link", name="Administrér priser"))
    _check(page, axe, "the awards")
    press(page.get_by_role("link", name="Opret en pris"))
    today = timezone.localdate()
    page.get_by_label("Navn").fill("Årets prøvehandling")
    page.get_by_label("Beskrivelse").fill("Til en prøvehandling, der turde noget nyt.")
    page.get_by_label("Kriterier").fill("Mod, læring og fællesskab.")
    page.get_by_label("Nominering åbner").fill(today.isoformat())
    page.get_by_label("Nominering lukker").fill((today + timedelta(days=7)).isoformat())
    page.get_by_label("Vinderen offentliggøres").fill(
        (today + timedelta(days=14)).isoformat()
    )
    _check(page, axe, "the award form")
    press(page.get_by_role("button", name="Gem prisen"))
    expect(page.get_by_text("Prisen er gemt.")).to_be_visible()
    press(page.get_by_role("link", name="Vælg juryen"))
    page.get_by_label("Jurymedlemmer").fill(f"{chair.email}\n{juror.email}")
    page.get_by_label("Formand").fill(chair.email)
    _check(page, axe, "the jury form")
    press(page.get_by_role("button", name="Gem juryen"))
    press(page.get_by_role("button", name="Offentliggør prisen"))
    expect(page.get_by_text("Prisen er offentliggjort.")).to_be_visible()
    _check(page, axe, "a published award")

    # A citizen nominates the helper from the helper's page
    _as(page, login, citizen)
    page.goto(f"{base}/personer/{helper.pk}/")
    press(page.get_by_role("link", name="Nominér til Årets prøvehandling"))
    expect(page.get_by_text("Du nominerer Frederik Jensen.")).to_be_visible()
    page.get_by_label("Hvorfor fortjener de prisen?").fill(
        "Han fik hele vejen til at hjælpe hinanden i vinter."
    )
    _check(page, axe, "the nomination form")
    press(page.get_by_role("button", name="Send nomineringen"))
    expect(page.get_by_text("Tak for din nominering!")).to_be_visible()
    _check(page, axe, "an award with one's own nomination")

    # Nominations close; the jury scores, the chair chooses and announces
    award = Award.objects.get()
    Award.objects.filter(pk=award.pk).update(
        nominations_open=today - timedelta(days=8),
        nominations_close=today - timedelta(days=1),
        announce_on=today,
    )
    jury_url = f"{base}/fejring/priser/{award.pk}/jury/"
    _as(page, login, juror)
    page.goto(jury_url)
    expect(page.get_by_role("heading", name="Juryens rum", level=1)).to_be_visible()
    _check(page, axe, "the jury's room")
    stars = page.get_by_role("group", name="Dine stjerner til Frederik Jensen")
    stars.get_by_label("2", exact=True).check()
    press(page.get_by_role("button", name="Gem bedømmelsen"))
    expect(page.get_by_text("Din bedømmelse er gemt.")).to_be_visible()
    _as(page, login, chair)
    page.goto(jury_url)
    stars = page.get_by_role("group", name="Dine stjerner til Frederik Jensen")
    stars.get_by_label("3", exact=True).check()
    press(page.get_by_role("button", name="Gem bedømmelsen"))
    expect(page.get_by_text("5 stjerner i alt fra 2 i juryen")).to_be_visible()
    press(page.get_by_text("Vælg Frederik Jensen som vinder"), navigates=False)
    page.get_by_label("Motivation").fill("For at gøre det svære let for naboerne.")
    _check(page, axe, "choosing the winner")
    press(page.get_by_role("button", name="Vælg som vinder"))
    expect(page.get_by_text("Vinderen er valgt.")).to_be_visible()
    press(page.get_by_role("button", name="Uddel prisen"))
    expect(page.get_by_text("Prisen er uddelt.")).to_be_visible()

    # Not named until the winner agrees
    page.context.clear_cookies()
    page.goto(f"{base}/fejring/")
    expect(page.get_by_text("Vinderen har fået besked")).to_be_visible()
    expect(page.get_by_text("For at gøre det svære let")).to_have_count(0)
    _as(page, login, helper)
    page.goto(f"{base}/fejring/")
    press(page.get_by_role("link", name="Svar om Årets prøvehandling"))
    _check(page, axe, "the winner's consent")
    press(page.get_by_role("button", name="Ja, nævn os ved navn"))
    expect(page.get_by_text("For at gøre det svære let for naboerne.")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Årets prøvehandling", exact=False)
    ).to_be_visible()
    _check(page, axe, "the celebration page with a named winner")
