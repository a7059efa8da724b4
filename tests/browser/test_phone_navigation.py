"""The main menu on a phone (390 px) and a small tablet (900 px): DKFDS' menu button
opens a drawer with every main section, the language switch, log-in and "Mine sider";
without JavaScript the plain menu stays on the page instead."""

import re

import pytest
from django.core.management import call_command

from faelles.municipalities.models import Municipality

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 900, "height": 1000}
DESKTOP = {"width": 1280, "height": 900}


def _drawer_links(page) -> list[tuple[str, str]]:
    drawer = page.locator(".mobile-drawer nav")
    return [
        (a.inner_text().strip(), a.get_attribute("href"))
        for a in drawer.get_by_role("link").all()
    ]


def _open_menu(page):
    page.get_by_role("button", name="Menu").click()
    drawer = page.get_by_role("dialog", name="Menu")
    drawer.wait_for(state="visible")
    return drawer


def test_every_main_section_is_reachable_by_tapping_on_a_phone(page, axe):
    call_command("demo", "--no-migrate", verbosity=0)
    page.set_viewport_size(PHONE)
    slugs = list(Municipality.objects.order_by("slug").values_list("slug", flat=True))
    assert len(slugs) == 5
    for slug in slugs:
        page.goto(f"{page.base_url}/{slug}/")
        # The desktop menu is hidden on a phone; the menu button is there instead.
        assert not page.locator("nav.faelles-nav").is_visible()
        drawer = _open_menu(page)
        axe(page, f"/{slug}/ with the menu open")
        links = _drawer_links(page)
        labels = [label for label, _ in links]
        for expected in ("Forside", "Ressourcer og behov", "Initiativer"):
            assert expected in labels, (slug, labels)
        assert "Borgerbudget" in labels and "Bevægelser" in labels, labels
        # Tap through every section in Rødovre (the menu is one template); in the
        # others tap the participatory budget, which a phone could not reach before.
        taps = (
            links
            if slug == "rodovre"
            else [(label, href) for label, href in links if label == "Borgerbudget"]
        )
        for label, href in taps:
            page.goto(f"{page.base_url}/{slug}/")
            drawer = _open_menu(page)
            drawer.get_by_role("link", name=label, exact=True).click()
            page.wait_for_load_state()
            assert page.url.endswith(href), (slug, label, page.url)
            assert page.locator("h1").first.is_visible()
        # The person's own links live in the drawer too.
        page.goto(f"{page.base_url}/{slug}/")
        drawer = _open_menu(page)
        assert drawer.get_by_role("link", name="Log ind").is_visible()
        drawer.get_by_role("button", name="Luk menuen").click()
        assert not page.get_by_role("dialog", name="Menu").is_visible()
    # The same demo, for the layout (one demo load per test is the slow part).
    _no_page_is_wider_than_a_phone(page)


def test_language_switch_login_and_my_pages_from_the_phone_menu(page, citizen, login):
    page.set_viewport_size(PHONE)
    slug = citizen.memberships.get().municipality.slug
    page.goto(f"{page.base_url}/{slug}/")
    _open_menu(page).get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    drawer = _open_menu(page)
    drawer.get_by_role("button", name="Dansk").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "da"
    _open_menu(page).get_by_role("link", name="Log ind").click()
    page.wait_for_load_state()
    assert "/accounts/login/" in page.url
    login(citizen)
    page.goto(f"{page.base_url}/{slug}/")
    drawer = _open_menu(page)
    drawer.get_by_role("link", name=re.compile("^Mine sider")).click()
    page.wait_for_load_state()
    assert page.url.endswith("/me/")
    drawer = _open_menu(page)
    assert drawer.get_by_role("link", name="Beskeder").is_visible()
    drawer.get_by_role("button", name="Log ud").click()
    page.wait_for_load_state()
    assert _open_menu(page).get_by_role("link", name="Log ind").is_visible()


def test_tablet_uses_the_drawer_and_desktop_the_menu_bar(page, municipality):
    page.set_viewport_size(TABLET)
    page.goto(f"{page.base_url}/{municipality.slug}/")
    assert page.get_by_role("button", name="Menu").is_visible()
    assert not page.locator("nav.faelles-nav").is_visible()
    _open_menu(page)
    page.set_viewport_size(DESKTOP)
    page.goto(f"{page.base_url}/{municipality.slug}/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    nav = page.locator("nav.faelles-nav")
    assert nav.is_visible()
    assert nav.get_by_role("link", name="Initiativer").is_visible()
    assert (
        page.locator(".faelles-portal").get_by_role("link", name="Log ind").is_visible()
    )


def test_without_javascript_the_plain_menu_stays_on_a_phone(
    browser, live_server, municipality
):
    context = browser.new_context(
        java_script_enabled=False, viewport=PHONE, locale="da-DK"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/{municipality.slug}/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    nav = page.locator("nav.faelles-nav")
    assert nav.is_visible()
    assert nav.get_by_role("link", name="Initiativer").is_visible()
    assert (
        page.locator(".faelles-portal").get_by_role("link", name="Log ind").is_visible()
    )
    context.close()


def _no_page_is_wider_than_a_phone(page):
    """Wide tables scroll in their own box; nothing widens the page past 390 px."""
    from faelles.budgeting.models import BudgetRound, Phase

    page.set_viewport_size(PHONE)
    finished = BudgetRound.objects.filter(
        municipality__slug="rodovre", phase__in=[Phase.RESULTS, Phase.IMPLEMENTATION]
    ).first()
    assert finished is not None
    paths = [
        "/rodovre/",
        "/rodovre/borgerbudget/",
        f"/rodovre/borgerbudget/{finished.pk}/",
        f"/rodovre/borgerbudget/{finished.pk}/resultat/",
        "/kerteminde/initiativer/",
        "/kerteminde/ressourcer/",
        "/kerteminde/faellesskaber/",
        "/kerteminde/arrangementer/",
        "/kerteminde/bevaegelser/",
        "/skanderborg/initiativer/laeringsbank/",
    ]
    too_wide = []

    def check(paths):
        for path in paths:
            response = page.goto(page.base_url + path)
            assert response.status == 200, (path, response.status)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide.append((path, width))

    check(paths)
    # The administrator's pages, with the demo's long log (its audit log was
    # 424 px wide: a long name in a table cell).
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("E-mail").fill("admin@odense.faelles.example")
    page.get_by_label("Adgangskode").fill("faelles-demo")
    with page.expect_navigation():
        page.get_by_role("button", name="Log ind").last.click()
    check(
        [
            "/odense/administration/",
            "/odense/administration/personer/",
            "/odense/administration/afdelinger/",
            "/odense/administration/log/",
            "/odense/initiativer/uden-svar/",
            "/odense/ressourcer/formidling/",
        ]
    )
    assert too_wide == []
