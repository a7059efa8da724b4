"""axe-core on every kind of page of the demo, in every demo municipality's colours.

The area tests check each page with factory data in one colour scheme. Here the
demo is walked as an administrator; every distinct page (one per URL pattern, so a
list and a detail each count once) is opened in Chromium and checked for WCAG 2.1
A/AA — every kind once: all of Rødovre's (which has the participatory budgets), then
those of Kerteminde's that Rødovre does not have; and in every municipality the
pages that show its accent colour.
Municipalities choose their own accent colour, so a style that passes in one may
fail in another (it did: links on the accent-coloured tags).
"""

import pytest
from django.core.management import call_command
from django.urls import resolve

from tests.demo_walk import walk

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.one_pass("sqlite"),  # a desktop test, to even out the passes
]

EVERY_PAGE = ["rodovre", "kerteminde"]  # in this order: each kind of page once
ACCENT_PAGES = ["", "initiativer/", "initiativer/laeringsbank/", "administration/"]
ADMINS = {
    "rodovre": "admin@rodovre.faelles.example",
    "kerteminde": "admin@kerteminde.faelles.example",
    "odense": "admin@odense.faelles.example",
    "faxe": "admin@faxe.faelles.example",
    "skanderborg": "admin@skanderborg.faelles.example",
}


def _distinct_pages(client, slug: str) -> dict[str, str]:
    """One URL per route of the municipality's own pages, as its admin meets them."""
    found: dict[str, str] = {}

    def keep(url: str, html: str) -> None:
        found.setdefault(resolve(url.split("?")[0]).route, url)

    # Twelve pages of each address pattern, as the link walk: every kind of page
    # (tests/test_demo_walks.py), without rendering all 1,500.
    walk(client, f"/{slug}/", on_page=keep, within=f"/{slug}/", per_pattern=12)
    return found


def test_every_kind_of_demo_page_passes_axe(client, page, axe):
    call_command("demo", "--no-migrate", verbosity=0)
    failures, checked = [], 0
    routes_checked: set[str] = set()
    for slug, email in ADMINS.items():
        client.logout()
        assert client.login(email=email, password="faelles-demo")
        urls = [f"/{slug}/{path}" for path in ACCENT_PAGES]
        if slug in EVERY_PAGE:
            pages = _distinct_pages(client, slug)
            urls += [
                url
                for route, url in pages.items()
                if route not in routes_checked and url not in urls
            ]
            routes_checked |= set(pages)
        if slug == "kerteminde":  # the global pages once: front page, own pages
            urls += ["/", "/me/", "/me/rediger/", "/me/beskeder/", "/om/privatliv/"]
        page.goto("about:blank")
        page.context.clear_cookies()
        page.context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": page.base_url,
                }
            ]
        )
        for url in urls:
            page.goto(page.base_url + url)
            checked += 1
            try:
                axe(page, f"{email}: {url}")
            except AssertionError as error:
                failures.append(str(error))
    assert len(routes_checked) > 100 and checked > 130
    assert failures == [], "\n\n".join(failures)
