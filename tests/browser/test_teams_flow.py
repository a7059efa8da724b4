"""A cross-department team in a real Chromium on a phone and a desktop: an
employee creates it, a colleague from another department volunteers, the
leader accepts and gives a task, which waits in the colleague's workspace —
axe-core on every page, nothing wider than the screen."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.teams.models import Team
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@on_both_screens
def test_a_team_is_formed_across_departments(page, axe, login):
    kerteminde = MunicipalityFactory(
        slug="kerteminde", name="Kerteminde Kommune", programme_name="Kommunen 3.0"
    )
    culture = DepartmentFactory(municipality=kerteminde, name="Kultur og Fritid")
    health = DepartmentFactory(municipality=kerteminde, name="Sundhed og Ældre")
    leader = MembershipFactory(
        municipality=kerteminde,
        is_employee=True,
        department=culture,
        user__display_name="Lene Friis",
    ).user
    nurse = MembershipFactory(
        municipality=kerteminde,
        is_employee=True,
        department=health,
        user__display_name="Nanna Holm",
    ).user
    base = f"{page.base_url}/kerteminde"

    # The leader creates the team from the workspace's tools.
    login(leader)
    page.goto(f"{base}/arbejde/")
    press(page.get_by_role("link", name="Tværgående teams"))
    expect(
        page.get_by_role("heading", name="Tværgående teams", level=1)
    ).to_be_visible()
    axe(page, "the teams")
    press(page.get_by_role("link", name="Opret et team"))
    axe(page, "create a team")
    page.get_by_label("Navn").fill("Ensomhed blandt ældre")
    page.get_by_label("Formål").fill("Nye veje til de ældre, der sidder alene.")
    page.get_by_role("textbox", name=re.compile("^Opgave")).fill(
        "Tre prøvehandlinger før sommerferien"
    )
    end = timezone.localdate() + timedelta(days=90)
    page.get_by_label("Slutdato").fill(end.isoformat())
    page.get_by_label("Hvem søger I?").fill("En sygeplejerske")
    press(page.get_by_role("button", name="Opret teamet"))
    expect(
        page.get_by_role("heading", name="Ensomhed blandt ældre", level=1)
    ).to_be_visible()
    expect(page.get_by_text("1 afdeling er repræsenteret.")).to_be_visible()
    axe(page, "a team, its leader")
    team = Team.objects.get(title="Ensomhed blandt ældre")

    # A colleague from another department volunteers.
    page.context.clear_cookies()
    login(nurse)
    page.goto(f"{base}/teams/{team.pk}/")
    press(page.get_by_role("link", name="Jeg byder ind"))
    axe(page, "volunteer")
    page.get_by_label("Hvad kan du bidrage med?").fill("Jeg kender de ældre i Dalby.")
    press(page.get_by_role("button", name="Jeg byder ind"))
    expect(page.get_by_text("Du har budt ind. Teamlederen svarer dig.")).to_be_visible()

    # The leader accepts and gives her a task.
    page.context.clear_cookies()
    login(leader)
    page.goto(f"{base}/arbejde/")
    volunteers = page.get_by_role(
        "region", name=re.compile("^Frivillige der venter på svar")
    )
    press(volunteers.get_by_role("link", name="Nanna Holm"))
    axe(page, "a team with a volunteer waiting")
    press(page.get_by_role("button", name="Tag imod Nanna Holm"))
    expect(page.get_by_text("2 afdelinger er repræsenteret.")).to_be_visible()
    page.get_by_role("textbox", name="Opgave", exact=True).fill("Ring til ældresagen")
    page.get_by_label("Ansvarlig").select_option(label="Nanna Holm")
    page.get_by_label("Senest").fill(
        (timezone.localdate() + timedelta(days=7)).isoformat()
    )
    press(page.get_by_role("button", name="Tilføj opgaven"))
    expect(
        page.get_by_role("cell", name="Ring til ældresagen", exact=True)
    ).to_be_visible()
    axe(page, "a team with a task")

    # The task waits in her workspace.
    page.context.clear_cookies()
    login(nurse)
    page.goto(f"{base}/arbejde/")
    tasks = page.get_by_role("region", name=re.compile("^Opgaver i mine teams"))
    expect(tasks.get_by_role("listitem")).to_have_count(1)
    press(tasks.get_by_role("link", name="Ring til ældresagen"))
    expect(
        page.get_by_role("heading", name="Ensomhed blandt ældre", level=1)
    ).to_be_visible()
    axe(page, "a team, a member")
