"""The resource filters and the need form on a phone (390 px, touch) and a desktop
(1280 px): the filters fold away and open by tapping, time slots are a week grid
of checkboxes, categories are checkboxes (no Ctrl key), nothing is wider than the
screen, the need form submits with the grid, and axe finds nothing."""

import re

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.resources import matches
from faelles.resources.factories import ListingFactory
from faelles.resources.models import Listing, mask_to_slots, slots_to_mask
from tests.browser.screens import on_both_screens, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/odense/ressourcer"


@pytest.fixture(autouse=True)
def _fresh_match_cache():
    matches.clear_cache()
    yield
    matches.clear_cache()


@pytest.fixture
def odense():
    return MunicipalityFactory(slug="odense", name="Odense Kommune")


def _fits(page):
    wide = page.evaluate("document.documentElement.scrollWidth")
    width = page.viewport_size["width"]
    assert wide <= width, f"page is {wide} px wide on a {width} px screen"


@on_both_screens
def test_filters_fold_and_filter_by_tapping(page, axe, odense):
    owner = MembershipFactory(municipality=odense).user
    ListingFactory(
        municipality=odense,
        owner=owner,
        title="Kaffe tirsdag eftermiddag",
        availability=slots_to_mask(["tue-afternoon"]),
    )
    ListingFactory(
        municipality=odense,
        owner=owner,
        title="Gåtur lørdag formiddag",
        availability=slots_to_mask(["sat-morning"]),
    )
    page.goto(page.base_url + f"{BASE}/")
    axe(page, "list, filters folded")
    _fits(page)
    grid = page.locator("table.res-slots")
    assert not grid.is_visible()  # folded: the list starts near the top
    press(page.locator("summary", has_text="Flere filtre"), navigates=False)
    assert grid.is_visible()
    axe(page, "list, filters open")
    _fits(page)
    # Every select shows its whole chosen text (none is cut off).
    for select in page.locator(".res-filter-grid select").all():
        assert select.evaluate(
            "s => { const c = document.createElement('canvas').getContext('2d');"
            " c.font = getComputedStyle(s).font;"
            " return c.measureText(s.options[s.selectedIndex].text).width"
            " < s.clientWidth - 24; }"
        ), select.get_attribute("name")
    # No Ctrl-multi-select anywhere in the filters.
    assert page.locator(".res-filters select[multiple]").count() == 0
    press(page.get_by_label("Tirsdag eftermiddag"), navigates=False)
    assert page.get_by_label("Tirsdag eftermiddag").is_checked()
    press(page.get_by_role("button", name="Brug filtrene"), navigates=False)
    page.wait_for_url(re.compile(r"slots=tue-afternoon"))
    results = page.locator("#results").inner_text()
    assert "Kaffe tirsdag eftermiddag" in results
    assert "Gåtur lørdag formiddag" not in results
    # Reloaded with the filter in use, the filters stay open and checked.
    page.reload()
    assert page.locator("details.res-more").get_attribute("open") is not None
    assert page.get_by_label("Tirsdag eftermiddag").is_checked()
    axe(page, "list, filtered by a slot")


@on_both_screens
def test_need_form_submits_with_the_grid(page, axe, password, odense):
    citizen = MembershipFactory(municipality=odense).user
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("E-mail").fill(citizen.email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").last.click()
    page.wait_for_load_state()
    page.goto(page.base_url + f"{BASE}/opret/behov/")
    axe(page, "need form")
    _fits(page)
    form = page.locator("main form")
    assert form.locator("select[multiple]").count() == 0
    assert "Ctrl" not in form.inner_text()
    # The week is one table with a header per day and per part of the day.
    grid = page.locator("table.res-slots")
    assert grid.locator("tbody th[scope=row]").count() == 7
    assert grid.locator("thead th[scope=col]").count() == 3
    assert grid.locator("input[type=checkbox]").count() == 21
    page.get_by_label("Slags").select_option(label="Tid og hænder")
    page.get_by_label(re.compile("^Overskrift")).fill("Følgeskab til lægen")
    page.get_by_label(re.compile("^Beskrivelse")).fill(
        "Min mor skal til lægen og vil gerne have følgeskab på bussen."
    )
    press(page.get_by_label("Tirsdag formiddag"), navigates=False)
    press(page.get_by_label("Torsdag aften"), navigates=False)
    # Categories are checkboxes folded in a <details>: open it by tapping.
    press(page.locator("summary", has_text="Vælg kategorier"), navigates=False)
    press(page.get_by_label("Ældre", exact=True), navigates=False)
    press(page.get_by_role("button", name="Opret"))
    page.wait_for_url(re.compile(rf"{BASE}/\d+/$"))
    need = Listing.objects.get(owner=citizen)
    assert mask_to_slots(need.availability) == ["tue-morning", "thu-evening"]
    assert need.categories == ["elderly"]
    axe(page, "need saved")
    # Editing shows the same slots checked, and the folded categories open.
    page.goto(page.base_url + f"{BASE}/{need.pk}/rediger/")
    assert page.get_by_label("Tirsdag formiddag").is_checked()
    assert page.get_by_label("Torsdag aften").is_checked()
    assert not page.get_by_label("Mandag formiddag").is_checked()
    assert page.get_by_label("Ældre", exact=True).is_visible()
    axe(page, "edit form")
