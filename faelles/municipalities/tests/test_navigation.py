"""The main menu (navigation.main_nav_html): built once per key and worker, so a
page must never show another role's, language's, municipality's or page's menu."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _menus(page: str) -> list[str]:
    header = re.search(r'<ul class="faelles-nav-list[^"]*">(.*?)</ul>', page, re.S)
    drawer = re.search(r'<ul class="mainmenu">(.*?)</ul>', page, re.S)
    return [header.group(1), drawer.group(1)]


def _current(menu: str) -> list[str]:
    return re.findall(r'href="([^"]+)" aria-current="page"', menu)


def test_the_current_section_is_marked_in_both_menus(client, citizen):
    client.force_login(citizen)
    for url, current in [
        ("/odense/", "/odense/"),
        ("/odense/arrangementer/", "/odense/arrangementer/"),
        ("/odense/organisationer/", "/odense/organisationer/"),
        ("/odense/", "/odense/"),  # from the memo, not another page's menu
    ]:
        page = client.get(url).text
        for menu in _menus(page):
            assert _current(menu) == [current], (url, menu)


def test_only_administrators_see_administration(client, citizen, municipal_admin):
    settings_url = "/odense/administration/"
    for user, shown in [
        (municipal_admin, True),
        (citizen, False),
        (municipal_admin, True),
    ]:
        client.force_login(user)
        for menu in _menus(client.get("/odense/").text):
            assert (settings_url in menu) is shown


def test_staff_entries_and_their_counts_only_for_employees(client, citizen, employee):
    client.force_login(employee)
    header, drawer = _menus(client.get("/odense/").text)
    assert "/odense/arbejde/" in header
    assert 'hx-get="/odense/arbejde/' in header  # the header fetches the number
    assert 'id="nav-count-workplace"' in drawer  # the drawer has its place
    client.force_login(citizen)
    for menu in _menus(client.get("/odense/").text):
        assert "/odense/arbejde/" not in menu
        assert "nav-count-" not in menu and "hx-get" not in menu


def test_each_language_and_municipality_gets_its_own_menu(
    client, citizen, other_municipality
):
    client.force_login(citizen)
    assert "Arrangementer" in _menus(client.get("/odense/").text)[0]
    client.post(reverse("set_language"), {"language": "en", "next": "/odense/"})
    header = _menus(client.get("/odense/").text)[0]
    assert "Events" in header and "Arrangementer" not in header
    header = _menus(client.get("/faxe/").text)[0]
    assert "/faxe/arrangementer/" in header and "/odense/" not in header


def test_a_page_rendered_without_a_request_has_a_menu_and_no_user_links(
    municipality,
):
    from django.template.loader import render_to_string

    from faelles.municipalities import navigation

    items = [item for item in navigation._items if not item.roles]
    page = render_to_string(
        "404.html", {"municipality": municipality, "nav_items": items}
    )
    header = _menus(page)[0]
    assert "/odense/arrangementer/" in header
    assert "Administration" not in header
    assert "Log ud" not in page and "Log ind" not in page
