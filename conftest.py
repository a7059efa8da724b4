"""Shared fixtures: municipalities, people in every role, and a real browser.

Browser tests use Debian's Chromium through Playwright (never a downloaded
browser) and check every page with axe-core from node_modules.
"""

import os
from pathlib import Path

import pytest

from faelles.accounts.factories import PASSWORD, MembershipFactory, UserFactory
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from tests.browser.screens import VIEWPORTS

ROOT = Path(__file__).resolve().parent
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API runs a loop


def shared_data_dir() -> Path | None:
    """``../shared/data`` beside the checkout, or FAELLES_SHARED_DATA."""
    candidate = Path(
        os.environ.get("FAELLES_SHARED_DATA", ROOT.parent / "shared" / "data")
    )
    return candidate if candidate.is_dir() else None


@pytest.fixture
def shared_data() -> Path:
    path = shared_data_dir()
    if path is None:
        if os.environ.get("FAELLES_REQUIRE_SHARED_DATA") == "1":
            pytest.fail("FAELLES_REQUIRE_SHARED_DATA=1 but ../shared/data is missing")
        pytest.skip("real data in ../shared/data is not available in this checkout")
    return path


@pytest.fixture(autouse=True)
def _danish_after_each_test():
    """A request in English leaves the thread in English; start every test in Danish."""
    yield
    from django.utils import translation

    translation.activate("da")


