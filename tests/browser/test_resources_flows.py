"""Resources and needs in a real Chromium: a citizen posts a need in plain Danish,
sees explained matches, asks for help; the helper says yes; they write, log hours,
finish and give feedback. An employee works the facilitation queue (confirm,
adjust, dismiss) and records a checked børneattest. axe-core runs on every page."""

import re

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.resources import matches, services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Collaboration, Listing, Proposal
from tests.browser.screens import is_phone, on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/odense/ressourcer"


@pytest.fixture(autouse=True)
def _fresh_match_cache():
    # The live server shares this process; each test's database starts empty.
    matches.clear_cache()
    yield
    matches.clear_cache()


@pytest.fixture
def people():
    odense = MunicipalityFactory(
        slug="odense", name="Odense Kommune", programme_name="Sammen om udvikling"
    )
    department = DepartmentFactory(municipality=odense, name="Ældre og Handicap")

    def member(name, **roles):
        return MembershipFactory(
            municipality=odense, user__display_name=name, **roles
        ).user

    people = {
        "municipality": odense,
        "department": department,
        "citizen": member("Karin Sørensen"),
        "helper": member("Poul Eriksen"),
        "other": member("Ida Møller"),
        "neighbour": member("Ali Hassan"),
        "matchmaker": member("Birthe Naboven"),
        "employee": member("Nadia Formidler", is_employee=True, department=department),
    }
    offers = [
        (
            "helper",
            "Følgeskab til lægen og hospitalet",
            "Jeg har bil og følger gerne ældre til lægen, hospitalet eller tandlægen.",
            ["elderly.practical"],
        ),
        (
            "other",
            "Besøgsven med god tid",
            "Jeg kommer gerne på besøg og går en tur "
            "med en ældre, der sidder meget alene.",
            ["elderly.visiting"],
        ),
        (
            "neighbour",
            "Kørsel til genoptræning",
            "Jeg kører gerne naboer til genoptræning og lægebesøg om formiddagen.",
            ["local.transport"],
        ),
        (
            "other",
            "Lektiehjælp i matematik",
            "Jeg hjælper gerne elever i udskolingen med matematik.",
            ["youth.homework"],
        ),
    ]
    people["offers"] = [
        ListingFactory(
            municipality=odense,
            owner=people[who],
            title=title,
            text=text,
            categories=cats,
            visibility="members",
        )
        for who, title, text, cats in offers
    ]
    return people


def _switch(page, login, user):
    page.goto("about:blank")  # no late request of the last page may set a cookie
    page.context.clear_cookies()
    login(user)


