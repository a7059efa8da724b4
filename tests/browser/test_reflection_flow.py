"""The team reflection kit in a real Chromium on a phone and a desktop: the
facilitator creates a session, the team writes own notes, the facilitator moves
on to shared answers, agrees an action, closes and shares the summary to the
learning library; at the next session a colleague follows the action up —
axe-core on every page, nothing wider than the screen."""

import re

import pytest
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.reflection import services
from faelles.reflection.models import Action, Session
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRET = "Jeg tror, vi bruger foreningerne for lidt"


def _fits(page, what):
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{what} is {width} px wide on a {viewport} px screen"


def _check(page, axe, what):
    axe(page, what)
    _fits(page, what)


@on_both_screens
def test_a_team_reflects_agrees_and_follows_up(page, axe, login):
    skanderborg = MunicipalityFactory(
        slug="skanderborg", name="Skanderborg Kommune", programme_name="Kommunen 3.0"
    )
    team = DepartmentFactory(municipality=skanderborg, name="Kultur og Fællesskab")
    people = [
        MembershipFactory(
            municipality=skanderborg, is_employee=True, department=team
        ).user
        for _ in range(3)
    ]
    facilitator, colleague, owner = people
    login(facilitator)

    # Create a session
    page.goto(f"{page.base_url}/skanderborg/refleksion/")
    expect(page.get_by_role("heading", name="Teamrefleksion", level=1)).to_be_visible()
    _check(page, axe, "the index")
    press(page.get_by_role("link", name="Opret en session"))
    _check(page, axe, "the create form")
    press(page.get_by_role("button", name="Opret sessionen"))  # empty: errors
    expect(page.locator(".form-error-message").first).to_be_visible()
    page.get_by_label("Titel").fill("Teammøde i marts")
    page.get_by_label("Dato").fill("2027-03-04")
    page.get_by_label("Spørgsmål").select_option("builtin:kommunen-3-0")
    press(page.get_by_role("button", name="Opret sessionen"))
    expect(
        page.get_by_role("heading", name="Teammøde i marts", level=1)
    ).to_be_visible()
    _check(page, axe, "a new session")

    # Individual notes
    press(page.get_by_role("button", name="Åbn for egne noter"))
    expect(
        page.get_by_text("Sessionen er nu i fasen: Individuelle noter.")
    ).to_be_visible()
    page.get_by_label(re.compile(r"^2\. ")).fill(SECRET)
    press(page.get_by_role("button", name="Gem mine noter"))
    expect(page.get_by_text("Dine noter er gemt.")).to_be_visible()
    _check(page, axe, "own notes")
    session = Session.objects.get()
    services.notes_save(
        session=session,
        user=colleague,
        texts={q.pk: "Min egen tanke" for q in session.questions.all()},
    )

    # Shared answers: share the own note without name, write the team's answer
    press(page.get_by_role("button", name="Gå videre til fælles svar"))
    page.get_by_label("Del min note til spørgsmål 2 med teamet uden navn").check()
    press(page.get_by_role("button", name="Gem hvad jeg deler"))
    expect(page.get_by_text("Teamet kan nu læse de noter, du delte.")).to_be_visible()
    expect(page.get_by_text("En kollega skrev:")).to_be_visible()
    assert "Min egen tanke" not in page.content()  # a colleague's note stays theirs
    _check(page, axe, "the shared phase")
    press(page.get_by_role("link", name="Skriv fælles svar"))
    _check(page, axe, "the shared answers form")
    page.get_by_label(re.compile(r"^2\. ")).fill("Foreningerne og lokalrådene.")
    press(page.get_by_role("button", name="Gem de fælles svar"))
    expect(page.get_by_text("De fælles svar er gemt.")).to_be_visible()

    # An action with an owner and a date
    press(page.get_by_role("link", name="Tilføj handling"))
    _check(page, axe, "the action form")
    page.get_by_label("Handling").fill("Ringe til tre foreninger")
    page.get_by_label("Ansvarlig").select_option(label=owner.display_name)
    page.get_by_label("Senest").fill("2027-04-01")
    press(page.get_by_role("button", name="Gem handlingen"))
    expect(page.get_by_text("Handlingen er gemt")).to_be_visible()

    # Close and share the summary
    page.get_by_label("Opsummering", exact=True).fill(
        "Vi talte om foreningerne og aftalte at ringe."
    )
    page.get_by_label("Teamet vil dele opsummeringen i læringsbanken").check()
    press(page.get_by_role("button", name="Afslut sessionen"))
    expect(page.get_by_text("Sessionen er afsluttet.")).to_be_visible()
    _check(page, axe, "the closed session")
    press(page.get_by_role("link", name="Se læringsbanken"))
    expect(page.get_by_role("heading", name="Teamrefleksioner")).to_be_visible()
    expect(page.get_by_text("Vi talte om foreningerne")).to_be_visible()
    _check(page, axe, "the learning library")

    # The next session: a colleague facilitates and follows the action up
    nxt = services.session_create(
        municipality=skanderborg,
        department=team,
        title="Teammøde i april",
        day=session.date.replace(month=4),
        source="builtin:social-kapital",
        actor=colleague,
    )
    page.context.clear_cookies()
    login(colleague)
    page.goto(f"{page.base_url}{nxt.get_absolute_url()}")
    expect(
        page.get_by_role("heading", name="Opfølgning på tidligere handlinger")
    ).to_be_visible()
    assert SECRET not in page.content()
    _check(page, axe, "the next session")
    press(page.get_by_role("link", name="Følg op på handlingerne"))
    _check(page, axe, "the follow-up form")
    page.get_by_label("Udfald").select_option("done")
    page.get_by_label("Note").fill("Alle tre vil være med")
    press(page.get_by_role("button", name="Gem opfølgningen"))
    expect(page.get_by_text("Denne gang: Udført")).to_be_visible()
    assert Action.objects.get().status == "done"


@on_both_screens
def test_an_administrator_adapts_a_builtin_question_set(page, axe, login):
    odense = MunicipalityFactory(
        slug="odense", name="Odense Kommune", programme_name="Sammen om udvikling"
    )
    admin = MembershipFactory(
        municipality=odense, is_employee=True, is_administrator=True
    ).user
    login(admin)
    page.goto(f"{page.base_url}/odense/refleksion/spoergsmaal/")
    expect(page.get_by_role("heading", name="Spørgsmålssæt", level=1)).to_be_visible()
    _check(page, axe, "the question sets")
    press(page.get_by_role("link", name="Kopiér og tilpas Social kapital i teamet"))
    expect(page.get_by_label("Titel")).to_have_value("Social kapital i teamet")
    _check(page, axe, "a copy of a built-in set")
    page.get_by_label("Titel").fill("Vores pejlemærker")
    page.get_by_label("Spørgsmål").fill("Hvor var vi modige?\nHvad lærte vi?")
    press(page.get_by_role("button", name="Gem spørgsmålssættet"))
    expect(page.get_by_text("Spørgsmålssættet er gemt.")).to_be_visible()
    expect(page.get_by_role("heading", name="Vores pejlemærker")).to_be_visible()
    _check(page, axe, "the municipality's own set")
