"""No link in the demo leads to an error page.

The demo is loaded and its pages are walked the way people click through them —
anonymously and as people in different roles — following every link on every
page reached. A link the person is offered must never end in a 403, a 404, a
405 or a 500: menus and pages offer only what the person may open. Anonymous
visitors may be sent to the login page; that is a redirect, not an error.
"""

import pytest
from django.core.management import call_command

from tests.demo_walk import walk

pytestmark = pytest.mark.django_db

PEOPLE = [
    (None, "/", "da"),
    ("borger@rodovre.faelles.example", "/rodovre/", "da"),
    ("medarbejder@odense.faelles.example", "/odense/", "da"),
    ("admin@kerteminde.faelles.example", "/kerteminde/", "da"),
    ("forening@faxe.faelles.example", "/faxe/", "en"),
    ("politiker@skanderborg.faelles.example", "/skanderborg/", "da"),
    ("medarbejder@rodovre.faelles.example", "/rodovre/", "da"),
    ("moderator@faxe.faelles.example", "/faxe/", "da"),
    ("virksomhed@odense.faelles.example", "/odense/", "en"),
    ("admin@rodovre.faelles.example", "/rodovre/", "da"),
]


def test_no_link_in_the_demo_leads_to_an_error(client):
    """One demo, walked by ten people in turn (loading it once keeps this quick)."""
    call_command("demo", "--no-migrate", verbosity=0)
    report = []
    for email, start, language in PEOPLE:
        client.logout()
        client.cookies.clear()
        client.cookies["faelles_language"] = language
        if email:
            assert client.login(email=email, password="faelles-demo")
        # Up to twelve pages of each address pattern (ids as N): every kind of
        # page and most objects of each kind, without rendering all 1,500.
        visited, errors = walk(client, start, per_pattern=12)
        assert visited > 300, f"{email}: the walk should reach the whole demo"
        report += [
            f"{email or 'anonymous'}: {status} {url}  (linked from {referrer})"
            for status, url, referrer in errors
        ]
    assert report == [], "\n".join(report)
