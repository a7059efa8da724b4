"""The competence directory in a real Chromium on a phone and a desktop: an
employee reaches it from "Mit arbejde", fills in their profile (lived
experience refused without consent), searches "kan tale arabisk", asks the
colleague who speaks Arabic; the colleague answers from "Mit arbejde"; the asker
says thanks — axe-core on every page, nothing wider than the screen."""

import pytest
from playwright.sync_api import expect

from faelles.competences.factories import employee_in, profile_for
from faelles.competences.models import Question, QuestionStatus
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _check(page, axe, what):
    axe(page, what)
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{what} is {width} px wide on a {viewport} px screen"


@on_both_screens
def test_an_employee_finds_a_colleague_asks_and_thanks(page, axe, login):
    kerteminde = MunicipalityFactory(
        slug="kerteminde", name="Kerteminde Kommune", programme_name="Kommunen 3.0"
    )
    culture = DepartmentFactory(municipality=kerteminde, name="Kultur og Fritid")
    youth = DepartmentFactory(municipality=kerteminde, name="Børn og Unge")
    asker = employee_in(kerteminde, department=culture, job_title="Konsulent")
    omar = employee_in(kerteminde, department=youth, job_title="Klubmedarbejder")
    profile_for(
        omar,
        kerteminde,
        skills="Taler arabisk og bygger bro mellem unge og forældre.",
        tags=["unge"],
        languages=["da", "ar"],
        networks="Spiller fodbold i Hindsholm IF.",
    )
    login(asker)

    page.goto(f"{page.base_url}/kerteminde/arbejde/")
    press(page.get_by_role("link", name="Kompetencer"))
    expect(page.get_by_role("heading", name="Kompetencer", level=1)).to_be_visible()
    _check(page, axe, "the directory")

    # Own profile: lived experience without consent is refused, then saved.
    press(page.get_by_role("link", name="Opret din profil"))
    _check(page, axe, "the profile form")
    page.get_by_label("Det kan jeg hjælpe med").fill("Kan skrive fondsansøgninger.")
    page.get_by_label("Levede erfaringer, du vil dele").fill(
        "Jeg har været pårørende til en med demens."
    )
    press(page.get_by_role("button", name="Gem profilen"))
    expect(page.get_by_text("Sæt kryds ved samtykket")).to_be_visible()
    _check(page, axe, "the profile form with an error")
    page.get_by_label("Jeg giver samtykke").check()
    press(page.get_by_role("button", name="Gem profilen"))
    expect(page.get_by_text("Din kompetenceprofil er gemt.")).to_be_visible()

    # Search across departments in plain Danish.
    press(page.get_by_role("link", name="Kompetencer").last)
    page.get_by_label("Søg efter kompetencer, sprog eller netværk").fill(
        "kan tale arabisk"
    )
    press(page.get_by_role("button", name="Søg", exact=True))
    expect(page.get_by_text("1 kollega")).to_be_visible()
    _check(page, axe, "the search results")
    press(page.get_by_role("link", name=omar.display_name))
    expect(page.get_by_text("Klubmedarbejder, Børn og Unge")).to_be_visible()
    _check(page, axe, "a colleague's profile")
    page.get_by_label("Dit spørgsmål").fill(
        "Kan du være med til et forældremøde på arabisk i næste uge?"
    )
    press(page.get_by_role("button", name="Send spørgsmålet"))
    expect(page.get_by_text("Dit spørgsmål er sendt til")).to_be_visible()
    _check(page, axe, "the question, asked")

    # The colleague answers from their workspace.
    page.context.clear_cookies()
    login(omar)
    page.goto(f"{page.base_url}/kerteminde/arbejde/")
    press(page.get_by_role("link", name="Kan du være med til et forældremøde"))
    _check(page, axe, "the question, to answer")
    page.get_by_label("Dit svar").fill("Ja, det vil jeg gerne. Tirsdag passer fint.")
    press(page.get_by_role("button", name="Send svaret"))
    expect(page.get_by_text("Tak for dit svar.")).to_be_visible()

    # The asker says thanks.
    page.context.clear_cookies()
    login(asker)
    question = Question.objects.get()
    page.goto(f"{page.base_url}/kerteminde/kompetencer/spoergsmaal/{question.pk}/")
    expect(page.get_by_text("Tirsdag passer fint.")).to_be_visible()
    page.get_by_label("Din tak").fill("Tusind tak, Omar!")
    press(page.get_by_role("button", name="Send tak"))
    expect(page.get_by_text("Din tak er sendt.")).to_be_visible()
    _check(page, axe, "the question, thanked")
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED and question.thanked_at
