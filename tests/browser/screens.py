"""A phone and a desktop for the browser tests.

Every role's main task runs on both screens: a phone (390 px wide, a touch screen,
the main menu in DKFDS' drawer behind the menu button) and a desktop (1280 px, the
menu bar). Parametrize a test with ``@on_both_screens``; the ``page`` fixture then
opens the screen, and ``axe(page)`` also checks that nothing on a phone is wider
than the screen. ``press`` taps on the phone and clicks on the desktop;
``open_section`` and ``open_own_link`` go where a person would: through the menu
button and drawer on the phone, the menu bar and the header on the desktop.
"""

import pytest

VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 720}, "has_touch": False},
}

on_both_screens = pytest.mark.parametrize("viewport", list(VIEWPORTS))


def is_phone(page) -> bool:
    return getattr(page, "screen", "desktop") == "phone"


def press(locator, *, navigates: bool = True) -> None:
    """Tap on a touch screen, click with a mouse.

    A click waits for the page it opens; a tap does not (the browser makes the
    click from the touch later), so on a phone wait for the navigation — unless
    ``navigates=False`` (a disclosure, a change swapped in by htmx)."""
    page = locator.page
    if not is_phone(page):
        locator.click()
    elif navigates:
        with page.expect_navigation():
            locator.tap()
    else:
        locator.tap()


def _drawer(page):
    page.get_by_role("button", name="Menu").tap()
    drawer = page.get_by_role("dialog", name="Menu")
    drawer.wait_for(state="visible")
    return drawer


def open_section(page, name: str) -> None:
    """Go to a main section (``Initiativer``, ``Administration`` …) by the menu."""
    if is_phone(page):
        link = _drawer(page).get_by_role("link", name=name, exact=True)
    else:
        link = page.locator("nav.faelles-nav").get_by_role(
            "link", name=name, exact=True
        )
    press(link)


def open_own_link(page, name: str) -> None:
    """Follow one of the person's own links (``Mine sider``, ``Beskeder``)."""
    if is_phone(page):
        link = _drawer(page).get_by_role("link", name=name)
    else:
        link = page.locator(".faelles-portal").get_by_role("link", name=name)
    press(link.first)
