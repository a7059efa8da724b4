"""No link in the demo leads to an error page.

The demo is loaded and its pages are walked the way people click through them —
anonymously and as people in different roles — following every link on every
page reached. A link the person is offered must never end in a 403, a 404, a
405 or a 500: menus and pages offer only what the person may open. Anonymous
visitors may be sent to the login page; that is a redirect, not an error.
"""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"#]*)"')
# Not pages: files, feeds, downloads, Django admin and the language switch.
NOT_A_PAGE = re.compile(
    r"^/(static|media|admin|i18n)/|\.(ics|pdf|pb|csv|json|xml)$|/(feed|kalender)\b"
    r"|logout|webcal"
)
PAGES_PER_PERSON = 1500  # a safety stop; every walk ends by itself at 440-680
VARIANTS_PER_PATH = 4  # query-string variants (filters, pages) of one path


def _links(html: str, base: str) -> list[str]:
    found = []
    for href in HREF.findall(html):
        url = urljoin(base, href.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.scheme in ("mailto", "tel") or parts.netloc not in ("", "testserver"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith("/") and not NOT_A_PAGE.search(parts.path):
            found.append(path)
    return found


def _walk(client, start: str) -> tuple[int, list[tuple[int, str, str]]]:
    queue = deque([(start, "")])
    seen: set[str] = set()
    variants: dict[str, int] = {}
    errors = []
    visited = 0
    while queue and visited < PAGES_PER_PERSON:
        url, referrer = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        path = url.split("?")[0]
        if "?" in url:
            variants[path] = variants.get(path, 0) + 1
            if variants[path] > VARIANTS_PER_PATH:
                continue
        visited += 1
        response = client.get(url)
        if response.status_code in (301, 302, 303):
            queue.append((response["Location"], url))
            continue
        if response.status_code != 200:
            errors.append((response.status_code, url, referrer))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for link in _links(response.content.decode(), url):
            if link not in seen:
                queue.append((link, url))
    return visited, errors


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
        visited, errors = _walk(client, start)
        assert visited > 300, f"{email}: the walk should reach the whole demo"
        report += [
            f"{email or 'anonymous'}: {status} {url}  (linked from {referrer})"
            for status, url, referrer in errors
        ]
    assert report == [], "\n".join(report)
