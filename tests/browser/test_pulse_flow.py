"""The pulse in a real Chromium on a phone and a desktop: an employee answers
from the workspace and says something without name; a leader reads the trend
and the units, and answers the concern in public — axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.pulse import services
from faelles.pulse.factories import RoundFactory
from faelles.pulse.instrument import ITEMS
from faelles.pulse.models import Concern, Receipt, Response, Round
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _staff(department, n, **roles):
    return [
        MembershipFactory(
            municipality=department.municipality,
            is_employee=True,
            department=department,
            **roles,
        ).user
        for _ in range(n)
    ]


@on_both_screens
def test_an_employee_answers_the_pulse_and_speaks_up(page, axe, login):
    odense = MunicipalityFactory(slug="odense", name="Odense Kommune")
    department = DepartmentFactory(municipality=odense, name="By og Kultur")
    employee = _staff(department, 1)[0]
    round_ = RoundFactory(municipality=odense, title="Pulsmåling december")
    login(employee)
    page.goto(f"{page.base_url}/odense/arbejde/")
    press(page.get_by_role("link", name="Pulsmåling december"))
    expect(page.get_by_role("heading", name="Pulsmåling december")).to_be_visible()
    expect(page.get_by_text("Dit svar er anonymt")).to_be_visible()
    axe(page, "the pulse form")
    for item in ITEMS:
        group = page.get_by_role("group", name=re.compile(re.escape(item.text)))
        group.get_by_label("I høj grad", exact=True).check()
    press(page.get_by_role("button", name="Send dit svar"))
    expect(page.get_by_text("Tak for dit svar.")).to_be_visible()
    expect(page.get_by_text("Du har svaret på denne pulsmåling. Tak.")).to_be_visible()
    assert Receipt.objects.filter(round=round_, user=employee).exists()
    assert Response.objects.get().answers["vt1"] == 4

    page.goto(f"{page.base_url}/odense/puls/sig-fra/")
    axe(page, "Sig fra")
    press(page.get_by_role("link", name="Sig fra uden navn"))
    page.get_by_label("Overskrift").fill("Vagtplanen kommer for sent")
    page.get_by_label("Hvad vil du sige fra over?").fill(
        "Vi får planen to dage før. Det gør det svært at hente børn."
    )
    axe(page, "the concern form")
    press(page.get_by_role("button", name="Send til ledelsen"))
    expect(page.get_by_text("sendt til ledelsen uden dit navn")).to_be_visible()
    assert Concern.objects.get().title == "Vagtplanen kommer for sent"


def _closed_rounds(odense, people_by_value):
    today = timezone.localdate()
    for n, value in enumerate((2, 3, 4)):
        round_ = RoundFactory(municipality=odense, title=f"Runde {n + 1}")
        for person in people_by_value:
            services.response_submit(
                round_=round_, user=person, answers={i.key: value for i in ITEMS}
            )
        Round.objects.filter(pk=round_.pk).update(
            opens_on=today - timedelta(days=100 - n * 30),
            closes_on=today - timedelta(days=90 - n * 30),
        )


@on_both_screens
def test_a_leader_reads_the_trend_and_answers_a_concern(page, axe, login):
    odense = MunicipalityFactory(slug="odense", name="Odense Kommune")
    department = DepartmentFactory(municipality=odense, name="Ældre og Handicap")
    nord = DepartmentFactory(
        municipality=odense, parent=department, name="Hjemmepleje Nord"
    )
    syd = DepartmentFactory(
        municipality=odense, parent=department, name="Hjemmepleje Syd"
    )
    leader = _staff(department, 1, is_leader=True)[0]
    _closed_rounds(odense, _staff(nord, 6) + _staff(syd, 3) + _staff(department, 4))
    concern = services.concern_raise(
        municipality=odense,
        user=_staff(nord, 1)[0],
        title="Tunge løft uden lift",
        body="På nogle adresser mangler der stadig lift.",
        department=department,
    )
    login(leader)
    page.goto(f"{page.base_url}/odense/puls/resultater/")
    expect(
        page.get_by_role("heading", name="Udviklingen for Hele kommunen")
    ).to_be_visible()
    expect(
        page.get_by_role("img", name="Udviklingen for Hele kommunen")
    ).to_be_visible()
    axe(page, "the pulse results")
    page.get_by_label("Udvikling for").select_option(label="Hjemmepleje Nord")
    press(page.get_by_role("button", name="Vis"))
    expect(
        page.get_by_role("heading", name="Udviklingen for Hjemmepleje Nord")
    ).to_be_visible()
    units = page.get_by_role("table", name="Runde 3")
    expect(
        units.get_by_role("row", name=re.compile("^Hjemmepleje Syd"))
    ).to_contain_text("–")
    axe(page, "one unit's trend")

    page.goto(f"{page.base_url}/odense/arbejde/")
    press(page.get_by_role("link", name="Tunge løft uden lift"))
    page.get_by_label("Ledelsens svar").fill(
        "Der kommer lift på alle adresser i januar."
    )
    axe(page, "a concern to answer")
    press(page.get_by_role("button", name="Offentliggør svaret"))
    expect(page.get_by_text("Svaret er offentliggjort.")).to_be_visible()
    concern.refresh_from_db()
    assert concern.answer == "Der kommer lift på alle adresser i januar."


@on_both_screens
def test_an_administrator_opens_and_closes_a_round(page, axe, login):
    odense = MunicipalityFactory(slug="odense", name="Odense Kommune")
    department = DepartmentFactory(municipality=odense, name="Borgerservice")
    admin = MembershipFactory(
        municipality=odense, is_employee=True, is_administrator=True
    ).user
    _staff(department, 2)
    today = timezone.localdate()
    login(admin)
    page.goto(f"{page.base_url}/odense/puls/")
    axe(page, "the pulse overview")
    press(page.get_by_role("link", name="Opret en pulsmåling"))
    page.get_by_label("Titel").fill("Pulsmåling januar")
    page.get_by_label("Åbner").fill(today.isoformat())
    page.get_by_label("Lukker").fill((today + timedelta(days=14)).isoformat())
    axe(page, "the round form")
    press(page.get_by_role("button", name="Opret pulsmålingen"))
    expect(
        page.get_by_text("Pulsmålingen Pulsmåling januar er oprettet.")
    ).to_be_visible()
    axe(page, "the overview with a round")
    press(page.get_by_role("button", name="Luk Pulsmåling januar nu"))
    expect(page.get_by_text("Pulsmålingen er lukket")).to_be_visible()
    round_ = Round.objects.get()
    assert round_.closed_on == today and round_.results is not None
