"""The main tasks of two roles that no area's flow covers on its own, on a phone
(390 px, touch, the menu drawer) and a desktop (1280 px), with axe-core after every
step (and, on the phone, no sideways scrolling):

* an association: its administrator acts on behalf of it and creates an event,
  which is credited to the association and listed on its page;
* a politician: starts a movement led by a politician and answers a citizen on an
  initiative.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Movement
from faelles.events.models import Event
from faelles.initiatives import services as initiative_services
from faelles.initiatives.models import Comment
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import (
    OrganisationFactory,
    OrganisationMemberFactory,
)
from tests.browser.screens import on_both_screens, open_section, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def odense():
    return MunicipalityFactory(
        slug="odense", name="Odense Kommune", programme_name="Sammen om udvikling"
    )


def _member(municipality, name, **roles):
    return MembershipFactory(
        municipality=municipality, user__display_name=name, **roles
    ).user


@on_both_screens
def test_association_creates_an_event_credited_to_it(page, axe, login, odense):
    chair = _member(odense, "Lise Lund")
    club = OrganisationFactory(municipality=odense, name="Vollsmose Strikkeklub")
    OrganisationMemberFactory(organisation=club, user=chair, is_admin=True)
    CommunityFactory(municipality=odense, name="Strikkecaféen", host=chair)
    login(chair)
    page.goto(page.base_url + "/odense/")
    open_section(page, "Foreninger og virksomheder")
    press(page.get_by_role("link", name="Vollsmose Strikkeklub"))
    axe(page, "the association's page")
    press(page.get_by_role("button", name="Handl på vegne af Vollsmose Strikkeklub"))
    expect(page.locator(".faelles-acting")).to_contain_text(
        "Du handler på vegne af Vollsmose Strikkeklub"
    )
    axe(page, "acting on behalf of the association")

    open_section(page, "Arrangementer")
    press(page.get_by_role("link", name="Opret et arrangement"))
    axe(page, "create event")
    # Bad input first: a clear message, nothing saved.
    press(page.get_by_role("button", name="Gem"))
    axe(page, "create event with errors")
    assert page.locator(".form-error-message").count() >= 1
    assert not Event.objects.exists()
    starts = timezone.localtime() + timedelta(days=10)
    page.get_by_label("Titel").fill("Strik og snak i Vollsmose")
    page.get_by_label("Beskrivelse").fill("Vi strikker huer til nyfødte. Alle kan.")
    page.get_by_label("Starter").fill(starts.strftime("%Y-%m-%dT14:00"))
    page.get_by_label("Slutter").fill(starts.strftime("%Y-%m-%dT16:00"))
    page.get_by_label(re.compile("^Sted")).fill("Vollsmose Bibliotek")
    page.get_by_label(re.compile("^Fællesskab")).select_option(label="Strikkecaféen")
    press(page.get_by_role("button", name="Gem"))
    expect(page.get_by_text("Arrangementet er oprettet.")).to_be_visible()
    axe(page, "the new event")
    event = Event.objects.get()
    assert (event.organisation, event.organiser) == (club, chair)
    organiser = page.locator("dt", has_text="Arrangør").locator("xpath=..")
    expect(organiser.get_by_role("link", name="Vollsmose Strikkeklub")).to_be_visible()

    # The association's page lists the event.
    press(page.get_by_role("link", name="Vollsmose Strikkeklub"))
    axe(page, "the association's page with its event")
    expect(page.get_by_role("link", name="Strik og snak i Vollsmose")).to_be_visible()


@on_both_screens
def test_politician_starts_a_movement_and_answers_on_an_initiative(
    page, axe, login, odense
):
    politician = _member(
        odense, "Mette Frederiksen-Holm", is_politician=True, party="Venstre"
    )
    citizen = _member(odense, "Karin Sørensen")
    initiative = initiative_services.initiative_create(
        municipality=odense,
        proposer=citizen,
        title="Bænke langs Odense Å",
        challenge="Der er ingen steder at hvile på turen langs åen.",
        idea="Fem bænke mellem Munke Mose og Fruens Bøge.",
    )
    question = initiative_services.comment_create(
        initiative=initiative,
        author=citizen,
        body="Hvad mener byrådet om idéen?",
    )
    login(politician)
    page.goto(page.base_url + "/odense/")

    # A movement led by a politician.
    open_section(page, "Bevægelser")
    axe(page, "movements")
    press(page.get_by_role("link", name="Start en bevægelse"))
    axe(page, "start a movement")
    press(page.get_by_role("button", name="Start bevægelsen"))
    axe(page, "start a movement with errors")
    assert not Movement.objects.exists()
    page.get_by_label("Titel").fill("Cykeludfordringen 2027")
    page.get_by_label("Det fælles mål").fill("10.000 km på cykel i stedet for bil")
    page.get_by_label("Beskrivelse").fill("Byrådet cykler med. Cykler du også?")
    page.get_by_label("Hvem står bag").select_option(label="En politiker")
    page.get_by_label("Hvad vi måler").select_option(label="kilometer")
    page.get_by_label(re.compile("^Mål")).fill("10000")
    press(page.get_by_role("button", name="Start bevægelsen"))
    expect(page.get_by_text("Bevægelsen er startet.")).to_be_visible()
    axe(page, "the new movement")
    movement = Movement.objects.get()
    assert (movement.led_by, movement.leader) == ("politician", politician)
    meta = page.locator("main .faelles-meta").first
    expect(meta).to_contain_text("En politiker")
    expect(meta).to_contain_text("Mette Frederiksen-Holm")

    # An answer to a citizen's question on an initiative.
    open_section(page, "Initiativer")
    press(page.get_by_role("link", name="Bænke langs Odense Å"))
    axe(page, "initiative with a question")
    press(page.locator(f"#kommentar-{question.pk} ~ details summary"), navigates=False)
    page.get_by_label("Dit svar").fill("Jeg tager den med til udvalget i januar.")
    press(page.get_by_role("button", name="Send svar"))
    axe(page, "initiative with the answer")
    answer = Comment.objects.get(parent=question)
    assert answer.author == politician
    expect(page.locator(f"#kommentar-{answer.pk}")).to_contain_text(
        "Jeg tager den med til udvalget i januar."
    )
