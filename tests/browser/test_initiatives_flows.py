"""Initiatives in a real Chromium: from a citizen's proposal to an evaluated trial in
the learning library, a published story and the community newspaper — with axe-core
on every initiatives page (the Atom feed is XML and the newspaper a PDF, so not axe)."""

import io
import re

import pytest
from PIL import Image

from faelles.accounts.factories import MembershipFactory
from faelles.initiatives import services
from faelles.initiatives.models import (
    Initiative,
    InitiativeSettings,
    Outcome,
    PhotoConsent,
    State,
    Story,
)
from faelles.municipalities.factories import MunicipalityFactory, PrincipleFactory
from faelles.organisations.factories import DepartmentFactory
from tests.browser.screens import is_phone, on_both_screens, open_section, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/odense/initiativer"


@pytest.fixture
def people(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    odense = MunicipalityFactory(
        slug="odense", name="Odense Kommune", programme_name="Sammen om udvikling"
    )
    PrincipleFactory(municipality=odense, title="Fællesskab", text="Sammen.")
    culture = DepartmentFactory(municipality=odense, name="By og Kultur")
    health = DepartmentFactory(municipality=odense, name="Sundhed")

    def member(name, **roles):
        return MembershipFactory(
            municipality=odense, user__display_name=name, **roles
        ).user

    return {
        "municipality": odense,
        "proposer": member("Karin Sørensen"),
        "neighbour": member("Ali Hassan"),
        "facilitator": member(
            "Mette Facilitator", is_employee=True, department=culture
        ),
        "colleague": member("Jens Sundhed", is_employee=True, department=health),
        "admin": member("Anne Admin", is_employee=True, is_administrator=True),
        "moderator": member("Mo Moderator", is_moderator=True),
    }


def _switch(page, login, user):
    page.goto("about:blank")  # no late request of the last page may set a cookie
    page.context.clear_cookies()
    login(user)


def _visit(page, axe, path, label=None):
    response = page.goto(page.base_url + path)
    assert response.status == 200, (path, response.status)
    axe(page, label or path)
    return response


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, format="JPEG")
    return buffer.getvalue()