@pytest.fixture
def fresh_cache():
    """An empty shared cache before and after the test (login rate limits and
    cached pages of other tests do not leak in or out)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(
        slug="odense", name="Odense Kommune", programme_name="Sammen om udvikling"
    )


@pytest.fixture
def other_municipality(db):
    return MunicipalityFactory(
        slug="faxe", name="Faxe Kommune", programme_name="Faxe i Fællesskab"
    )


def _member(municipality, **roles):
    return MembershipFactory(municipality=municipality, **roles).user


@pytest.fixture
def citizen(municipality):
    return _member(municipality)


@pytest.fixture
def employee(municipality):
    department = DepartmentFactory(municipality=municipality)
    return _member(
        municipality,
        is_employee=True,
        department=department,
        job_title="Fællesskabskonsulent",
    )


@pytest.fixture
def leader(employee):
    """The employee's leader: leads the employee's department (and its units)."""
    membership = employee.memberships.get()
    return _member(
        membership.municipality,
        is_employee=True,
        is_leader=True,
        department=membership.department,
        job_title="Afdelingsleder",
    )


@pytest.fixture
def politician(municipality):
    return _member(municipality, is_politician=True, party="Radikale Venstre")


@pytest.fixture
def moderator(municipality):
    return _member(municipality, is_moderator=True)


@pytest.fixture
def municipal_admin(municipality):
    return _member(municipality, is_employee=True, is_administrator=True)


@pytest.fixture
def outsider(db):
    """Logged in, but a member of no municipality."""
    return UserFactory()


@pytest.fixture
def other_admin(other_municipality):
    return _member(other_municipality, is_employee=True, is_administrator=True)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def oidc_provider(settings):
    """A local OpenID Connect provider (standing in for MitID), with Fælles'
    login pointed at it (faelles/accounts/tests/oidc_provider.py)."""
    from faelles.accounts.tests.oidc_provider import configure, running_provider

    with running_provider() as provider:
        configure(settings, provider)
        yield provider


# --- migrations -----------------------------------------------------------------


@pytest.fixture
def scratch_database(db):
    """A second, empty database of the pass's engine, standing in as the default
    database for the test (the ORM and ``django.db.connection`` use it).

    A data migration's test migrates it from nothing to only what those
    migrations need, instead of taking the whole test database back and forth
    (minutes on every pass). The test database is not touched.
    """
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.backends.base.base import BaseDatabaseWrapper

    test_db = connections[DEFAULT_DB_ALIAS]
    sqlite = test_db.vendor == "sqlite"
    if sqlite:
        name = "file:scratch?mode=memory&cache=shared"
    else:
        name = f"{test_db.settings_dict['NAME']}_scratch"
        with test_db._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    # Not a new alias: the test case allows the default database only.
    scratch = type(test_db)({**test_db.settings_dict, "NAME": name}, DEFAULT_DB_ALIAS)
    scratch.ensure_connection()
    connections[DEFAULT_DB_ALIAS] = scratch
    try:
        yield scratch
    finally:
        connections[DEFAULT_DB_ALIAS] = test_db
        # Closed for real: Django keeps an in-memory SQLite database open.
        BaseDatabaseWrapper.close(scratch)
        if not sqlite:
            with test_db._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE "{name}"')


# --- browser ------------------------------------------------------------------

CHROMIUM = os.environ.get("FAELLES_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE_WIDTH_LIMIT = 600  # below this the axe fixture also checks for sideways scroll
# The outermost elements that reach past the right edge of the screen, for the
# message when a page scrolls sideways.
TOO_WIDE_JS = """() => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= window.innerWidth + 1 || box.width === 0) continue;
    if (out.some(o => o.el.contains(el))) continue;
    let clipped = false;
    // An absolutely placed box is clipped by its containing block's ancestors only.
    let up = getComputedStyle(el).position === 'absolute'
      ? el.offsetParent : el.parentElement;
    for (; up && up !== document.body && !clipped; up = up.parentElement)
      clipped = getComputedStyle(up).overflowX !== 'visible';
    if (clipped) continue;
    out.push({el, box});
  }
  return out.slice(0, 5).map(({el, box}) => el.tagName.toLowerCase()
    + (el.className && typeof el.className === 'string'
       ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
    + ` (${Math.round(box.left)}–${Math.round(box.right)} px)`);
}"""


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


# The screens the ``page`` fixture can open (tests/browser/screens.py): a test
# parametrized with ``viewport`` runs on a phone and a desktop; unparametrized, the
# page is a desktop.
@pytest.fixture
def viewport() -> str:
    """The screen the ``page`` fixture opens; parametrize it to change it."""
    return "desktop"


@pytest.fixture
def page(browser, live_server, settings, viewport):
    # Links the site builds for outside use (calendar feeds, mail) point at the
    # server the browser talks to, as FAELLES_SITE_URL does in production.
    settings.FAELLES_SITE_URL = live_server.url
    # bypass_csp lets us inject axe-core into pages that forbid inline scripts.
    context = browser.new_context(
        bypass_csp=True, locale="da-DK", **VIEWPORTS[viewport]
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    page.screen = viewport
    yield page
    context.close()


@pytest.fixture
def axe():
    """``axe(page)`` asserts that axe-core finds no WCAG 2.1 A/AA violation."""
    source = AXE_JS.read_text()

    def check(page, context: str = ""):
        from playwright.sync_api import Error as PlaywrightError

        # A click that navigates returns before the new page has loaded; if the
        # navigation lands while axe is injected or running, its context is gone:
        # wait for the new page and check that one.
        for attempt in range(3):
            page.wait_for_load_state()
            try:
                page.add_script_tag(content=source)
                result = page.evaluate(
                    """async () => await axe.run(document, {runOnly: {type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                        resultTypes: ['violations']})"""
                )
                break
            except PlaywrightError as error:
                if (
                    attempt == 2
                    or "navigat" not in str(error).lower()
                    and ("context was destroyed" not in str(error))
                ):
                    raise
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(
                n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                for n in v["nodes"][:5]
            )
            for v in result["violations"]
        ]
        assert not violations, f"axe on {context or page.url}:\n" + "\n".join(
            violations
        )
        # On a phone nothing may make the page wider than the screen (a wide table
        # scrolls in its own box): sideways scrolling of the whole page is a bug.
        width = page.viewport_size["width"] if page.viewport_size else None
        if width is not None and width < PHONE_WIDTH_LIMIT:
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert scroll <= inner, (
                f"{context or page.url} is {scroll} px wide on a {inner} px screen; "
                f"too wide: {page.evaluate(TOO_WIDE_JS)}"
            )

    return check


@pytest.fixture
def login(page, password):
    """Log a person in through the real login form."""

    def do(user):
        page.goto(page.base_url + "/accounts/login/")
        page.get_by_label("E-mail").fill(user.email)
        page.get_by_label("Adgangskode").fill(password)
        # exact: not "Log ind med MitID" when a test has MitID set up.
        page.get_by_role("button", name="Log ind", exact=True).last.click()
        page.wait_for_load_state()

    return do


# --- long tests once per `make test` --------------------------------------------
#
# `make test` runs the suite twice side by side, on SQLite and on PostgreSQL, one
# core each. What a browser test checks (the page as a person meets it) does not
# depend on the database, and the browser tests are half of each pass's time, so
# with FAELLES_BROWSER_ONCE=1 (set by `make test` only) each runs once: on a phone in
# the SQLite pass, on a desktop — the production database — in the PostgreSQL pass.
# A few other long tests say with ``@pytest.mark.one_pass("sqlite" | "postgres")``
# which pass they belong to (the demo walks: links in one, hostile forms in the
# PostgreSQL pass, where text with NUL and numbers beyond 64 bits are refused);
# the choice evens out the two passes. `make test-sqlite` / `make test-postgres`
# alone still run everything.
PASSES = ("sqlite", "postgres")


def _pass_of(item) -> str | None:
    """The pass a test runs in under `make test` (``None``: both)."""
    marker = item.get_closest_marker("one_pass")
    if marker is not None:
        assert marker.args[0] in PASSES, marker
        return marker.args[0]
    if item.get_closest_marker("browser"):
        on_phone = "phone" in item.name or "390" in item.name
        return "sqlite" if on_phone else "postgres"
    return None


def pytest_collection_modifyitems(config, items):
    if os.environ.get("FAELLES_BROWSER_ONCE") != "1":
        return
    this_pass = "postgres" if os.environ.get("DATABASE_URL") else "sqlite"
    keep, drop = [], []
    for item in items:
        if _pass_of(item) not in (None, this_pass):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
