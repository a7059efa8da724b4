"""The language check in a real Chromium at phone and desktop width: paste a
letter, read the findings marked in the text and listed beside it, follow a
finding by keyboard, upload a file, keep the municipality's own words and read
the statistics — with axe-core on every page, and the check without JavaScript."""

import pytest
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.languagecheck import check
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.sprogtjek import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LETTER = (
    "Kære kunde\n\nDu er hermed bevilget hjemmehjælp. Vi leverer ydelser hver uge, "
    "og du kan altid kontakte Borgerservice.\n"
)


@pytest.fixture
def place():
    odense = MunicipalityFactory(
        slug="odense", name="Odense Kommune", programme_name="Sammen om udvikling"
    )
    department = DepartmentFactory(municipality=odense, name="Sundhed og Omsorg")
    employee = MembershipFactory(
        municipality=odense, is_employee=True, department=department
    ).user
    admin = MembershipFactory(
        municipality=odense, is_employee=True, is_administrator=True
    ).user
    return {
        "odense": odense,
        "department": department,
        "employee": employee,
        "admin": admin,
    }


def _no_sideways_scroll(page):
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth + 1"
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_check_a_letter_and_read_the_findings(page, axe, login, place, width):
    page.set_viewport_size({"width": width, "height": 900})
    login(place["employee"])
    page.goto(page.base_url + "/odense/")
    if width >= 992:  # an employee reaches it from the workspace in the menu
        page.get_by_role("link", name="Mit arbejde", exact=True).first.click()
        page.get_by_role("link", name="Sprogtjek").click()
    else:
        page.goto(page.base_url + "/odense/sprogtjek/")
    expect(page.get_by_text("Teksten gemmes ikke")).to_be_visible()
    axe(page, f"the empty check page at {width} px")
    page.get_by_label("Indsæt tekst").fill(LETTER)
    page.get_by_role("button", name="Tjek teksten").click()
    expected = check(LETTER).findings
    marks = page.locator(".sprogtjek-text mark")
    expect(marks).to_have_count(len(expected))
    for i, finding in enumerate(expected):
        expect(marks.nth(i)).to_contain_text(finding.text)
    items = page.locator(".sprogtjek-findings > li")
    expect(items).to_have_count(len(expected))
    expect(items.first).to_contain_text(expected[0].reason)
    _no_sideways_scroll(page)
    axe(page, f"the findings at {width} px")
    # A finding's number in the text leads to its explanation, and back.
    link = marks.first.get_by_role("link")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.base_url + "/odense/sprogtjek/#fund-1")
    page.get_by_role("link", name="Vis fund 1 i teksten").click()
    expect(page).to_have_url(page.base_url + "/odense/sprogtjek/#i-teksten-1")


def test_upload_a_file_and_a_bad_file(page, axe, login, place, tmp_path):
    login(place["employee"])
    page.goto(page.base_url + "/odense/sprogtjek/")
    bad = tmp_path / "brev.txt"
    bad.write_bytes("Kære kunde".encode("latin-1"))
    page.get_by_label("… eller vælg en fil").set_input_files(bad)
    page.get_by_role("button", name="Tjek teksten").click()
    expect(page.get_by_text("ikke gemt som UTF-8", exact=False).first).to_be_visible()
    axe(page, "a refused file")
    good = tmp_path / "brev2.txt"
    good.write_text(LETTER, encoding="utf-8")
    page.get_by_label("… eller vælg en fil").set_input_files(good)
    page.get_by_role("button", name="Tjek teksten").click()
    expect(page.get_by_role("heading", name="Teksten fra filen")).to_be_visible()
    expect(page.locator(".sprogtjek-text mark")).to_have_count(
        len(check(LETTER).findings)
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_own_words_and_statistics(page, axe, login, place, width):
    page.set_viewport_size({"width": width, "height": 900})
    for _ in range(6):
        services.check_record(
            municipality=place["odense"],
            department=place["department"],
            result=check(LETTER),
        )
    login(place["admin"])
    page.goto(page.base_url + "/odense/sprogtjek/ordliste/")
    axe(page, f"own words at {width} px")
    page.get_by_label("Ord, der skal markeres").check()
    page.get_by_label("Ord eller udtryk").fill("sagsbunke")
    page.get_by_label("Kommune 2.0 (servicevirksomhed)").check()
    page.locator("#id_reason").fill("Bag hver sag står et menneske.")
    page.locator("#id_suggestions").fill("forløb")
    page.get_by_role("button", name="Tilføj").click()
    expect(page.get_by_text("“sagsbunke” er tilføjet.")).to_be_visible()
    expect(page.get_by_role("cell", name="sagsbunke", exact=True)).to_be_visible()
    _no_sideways_scroll(page)
    axe(page, f"own words with an entry at {width} px")
    page.goto(page.base_url + "/odense/sprogtjek/statistik/")
    row = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="Sundhed og Omsorg")
    )
    expect(row.get_by_role("cell").last).to_have_text("6")
    expect(page.get_by_role("rowheader", name="kunde")).to_be_visible()
    _no_sideways_scroll(page)
    axe(page, f"statistics at {width} px")


def test_the_check_works_without_javascript(browser, live_server, place, password):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail").fill(place["employee"].email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").last.click()
    page.goto(live_server.url + "/odense/sprogtjek/")
    page.get_by_label("Indsæt tekst").fill(LETTER)
    page.get_by_role("button", name="Tjek teksten").click()
    expect(page.locator(".sprogtjek-findings > li")).to_have_count(
        len(check(LETTER).findings)
    )
    context.close()
