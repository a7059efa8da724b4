"""The paradigm self-assessment in a real Chromium on a phone and a desktop: an
employee opens a round and places the practice, four colleagues answer, the
group's results appear from the fifth, the facilitator records the agreed
placements and the profile shows — axe-core on every page, nothing wider than
the screen."""

import pytest
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.paradigm import services
from faelles.paradigm.models import Assessment
from faelles.paradigm.table import ROW_KEYS, ROWS
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page, what):
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{what} is {width} px wide on a {viewport} px screen"


@on_both_screens
def test_a_department_places_its_practice_and_agrees(page, axe, login):
    skanderborg = MunicipalityFactory(
        slug="skanderborg", name="Skanderborg Kommune", programme_name="Kommunen 3.0"
    )
    department = DepartmentFactory(municipality=skanderborg, name="Sundhed og Omsorg")
    people = [
        MembershipFactory(
            municipality=skanderborg, is_employee=True, department=department
        ).user
        for _ in range(5)
    ]
    facilitator = people[0]
    login(facilitator)

    # Open a round
    page.goto(f"{page.base_url}/skanderborg/paradigme/")
    expect(page.get_by_role("heading", name="Paradigmeprofil", level=1)).to_be_visible()
    axe(page, "the rounds")
    _fits(page, "the rounds")
    page.get_by_label("Titel").fill("Foråret 2026")
    press(page.get_by_role("button", name="Åbn runden"))
    expect(page.get_by_role("heading", name="Foråret 2026", level=1)).to_be_visible()
    expect(page.get_by_text("0 har svaret indtil nu.")).to_be_visible()
    axe(page, "a new round")
    _fits(page, "a new round")

    # The first person answers in the browser; a bad form changes nothing
    press(page.get_by_role("button", name="Gem mine placeringer"))
    expect(page.get_by_text("Vælg en placering på denne række.").first).to_be_visible()
    axe(page, "the form with errors")
    for row in ROWS:
        group = page.get_by_role("group", name=str(row.label))
        group.get_by_label("2,5", exact=True).check()
    page.get_by_role("group", name="Fejl og forsøg").get_by_label("Note").fill(
        "Vi prøver mere af end for et år siden"
    )
    press(page.get_by_role("button", name="Gem mine placeringer"))
    expect(page.get_by_text("Dine placeringer er gemt.")).to_be_visible()
    expect(page.get_by_text("1 har svaret indtil nu.")).to_be_visible()

    # Four colleagues answer (each their own placements)
    assessment = Assessment.objects.get()
    for i, person in enumerate(people[1:]):
        services.answers_save(
            assessment=assessment,
            user=person,
            steps=dict.fromkeys(ROW_KEYS, (15, 20, 25, 30)[i]),
        )
    page.reload()
    # Five have answered; the figures wait until the round is closed.
    expect(page.get_by_text("Resultaterne vises, når runden lukkes")).to_be_visible()
    services.assessment_close(assessment=assessment, actor=people[0])
    page.reload()
    results = page.get_by_role(
        "table", name="Antal personer pr. trin og medianen for hver række"
    )
    expect(results).to_be_visible()
    expect(page.get_by_text("5 har svaret.", exact=False).first).to_be_visible()
    # own note is mine alone; nobody's name is in the results
    assert people[1].display_name not in page.content()
    axe(page, "the group's results")
    _fits(page, "the group's results")

    # The facilitator records the agreed placements
    press(page.get_by_role("link", name="Registrér fælles placering"))
    expect(
        page.get_by_role("heading", name="Fælles placering", level=1)
    ).to_be_visible()
    axe(page, "the agreement form")
    _fits(page, "the agreement form")
    for row in ROWS[:3]:
        group = page.get_by_role("group", name=str(row.label))
        group.get_by_role("combobox").select_option("25")
        group.get_by_label("Begrundelse").fill("Vi spørger borgerne mere end før.")
    press(page.get_by_role("button", name="Gem de fælles placeringer"))
    expect(page.get_by_text("De fælles placeringer er gemt.")).to_be_visible()

    # The profile: a bar chart and a table of the same numbers
    expect(page.get_by_role("heading", name="Profilen over tid")).to_be_visible()
    expect(
        page.get_by_role(
            "table", name="De samme tal som tabel: fælles placering pr. runde"
        )
    ).to_be_visible()
    axe(page, "the profile")
    _fits(page, "the profile")

    page.goto(f"{page.base_url}/skanderborg/paradigme/")
    press(page.get_by_role("link", name="Afdelingerne samlet"))
    expect(page.get_by_text("1 afdeling er med.")).to_be_visible()
    axe(page, "the departments together")
    _fits(page, "the departments together")
