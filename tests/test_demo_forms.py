"""Every form in the demo, filled with hostile values, answers without a server error.

The demo is walked as a citizen, an employee and an administrator; every form
they are offered (search filters, sign-ups, proposals, settings …) is submitted
with values people and scripts really send: empty, far too long, negative,
beyond 64 bits, digits that are not ASCII, a NUL character, markup, impossible
dates. Each must get a page or a clear form error — never a 500 — on SQLite and
on PostgreSQL (which, unlike SQLite, refuses NUL in text).
"""

import re

import pytest
from django.core.management import call_command

from tests.demo_walk import forms, walk

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "x" * 6000,
    "-1",
    "0",
    "99999999999999999999",
    "-99999999999999999999",
    "²",
    "١٢",
    "a\x00b",
    "<script>alert(1)</script>",
    "2026-13-45",
    "1e400",
    "NaN",
]
PEOPLE = [
    ("borger@rodovre.faelles.example", "/rodovre/"),
    ("medarbejder@odense.faelles.example", "/odense/"),
    ("admin@rodovre.faelles.example", "/rodovre/"),
]
# Forms that end something for good are left alone, so the walk keeps its pages.
DESTRUCTIVE = re.compile(r"logout|slet|delete|luk|close|aflys|cancel|forlad|leave")


def test_no_form_in_the_demo_fails_on_hostile_input(client):
    call_command("demo", "--no-migrate", verbosity=0)
    client.raise_request_exception = False
    failures = []
    for email, start in PEOPLE:
        client.logout()
        assert client.login(email=email, password="faelles-demo")
        found: dict[tuple[str, str], tuple[str, str, dict, str]] = {}

        def collect(url, html, found=found):
            for method, action, fields in forms(html, url):
                key = (method, re.sub(r"\d+", "N", action.split("?")[0]))
                if key not in found and not DESTRUCTIVE.search(action):
                    found[key] = (method, action, fields, url)

        # Forms are told apart by their address pattern, so four pages of each
        # kind show every form the walk would find on all of them.
        walk(client, start, on_page=collect, per_pattern=4)
        assert len(found) > 20, f"{email}: the walk should find the demo's forms"
        for method, action, fields, page in found.values():
            for value in HOSTILE:
                data = {
                    name: default if name == "csrfmiddlewaretoken" else value
                    for name, default in fields.items()
                }
                send = client.post if method == "post" else client.get
                status = send(action, data).status_code
                if status >= 500:
                    failures.append(
                        f"{email}: {status} {method.upper()} {action} with "
                        f"{value[:12]!r} (form on {page})"
                    )
    assert failures == [], "\n".join(failures)
