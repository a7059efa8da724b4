"""The demo, loaded once and walked: it loads (twice, the same) with every role in
five municipalities; no link in it leads to an error page; no form in it fails on
hostile input.

**Links.** The demo's pages are walked the way people click through them —
anonymously and as people in different roles — following every link on every
page reached. A link the person is offered must never end in a 403, a 404, a
405 or a 500: menus and pages offer only what the person may open. Anonymous
visitors may be sent to the login page; that is a redirect, not an error.

**Forms.** The demo is walked as a citizen, an employee and an administrator;
every form they are offered (search filters, sign-ups, proposals, settings …) is
submitted with values people and scripts really send: empty, far too long,
negative, beyond 64 bits, digits that are not ASCII, a NUL character, markup,
impossible dates. Each must get a page or a clear form error — never a 500 — on
SQLite and on PostgreSQL (which, unlike SQLite, refuses NUL in text). Under
`make test` the load (and the second load) and the links are checked in the SQLite
pass, the forms in the PostgreSQL pass (conftest.py, "Long tests once per `make
test`"); `make test-sqlite` and `make test-postgres` alone run all three.

Loading the demo takes most of a minute, so this module loads it once, committed,
for all its tests (each still runs in a transaction that is rolled back), and
empties the database when it is done.
"""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from faelles.accounts.models import Membership
from faelles.municipalities.models import Municipality
from faelles.organisations.models import Organisation
from faelles.resources import matches
from tests.demo_walk import forms, walk

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, committed once for the module; what the command printed."""
    out = io.StringIO()
    with django_db_blocker.unblock():
        call_command("demo", "--no-migrate", stdout=out)
    yield out.getvalue()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
    cache.clear()
    matches.clear_cache()


@pytest.mark.one_pass("sqlite")
def test_demo_loads_five_municipalities_with_every_role(demo, client):
    out = demo
    call_command("demo", "--no-migrate", stdout=io.StringIO())  # idempotent
    slugs = set(Municipality.objects.values_list("slug", flat=True))
    assert {"kerteminde", "odense", "faxe", "skanderborg", "rodovre"} <= slugs
    for slug in ["kerteminde", "odense", "faxe", "skanderborg", "rodovre"]:
        members = Membership.objects.filter(municipality__slug=slug)
        for role in ["citizen", "employee", "politician", "moderator", "administrator"]:
            assert members.filter(**{f"is_{role}": True}).exists(), (slug, role)
        orgs = Organisation.objects.filter(municipality__slug=slug)
        assert orgs.filter(kind="department").exists()
        assert orgs.filter(kind="association").exists()
        assert orgs.filter(kind="business").exists()
        # The apps' demos share their units: no department twice under one
        # parent (leadership's and the pulse's libraries were two).
        named = list(orgs.filter(kind="department").values_list("parent_id", "name"))
        assert len(named) == len(set(named)), (slug, sorted(named))
    odense = Municipality.objects.get(slug="odense")
    assert [p.title for p in odense.principles.all()] == [
        "Mod",
        "Udvikling",
        "Handlekraft",
        "Fællesskab",
    ]
    rodovre = Municipality.objects.get(slug="rodovre")
    assert rodovre.programme_name == "Sammen om Rødovre"
    _assert_strategies(odense)
    assert "borger@odense.faelles.example" in out and "faelles-demo" in out
    assert client.login(email="admin@rodovre.faelles.example", password="faelles-demo")


@pytest.mark.one_pass("sqlite")
def test_no_link_in_the_demo_leads_to_an_error(demo, client):
    """One demo, walked by ten people in turn."""
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
FORM_PEOPLE = [
    ("borger@rodovre.faelles.example", "/rodovre/"),
    ("medarbejder@odense.faelles.example", "/odense/"),
    ("admin@rodovre.faelles.example", "/rodovre/"),
]
# Forms that end something for good are left alone, so the walk keeps its pages.
DESTRUCTIVE = re.compile(r"logout|slet|delete|luk|close|aflys|cancel|forlad|leave")


@pytest.mark.one_pass("postgres")  # the database that refuses NUL and huge numbers
def test_no_form_in_the_demo_fails_on_hostile_input(demo, client):
    client.raise_request_exception = False
    failures = []
    for email, start in FORM_PEOPLE:
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


def _assert_strategies(odense):
    """Skanderborg's nine themes and Rødovre's indsatsområder, with the demo's
    initiatives, communities and budget projects filed under their own themes."""
    from faelles.budgeting.models import Project
    from faelles.communities.models import Community
    from faelles.initiatives.models import InitiativeTheme
    from faelles.municipalities.models import Theme
    from faelles.municipalities.themes import DEFAULT_THEMES

    skanderborg = Theme.objects.filter(municipality__slug="skanderborg")
    assert skanderborg.count() == 9
    assert skanderborg.order_by("position").first().name == "Fællesskaber der bærer"
    assert all(t.name_en for t in skanderborg)
    rodovre = Theme.objects.filter(municipality__slug="rodovre").order_by("position")
    assert [t.name for t in rodovre[:2]] == ["Sammen med borgeren", "En ung strategi"]
    assert rodovre[1].focus_areas.filter(name="Unges trivsel").exists()
    assert sorted(odense.themes.values_list("key", flat=True)) == sorted(
        spec.key for spec in DEFAULT_THEMES
    )
    for slug in ("skanderborg", "rodovre"):
        own = set(
            Theme.objects.filter(municipality__slug=slug).values_list("pk", flat=True)
        )
        filed = [
            set(
                InitiativeTheme.objects.filter(municipality__slug=slug).values_list(
                    "theme_id", flat=True
                )
            ),
            set(
                Community.objects.filter(municipality__slug=slug).values_list(
                    "theme_id", flat=True
                )
            ),
            set(
                Project.objects.filter(municipality__slug=slug)
                .exclude(theme=None)
                .values_list("theme_id", flat=True)
            ),
        ]
        assert filed[0] and filed[1], slug
        for ids in filed:
            assert ids <= own, slug
    young = Theme.objects.get(municipality__slug="rodovre", key="en-ung-strategi")
    assert InitiativeTheme.objects.filter(theme=young).exists()