@on_both_screens
def test_from_proposal_to_evaluated_trial_story_and_newspaper(page, axe, login, people):
    # A citizen proposes an initiative, reaching the list through the main menu.
    login(people["proposer"])
    page.goto(page.base_url + "/odense/")
    open_section(page, "Initiativer")
    assert page.url.endswith(f"{BASE}/")
    axe(page, "initiative list")
    press(page.get_by_role("link", name="Foreslå et initiativ"))
    axe(page, "propose form")
    press(page.get_by_role("button", name="Opret initiativet"))
    axe(page, "propose form with errors")
    assert not Initiative.objects.exists()
    page.get_by_label("Titel").fill("Gåbus til Bolbro Skole")
    page.get_by_label("Udfordringen").fill("Morgentrafikken foran skolen er farlig.")
    page.get_by_label("Idéen").fill("Forældre og bedsteforældre går med på skift.")
    page.get_by_label("Hvem er det for").fill("Elever i 0.–3. klasse")
    page.get_by_label("Postnummer").fill("5200")
    page.get_by_role("textbox", name="Sted").fill("Bolbro Skole")
    page.get_by_label("Børn og unge").check()
    page.get_by_label("Trafik og transport").check()
    page.get_by_label("Fællesskab", exact=True).check()
    page.get_by_label("Hvilke roller søger I?").fill("Voksne der går med")
    press(page.get_by_role("button", name="Opret initiativet"))
    initiative = Initiative.objects.get()
    assert page.url.endswith(f"{BASE}/{initiative.pk}/")
    axe(page, "initiative page as proposer")
    press(page.get_by_role("link", name="Redigér initiativet"))
    axe(page, "edit initiative")
    page.get_by_role("textbox", name="Sted").fill("Bolbro Skole, Stadionvej")
    press(page.get_by_role("button", name="Gem ændringerne"))
    initiative.refresh_from_db()
    assert initiative.place == "Bolbro Skole, Stadionvej"

    # A neighbour supports (by keyboard), joins with a role and comments.
    _switch(page, login, people["neighbour"])
    page.goto(page.base_url + initiative.get_absolute_url())
    if is_phone(page):
        press(page.get_by_role("button", name="Jeg støtter"), navigates=False)
    else:
        page.get_by_role("button", name="Jeg støtter").focus()
        page.keyboard.press("Enter")
    page.get_by_role("button", name=re.compile("Du støtter")).wait_for()
    axe(page, "initiative page after support")
    page.get_by_label("Jeg vil være med som …").fill("Går med om tirsdagen")
    page.get_by_label("Udfylder du et af initiativets behov?").select_option(
        label="Voksne der går med"
    )
    press(page.get_by_role("button", name="Meld mig til"))
    page.get_by_label("Din kommentar").fill("Jeg kan også tage min nabos børn med.")
    press(page.get_by_role("button", name="Send kommentar"))
    axe(page, "initiative page after comment")
    initiative.refresh_from_db()
    assert (initiative.support_count, initiative.participant_count) == (1, 1)

    # The administrator assigns a facilitator and a cross-department team.
    _switch(page, login, people["admin"])
    _visit(page, axe, f"{BASE}/uden-svar/", "awaiting response")
    _visit(page, axe, f"{BASE}/indstillinger/", "initiative settings")
    page.goto(page.base_url + initiative.get_absolute_url())
    press(page.get_by_role("link", name="Vælg facilitator og team"))
    axe(page, "facilitation form")
    page.get_by_label("Facilitator").select_option(label="Mette Facilitator")
    page.get_by_label("Tværgående team").select_option(label="Jens Sundhed")
    press(page.get_by_role("button", name="Gem"))
    initiative.refresh_from_db()
    assert initiative.facilitator == people["facilitator"]

    # The facilitator moves it through preparation, trial and evaluation.
    _switch(page, login, people["facilitator"])
    _visit(page, axe, f"{BASE}/mine-opgaver/", "facilitator's work list")
    press(page.get_by_role("link", name="Gåbus til Bolbro Skole"))
    _transition(page, "Forberedes", "Vi har fundet tre ruter og en skolegård.")
    axe(page, "initiative being prepared")
    press(page.get_by_role("link", name="Beskriv prøvehandlingen"))
    axe(page, "trial form")
    page.get_by_label("Vi tror, at …").fill("en gåbus med faste ruter")
    page.get_by_label("… vil føre til …").fill("færre biler foran skolen")
    page.get_by_label("Hvad afprøver vi?").fill("Tre ruter i ti uger.")
    page.get_by_label("Periode fra").fill("2026-08-10")
    page.get_by_label("Periode til").fill("2026-10-16")
    page.get_by_label("Succeskriterium 1: indikator").fill("Børn der går med")
    page.get_by_label("Succeskriterium 1: målværdi").fill("40")
    page.get_by_label("Succeskriterium 2: indikator").fill("Biler foran skolen")
    page.get_by_label("Succeskriterium 2: målværdi").fill("30 % færre")
    press(page.get_by_role("button", name="Gem prøvehandlingen"))
    _transition(page, "Afprøves", "Ruterne er skiltet, og vi går i gang.")
    _transition(page, "Evalueres", "Ti uger er gået.")
    press(page.get_by_role("link", name="Evaluér prøvehandlingen"))
    axe(page, "evaluation form")
    trial = initiative.trials.get()
    first, second = trial.criteria.order_by("id")
    page.get_by_label("Resultat for “Børn der går med” (mål: 40)").fill("52")
    page.locator(f"input[name='met_{first.pk}'][value='yes']").check()
    page.get_by_label("Resultat for “Biler foran skolen” (mål: 30 % færre)").fill(
        "18 % færre"
    )
    page.locator(f"input[name='met_{second.pk}'][value='no']").check()
    page.get_by_label("Virkede delvist").check()
    page.get_by_label("Hvad lærte vi?").fill(
        "Børnene går, men forældrene kører stadig videre på arbejde."
    )
    press(page.get_by_role("button", name="Gem evalueringen"))
    _transition(page, "Gentages", "Vi prøver igen med et afleveringssted.")
    initiative.refresh_from_db()
    trial.refresh_from_db()
    assert initiative.state == State.REPEATED
    assert trial.outcome == Outcome.PARTLY
    timeline = page.locator("#forloeb").inner_text()
    for reason in ["Vi har fundet tre ruter", "Ti uger er gået", "afleveringssted"]:
        assert reason in timeline
    assert "Mette Facilitator" in timeline

    # The result is in the learning library.
    _visit(page, axe, f"{BASE}/laeringsbank/", "learning library")
    page.get_by_role("textbox", name="Søg").fill("gåbus")
    page.get_by_label("Udfald").select_option(label="Virkede delvist")
    press(page.get_by_role("button", name="Find"))
    axe(page, "learning library, filtered")
    assert page.get_by_role("link", name="Gåbus til Bolbro Skole").is_visible()

    # A story with a photo and recorded consent is published.
    page.goto(page.base_url + initiative.get_absolute_url())
    press(page.get_by_role("link", name="Skriv en god historie"))
    axe(page, "story form")
    page.get_by_label("Overskrift").fill("Karavanen til Bolbro")
    page.get_by_label("Indledning").fill("52 børn går nu i skole i gåbus.")
    page.get_by_label("Historien").fill("Det begyndte med en farlig morgen.")
    press(page.get_by_role("button", name="Gem kladden"))
    axe(page, "story draft")
    press(page.get_by_role("link", name="Tilføj et foto"))
    axe(page, "story photo form")
    page.get_by_label("Foto", exact=True).set_input_files(
        files=[{"name": "gaabus.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}]
    )
    page.get_by_label("Billedtekst").fill("Gåbussen på Stadionvej")
    press(page.get_by_role("button", name="Tilføj fotoet"))
    press(page.get_by_role("button", name="Udgiv historien"))
    assert "uden registreret samtykke" in page.content()
    press(page.get_by_role("link", name=re.compile("Registrér et samtykke")))
    axe(page, "consent form")
    page.get_by_label("Hvem har givet samtykke").fill("Karin Sørensen")
    page.get_by_label("Hvornår").fill("2026-10-20")
    page.get_by_label("Hvordan").select_option(label="Skriftligt på papir")
    press(page.get_by_role("button", name="Gem samtykket"))
    press(page.get_by_role("button", name="Udgiv historien"))
    axe(page, "published story")
    story = Story.objects.get()
    assert story.published_at is not None and PhotoConsent.objects.count() == 1
    _visit(page, axe, f"{BASE}/historier/", "good stories")
    feed = page.request.get(page.base_url + f"{BASE}/historier/feed/")
    assert "Karavanen til Bolbro" in feed.text()

    # The community newspaper is generated as a PDF.
    _visit(page, axe, f"{BASE}/avis/", "newspaper form")
    today = story.published_at.date()
    pdf = page.request.get(
        page.base_url + f"{BASE}/avis/?start={today:%Y-%m-%d}&end={today:%Y-%m-%d}"
    )
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")


def _transition(page, state: str, reason: str) -> None:
    page.get_by_label(state, exact=True).check()
    page.get_by_label("Hvorfor?").fill(reason)
    press(page.get_by_role("button", name="Skift fase"))
    assert f"fasen “{state}”" in page.content()


def test_remaining_initiatives_pages_are_accessible(page, axe, login, people):
    municipality = people["municipality"]
    initiative = services.initiative_create(
        municipality=municipality,
        proposer=people["proposer"],
        title="Fælleshave i Vollsmose",
        challenge="Ingen grønne steder.",
        idea="Plantekasser mellem blokkene.",
        needs=[{"kind": "role", "title": "Havefolk"}],
    )
    comment = services.comment_create(
        initiative=initiative, author=people["neighbour"], body="Ring til min nabo"
    )
    story = services.story_create(
        initiative=initiative, author=people["admin"], title="Haven", lead="L", body="B"
    )
    need = initiative.needs.get()
    login(people["proposer"])
    for path, label in [
        (f"{BASE}/{initiative.pk}/behov/", "need form"),
        (f"{BASE}/{initiative.pk}/behov/{need.pk}/slaa-op/", "publish need form"),
        (f"{BASE}/{initiative.pk}/billeder/", "image form"),
    ]:
        _visit(page, axe, path, label)
    page.get_by_role("button", name="Tilføj billedet").click()
    axe(page, "image form with errors")
    _switch(page, login, people["moderator"])
    _visit(
        page,
        axe,
        f"{BASE}/{initiative.pk}/kommentarer/{comment.pk}/skjul/",
        "hide comment form",
    )
    page.get_by_label("Hvorfor skjules kommentaren?").fill("Personoplysninger")
    page.get_by_role("button", name="Skjul kommentaren").click()
    axe(page, "initiative page with a hidden comment")
    _switch(page, login, people["admin"])
    _visit(page, axe, f"{BASE}/historier/{story.pk}/rediger/", "story edit form")
    _visit(page, axe, f"{BASE}/historier/", "stories with drafts")

    # A municipality that shares its library publicly: anyone can read it.
    InitiativeSettings.objects.create(municipality=municipality, library_public=True)
    page.goto("about:blank")  # no late request of the last page may set a cookie
    page.context.clear_cookies()
    _visit(page, axe, f"{BASE}/laeringsbank/", "public learning library")
    _visit(page, axe, f"{BASE}/", "initiative list, anonymous")
    _visit(page, axe, initiative.get_absolute_url(), "initiative page, anonymous")


def test_initiative_pages_work_without_javascript(browser, live_server, people):
    municipality = people["municipality"]
    initiative = services.initiative_create(
        municipality=municipality,
        proposer=people["proposer"],
        title="Gåklub",
        challenge="Ensomhed.",
        idea="Gåture.",
    )
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(people["neighbour"])
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(live_server.url + initiative.get_absolute_url())
    page.get_by_role("button", name="Jeg støtter").click()
    assert "Tak for din støtte." in page.content()
    context.close()
    initiative.refresh_from_db()
    assert initiative.support_count == 1