def _tab_to(page, name: str, limit: int = 200) -> None:
    """Move the keyboard focus to the control called ``name`` with Tab alone."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.getAttribute('aria-label') || e.textContent || e.value || '')"
            ".replace(/\\s+/g, ' ').trim(); }"
        )
        if name in label:
            return
    raise AssertionError(f"could not reach {name!r} by keyboard")


@on_both_screens
def test_need_to_finished_collaboration(page, axe, login, people):
    citizen, helper = people["citizen"], people["helper"]
    login(citizen)
    page.goto(page.base_url + f"{BASE}/")
    axe(page, "list")
    press(page.get_by_role("link", name="Fortæl om et behov").first)
    axe(page, "create need")
    # Bad input first: a clear message, nothing saved.
    press(page.get_by_role("button", name="Opret"))
    axe(page, "create need with errors")
    assert page.locator(".form-error-message").count() >= 1
    assert not Listing.objects.filter(owner=citizen).exists()
    page.get_by_label("Slags").select_option(label="Tid og hænder")
    page.get_by_label(re.compile("^Overskrift")).fill(
        "Nogen der kan følge min mor til lægen"
    )
    page.get_by_label(re.compile("^Beskrivelse")).fill(
        "Min mor er 84 og skal til lægen og på hospitalet i foråret. Hun vil gerne "
        "have følgeskab, for hun er usikker på at tage bussen alene."
    )
    page.get_by_label(re.compile("^Postnummer")).fill("5000")
    press(page.get_by_role("button", name="Opret"))
    need = Listing.objects.get(owner=citizen)
    assert page.url.endswith(f"{BASE}/{need.pk}/")
    axe(page, "need detail with matches")
    assert page.get_by_text("Derfor passer det:").count() >= 1

    press(page.get_by_role("link", name=re.compile("match med begrundelser")))
    axe(page, "matches for this need")
    first = page.locator(".res-match").first
    assert "Følgeskab til lægen og hospitalet" in first.inner_text()
    assert "Begge nævner" in first.inner_text()
    # Ask the best match for help — by tapping on a phone, by keyboard alone on
    # a desktop.
    if is_phone(page):
        ask = re.compile(r"^Spørg om hjælp\W+Følgeskab til lægen og hospitalet$")
        press(page.get_by_role("button", name=ask))
    else:
        _tab_to(page, "Spørg om hjælp: Følgeskab til lægen og hospitalet")
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/forslag/\d+/$"))
    axe(page, "proposal, waiting")
    proposal = Proposal.objects.get(need=need)
    assert proposal.status == "proposed" and proposal.need_accepted_at

    _switch(page, login, helper)
    page.goto(page.base_url + f"{BASE}/mine/")
    axe(page, "mine with a proposal waiting")
    press(
        page.get_by_role("link", name=re.compile("Nogen der kan følge min mor")).first
    )
    axe(page, "proposal for the helper")
    press(page.get_by_role("button", name="Ja, lad os gøre det"))
    collaboration = Collaboration.objects.get()
    assert page.url.endswith(collaboration.get_absolute_url())
    axe(page, "collaboration")
    page.get_by_label("Skriv en besked").fill("Hej Karin. Jeg kan tirsdag kl. 9.")
    press(page.get_by_role("button", name="Send besked"))
    axe(page, "collaboration with a message")
    page.get_by_label("Timer").fill("2.5")
    press(page.get_by_role("button", name="Skriv timer"))
    page.get_by_label("Status").select_option(label="Afsluttet")
    press(page.get_by_role("button", name="Opdater status"))
    axe(page, "collaboration finished")
    page.get_by_label("Hvordan gik det?").fill("Hyggelig tur, og lægen var rar.")
    press(page.get_by_role("button", name="Giv tilbagemelding"))

    _switch(page, login, citizen)
    page.goto(page.base_url + collaboration.get_absolute_url())
    assert page.get_by_text("Hej Karin. Jeg kan tirsdag kl. 9.").count() == 1
    assert "I alt 2,5 timer." in page.locator("main").inner_text(), page.locator(
        "main"
    ).inner_text()
    page.get_by_label("Hvordan gik det?").fill("Tusind tak, min mor var glad.")
    press(page.get_by_role("button", name="Giv tilbagemelding"))
    axe(page, "collaboration with feedback from both")
    collaboration.refresh_from_db()
    assert collaboration.status == "finished"
    assert collaboration.feedback.count() == 2
    assert collaboration.hours.get().hours == 2.5


@on_both_screens
def test_i_can_help_and_a_no(page, axe, login, people):
    need = NeedFactory(
        municipality=people["municipality"],
        owner=people["citizen"],
        title="Hjælp til at komme til genoptræning",
        text="Jeg skal til genoptræning to gange om ugen og har ikke bil.",
        categories=["local.transport"],
        visibility="members",
    )
    login(people["neighbour"])
    page.goto(page.base_url + need.get_absolute_url())
    page.get_by_label(re.compile("Besked til den, der har behovet")).fill(
        "Jeg kører forbi om formiddagen."
    )
    press(page.get_by_role("button", name="Jeg kan hjælpe").last)
    axe(page, "proposal after 'Jeg kan hjælpe'")
    _switch(page, login, people["citizen"])
    page.goto(page.base_url + Proposal.objects.get().get_absolute_url())
    press(page.get_by_role("button", name="Nej tak"))
    axe(page, "declined proposal")
    assert Proposal.objects.get().status == "declined"
    page.goto(page.base_url + f"{BASE}/{need.pk}/match/")
    assert "Kørsel til genoptræning" not in page.locator("main").inner_text()


@on_both_screens
def test_facilitation_queue_confirm_adjust_dismiss(page, axe, login, people):
    municipality = people["municipality"]
    needs = [
        NeedFactory(
            municipality=municipality,
            owner=people["citizen"],
            title=title,
            text=text,
            visibility="members",
        )
        for title, text in [
            ("Følgeskab til øjenlægen", "Jeg skal til øjenlægen og må ikke køre bil."),
            ("Nogen at tale med", "Jeg sidder meget alene og vil gerne have besøg."),
            ("Hjælp til matematik", "Min søn har brug for hjælp til matematik."),
        ]
    ]
    helper_offer, visiting, driving, homework = people["offers"]
    for need, offer in [
        (needs[0], driving),  # will be adjusted to the better offer
        (needs[1], visiting),  # confirmed
        (needs[2], homework),  # dismissed
    ]:
        services.proposal_suggest(need=need, offer=offer, actor=people["matchmaker"])
    assert Proposal.objects.filter(status="suggested").count() == 3
    login(people["employee"])
    page.goto(page.base_url + f"{BASE}/")
    press(page.get_by_role("link", name="Formidling"))
    axe(page, "facilitation queue")
    assert page.locator("tbody tr").count() == 3, page.locator("main").inner_text()

    press(page.get_by_role("link", name=re.compile("Behandl.*Nogen at tale med")))
    axe(page, "suggestion for a facilitator")
    press(page.get_by_role("button", name="Bekræft og spørg begge"))
    assert Proposal.objects.get(need=needs[1]).status == "proposed"

    page.goto(page.base_url + f"{BASE}/formidling/")
    press(page.get_by_role("link", name=re.compile("Behandl.*Følgeskab til øjenlægen")))
    page.get_by_label("Følgeskab til lægen og hospitalet").check()
    press(page.get_by_role("button", name="Foreslå den valgte ressource i stedet"))
    axe(page, "adjusted proposal")
    adjusted = Proposal.objects.get(need=needs[0], status="proposed")
    assert adjusted.offer == helper_offer and adjusted.adjusted_from is not None

    page.goto(page.base_url + f"{BASE}/formidling/")
    press(page.get_by_role("link", name=re.compile("Behandl.*Hjælp til matematik")))
    press(page.get_by_role("button", name="Afvis forslaget"))
    assert Proposal.objects.get(need=needs[2]).status == "dismissed"
    axe(page, "empty queue")
    assert page.get_by_text("Der er ingen forslag, der venter.").count() == 1


def test_every_other_resources_page_passes_axe(page, axe, login, people):
    municipality = people["municipality"]
    offer = people["offers"][0]
    special = ListingFactory(
        municipality=municipality,
        owner=people["other"],
        kind="lived_experience",
        title="Jeg lever med KOL og lærer gerne andre",
        text="Jeg har haft KOL i ti år og går ture med andre lungesyge.",
        categories=["health.chronic.copd"],
        visibility="members",
    )
    ListingFactory(
        municipality=municipality,
        owner=people["neighbour"],
        title="Lån af trailer og boremaskine",
        text="Jeg låner gerne min trailer og boremaskine ud til naboer.",
        categories=["local.repair"],
        kind="equipment",
    )
    # Anonymous: list, search, filters, map, a public listing.
    page.goto(page.base_url + f"{BASE}/")
    axe(page, "list, anonymous")
    # Searching swaps the results in place (htmx) and keeps the address shareable.
    page.get_by_label(re.compile("^Søg")).fill("trailer")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url(re.compile(r"q=trailer"))
    results = page.locator("#results")
    assert results.count() == 1
    assert "Lån af trailer og boremaskine" in results.inner_text()
    axe(page, "list after an htmx search")
    page.goto(page.base_url + f"{BASE}/?q=lægen&side=offer&km=5&postcode=5000")
    axe(page, "search with filters")
    page.goto(page.base_url + f"{BASE}/kort/")
    axe(page, "map")
    assert page.locator("table caption").inner_text() == "Opslag pr. postnummer"

    login(people["other"])
    page.goto(page.base_url + special.get_absolute_url())
    axe(page, "special-category listing, owner")
    page.goto(page.base_url + f"{BASE}/{special.pk}/rediger/")
    axe(page, "edit form")
    page.goto(page.base_url + f"{BASE}/opret/ressource/")
    axe(page, "create offer")
    page.goto(page.base_url + f"{BASE}/{offer.pk}/match/")
    axe(page, "needs for an offer")
    page.goto(page.base_url + f"{BASE}/foreslaa/")
    axe(page, "suggest a match by numbers")
    page.goto(page.base_url + f"{BASE}/mine/")
    # Each open listing's top three arrive after the page (htmx); wait for all.
    page.wait_for_function("!document.querySelector('[hx-get*=\"/mine-match/\"]')")
    assert page.get_by_text(re.compile("Match til dig:|Intet passer godt nok")).count()
    axe(page, "mine")

    _switch(page, login, people["employee"])
    page.goto(page.base_url + f"{BASE}/opret/behov/?for=borger")
    axe(page, "create on a citizen's behalf")
    page.goto(page.base_url + f"{BASE}/boerneattest/")
    axe(page, "børneattest records")
    page.get_by_label("Personens e-mail").fill(people["helper"].email)
    page.get_by_label(re.compile("Kontrolleret af organisation")).select_option(
        label="Ældre og Handicap"
    )
    page.get_by_label("Kontrolleret den").fill("2026-01-05")
    page.get_by_label(re.compile("^Gyldig til")).fill("2030-01-05")
    page.get_by_role("button", name="Gem kontrollen").click()
    axe(page, "børneattest recorded")
    assert page.get_by_role("cell", name="Poul Eriksen", exact=True).count() == 1

    # The English interface around the (English) reasons.
    page.goto(page.base_url + "/")
    page.context.add_cookies(
        [{"name": "faelles_language", "value": "en", "url": page.base_url}]
    )
    page.goto(page.base_url + f"{BASE}/{offer.pk}/match/")
    axe(page, "matches in English")
    page.goto(page.base_url + f"{BASE}/")
    assert page.get_by_role("heading", name="Resources and needs").count() == 1
