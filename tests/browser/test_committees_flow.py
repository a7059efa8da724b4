"""A task committee from the call to follow-up in a real Chromium, on a phone
(every page checked with axe-core and for width) and on a desktop."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.committees.factories import ApplicationFactory, TaskCommitteeFactory
from faelles.committees.models import ActionUpdate, Decision, DrawStatus
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _check(page, axe, what):
    axe(page, what)
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{what} is {width} px wide on a {viewport} px screen"


def test_a_committee_from_call_to_follow_up(page, axe, login):
    municipality = MunicipalityFactory(
        slug="skanderborg", name="Skanderborg Kommune", programme_name="Kommunen 3.0"
    )
    department = DepartmentFactory(
        municipality=municipality, name="Kultur og Fællesskab"
    )
    admin = MembershipFactory(
        municipality=municipality,
        is_employee=True,
        is_administrator=True,
        department=department,
    ).user
    citizen = MembershipFactory(
        municipality=municipality, user__display_name="Freja Lund"
    ).user
    committee = TaskCommitteeFactory(
        municipality=municipality,
        title="Opgaveudvalget for unges fællesskaber",
        seats=3,
        strata=["gender"],
    )
    committee.chair.display_name = "Jens Agerbæk"
    committee.chair.save()
    for i in range(5):
        ApplicationFactory(committee=committee, gender="kvinde" if i % 2 else "mand")
    base = page.base_url + "/skanderborg/opgaveudvalg"
    page.set_viewport_size(PHONE)

    # A citizen finds the open call and applies.
    login(citizen)
    page.goto(f"{base}/?theme=climate")
    expect(page.get_by_role("link", name=committee.title)).to_have_count(0)
    page.get_by_label("Tema").select_option(label="Naboskab og fællesskab")
    page.get_by_role("button", name="Find", exact=True).click()
    expect(page).to_have_url(f"{base}/?theme=neighbours")
    _check(page, axe, "committee list filtered by theme")
    page.get_by_role("link", name=committee.title).click()
    expect(page.get_by_role("link", name="Naboskab og fællesskab")).to_be_visible()
    expect(page.get_by_text("Politiker · Venstre")).to_be_visible()  # the chair
    _check(page, axe, "committee in its call")
    page.get_by_role("link", name="Søg om en plads").click()
    _check(page, axe, "application form")
    page.get_by_label("Hvorfor vil du være med").fill("Jeg træner unge i håndbold.")
    page.get_by_label("Køn").select_option("kvinde")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Tak for din ansøgning")).to_be_visible()

    # The call closes; the administrator draws lots with a published seed.
    committee.call_opens = timezone.now() - timedelta(days=20)
    committee.call_closes = timezone.now() - timedelta(minutes=1)
    committee.save()
    page.context.clear_cookies()
    login(admin)
    page.goto(f"{base}/{committee.pk}/")
    page.get_by_role("link", name="Ansøgere og medlemmer").click()
    expect(page.get_by_text("Jeg træner unge i håndbold.")).to_be_visible()
    _check(page, axe, "applicants and members")
    page.get_by_label("Frø (seed)").fill("20260312")
    page.get_by_role("button", name="Træk lod").click()
    expect(page.get_by_text("20260312").first).to_be_visible()
    expect(page.get_by_text("Hvert lodnummers chance")).to_be_visible(timeout=60_000)
    assert committee.draws.get().status == DrawStatus.DONE
    _check(page, axe, "the published draw")

    # The committee works: a meeting with minutes, a recommendation.
    page.goto(f"{base}/{committee.pk}/")
    page.get_by_role("button", name="Gå videre til: Udvalget arbejder").click()
    expect(page.get_by_text("Udvalget er gået videre")).to_be_visible()
    page.get_by_role("link", name="Nyt møde").click()
    page.get_by_label("Titel").fill("Første møde")
    held = timezone.localtime() - timedelta(days=1)
    page.get_by_label("Tidspunkt").fill(held.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Dagsorden").fill("1. Velkomst\n2. Kommissoriet")
    page.get_by_role("button", name="Gem").click()
    page.get_by_role("link", name="Skriv referat").click()
    page.get_by_label("Referat").fill("Alle var til stede. Vi mødes igen i marts.")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Alle var til stede.")).to_be_visible()
    _check(page, axe, "meeting with minutes")
    page.get_by_role("link", name=committee.title).click()
    page.get_by_role("link", name="Ny anbefaling").click()
    page.get_by_label("Anbefaling").fill("Ungeaftener på biblioteket")
    page.get_by_label("Begrundelse").fill("De unge mangler et sted at være.")
    page.get_by_label("Forventet udgift").fill("150000")
    page.get_by_role("button", name="Gem").click()

    # Handed to the council as a bundle; staff record the decision.
    page.get_by_role("button", name="Aflever anbefalingerne til byrådet").click()
    page.get_by_role("link", name="1. Ungeaftener på biblioteket").click()
    page.get_by_role("link", name="Registrer byrådets beslutning").click()
    _check(page, axe, "decision form")
    page.get_by_label("Vedtaget", exact=True).check()
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Byrådets beslutning er registreret.")).to_be_visible()
    assert committee.recommendations.get().decision == Decision.ADOPTED

    # Follow-up: an action owned by a department, with progress.
    page.get_by_role("link", name=committee.title).click()
    page.get_by_role("button", name="Gå videre til: Opfølgning").click()
    page.get_by_role("link", name="1. Ungeaftener på biblioteket").click()
    page.get_by_role("link", name="Ny opfølgning").click()
    _check(page, axe, "follow-up form")
    page.get_by_label("Handling", exact=True).fill("Ungeaften hver tirsdag i Ry")
    page.get_by_label("Ansvarlig afdeling").select_option(label="Kultur og Fællesskab")
    due = timezone.localdate() + timedelta(days=90)
    page.get_by_label("Færdig senest").fill(due.isoformat())
    page.get_by_role("button", name="Gem").click()
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Fremdrift (%)").fill("30")
    page.get_by_label("Hvad er sket?").fill("Første aften havde 25 unge.")
    page.get_by_role("button", name="Gem statusopdatering").click()
    expect(page.get_by_text("Første aften havde 25 unge.")).to_be_visible()
    assert ActionUpdate.objects.count() == 1
    _check(page, axe, "follow-up action")
    action_url = page.url

    # The same pages on a desktop; the chair's page lists the committee.
    page.set_viewport_size(DESKTOP)
    for url, what in (
        (f"{base}/{committee.pk}/", "committee in follow-up"),
        (f"{base}/lodtraekning/{committee.draws.get().pk}/", "draw"),
        (action_url, "follow-up action"),
        (f"{base}/politikere/{committee.chair_id}/", "politician's page"),
    ):
        page.goto(url)
        _check(page, axe, f"{what} at 1280 px")
    expect(page.get_by_role("link", name=committee.title)).to_be_visible()
