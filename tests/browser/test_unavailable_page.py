"""The page people meet while the database is away (503, faelles/templates/503.html)."""

import pytest
from playwright.sync_api import expect

from faelles.core.views import database_unavailable
from tests.browser.screens import on_both_screens

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@on_both_screens
def test_database_unavailable_page_is_accessible(page, axe, live_server):
    answer = database_unavailable(None)
    page.route(
        f"{live_server.url}/odense/arrangementer/",
        lambda route: route.fulfill(
            status=503,
            body=answer.content,
            headers={"Retry-After": answer["Retry-After"]},
            content_type="text/html; charset=utf-8",
        ),
    )
    response = page.goto(live_server.url + "/odense/arrangementer/")
    assert response.status == 503
    expect(page.get_by_role("heading", name="Fælles er væk et øjeblik")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Fælles is away for a moment")
    ).to_be_visible()
    axe(page, "503")
