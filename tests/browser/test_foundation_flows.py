"""The foundation in a real Chromium: sign up, verify, log in, join, switch
municipality and language, edit the profile, administer the municipality — with
axe-core on every page of the area, the main task by keyboard alone, and the core
pages without JavaScript."""

import re

import pytest
from django.core import mail
from django.template.loader import get_template
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import User
from faelles.municipalities.factories import MunicipalityFactory, PrincipleFactory
from faelles.municipalities.models import Municipality
from faelles.organisations.factories import OrganisationFactory
from faelles.organisations.models import OrganisationMember
from tests.browser.screens import on_both_screens, open_section, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_municipalities():
    odense = MunicipalityFactory(
        slug="odense",
        name="Odense Kommune",
        programme_name="Sammen om udvikling",
        programme_name_en="Together for development",
        contact_email="kontakt@odense.example",
    )
    PrincipleFactory(
        municipality=odense, title="Mod", title_en="Courage", text="Vi tør."
    )
    rodovre = MunicipalityFactory(
        slug="rodovre", name="Rødovre Kommune", programme_name="Sammen om Rødovre"
    )
    OrganisationFactory(municipality=odense, name="Kajakklubben Odense Å")
    return odense, rodovre


def _path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement; return {
             tag: el.tagName, id: el.id, name: el.getAttribute('name') || '',
             text: (el.innerText || el.value || '').trim() }; }"""
    )


def tab_to(page, *, text: str | None = None, field: str | None = None, limit=80):
    """Press Tab until the focus is on the link/button with ``text`` or the form
    field with id ``field``; fails if it is never reached by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = _focused(page)
        if (text is not None and now["text"].startswith(text)) or (
            field is not None and now["id"] == field
        ):
            return
    raise AssertionError(
        f"never reached {text or field!r} with the Tab key; last {now}, url {page.url}"
    )


def test_sign_up_verify_join_and_edit_profile(page, axe, two_municipalities):
    page.goto(page.base_url + "/")
    axe(page, "front page")
    page.get_by_role("link", name="Opret profil").first.click()
    axe(page, "sign-up")
    page.get_by_role("button", name="Opret konto").click()
    axe(page, "sign-up with errors")
    assert not User.objects.exists()
    page.get_by_label("Dit navn").fill("Karin Sørensen")
    page.get_by_label("E-mail").fill("karin@example.org")
    page.get_by_label("Adgangskode", exact=True).fill("lange-gode-ord-2026")
    page.get_by_label("Adgangskode (igen)").fill("lange-gode-ord-2026")
    page.get_by_label("Jeg har læst").check()
    page.get_by_role("button", name="Opret konto").click()
    axe(page, "verification sent")
    assert User.objects.filter(email="karin@example.org").exists()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body)
    page.goto(page.base_url + _path_of(link.group(0)))
    axe(page, "confirm e-mail")
    page.get_by_role("button", name="Bekræft").click()

    page.goto(page.base_url + "/odense/")
    axe(page, "municipality home")
    page.get_by_role("button", name=re.compile("Bliv en del af fællesskabet")).click()
    assert (
        User.objects.get(email="karin@example.org")
        .memberships.filter(municipality__slug="odense")
        .exists()
    )

    page.goto(page.base_url + "/me/")
    axe(page, "own profile")
    page.get_by_role("link", name="Rediger profil").click()
    axe(page, "edit profile")
    page.get_by_role("textbox", name=re.compile("^Postnummer")).fill("52a0")
    page.get_by_role("button", name="Gem profil").click()
    axe(page, "profile with error")
    assert page.locator(".form-error-message").count() >= 1
    page.get_by_role("textbox", name=re.compile("^Postnummer")).fill("5230")
    page.get_by_label("ukrainsk").check()
    page.get_by_label("Alle, også uden at logge ind").check()
    page.get_by_role("button", name="Gem profil").click()
    karin = User.objects.get(email="karin@example.org")
    assert (karin.postcode, karin.languages, karin.profile_visibility) == (
        "5230",
        ["uk"],
        "public",
    )
    expect(page.get_by_text("ukrainsk")).to_be_visible()
    page.goto(page.base_url + f"/odense/personer/{karin.pk}/")
    axe(page, "person page")


def test_main_task_by_keyboard_alone(page, two_municipalities, password):
    """Log in, join a municipality, edit the profile and switch language with
    nothing but Tab, typing and Enter."""
    person = User.objects.create_user(
        email="aisha@example.org", password=password, display_name="Aisha Ali"
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=person, email=person.email, verified=True, primary=True
    )
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Gå til sidens indhold"
    skip = page.locator(".skipnav")
    assert skip.bounding_box()["height"] > 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")

    tab_to(page, text="Log ind")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, field="id_login")
    page.keyboard.type(person.email)
    tab_to(page, field="id_password")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == page.base_url + "/"

    tab_to(page, text="Odense Kommune")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, text="Bliv en del af fællesskabet")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert person.memberships.filter(municipality__slug="odense").exists()

    tab_to(page, text="Mine sider")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, text="Rediger profil")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, field="id_postcode")
    page.keyboard.type("2610")
    tab_to(page, field="id_languages_1")  # "engelsk"
    page.keyboard.press("Space")
    tab_to(page, text="Gem profil")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    person.refresh_from_db()
    assert person.postcode == "2610" and person.languages == ["en"]

    tab_to(page, text="English")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", name="Aisha Ali")).to_be_visible()
    expect(page.get_by_role("link", name="Edit profile")).to_be_visible()


def test_log_in_switch_municipality_and_language(page, axe, login, two_municipalities):
    odense, rodovre = two_municipalities
    user = MembershipFactory(municipality=odense).user
    MembershipFactory(municipality=rodovre, user=user)
    page.goto(page.base_url + "/accounts/login/")
    axe(page, "login")
    login(user)
    page.goto(page.base_url + "/odense/")
    assert page.get_by_role("link", name="Sammen om udvikling").is_visible()
    page.goto(page.base_url + "/")
    page.get_by_role("link", name="Rødovre Kommune").click()
    assert page.url.endswith("/rodovre/")
    assert page.get_by_role("link", name="Sammen om Rødovre").is_visible()
    page.get_by_role("link", name="Alle kommuner på Fælles").click()
    page.get_by_role("link", name="Odense Kommune").click()
    assert page.url.endswith("/odense/")

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/odense/")  # the switch stays on the same page
    expect(page.get_by_role("link", name="Together for development")).to_be_visible()
    expect(page.get_by_text("Courage")).to_be_visible()
    expect(
        page.get_by_role("heading", name="What we stand for together")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Skip to main content")).to_be_attached()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    axe(page, "municipality home in English")
    page.goto(page.base_url + "/odense/organisationer/")
    expect(
        page.get_by_role("heading", name="Associations, businesses and institutions")
    ).to_be_visible()
    axe(page, "organisations in English")
    page.goto(page.base_url + "/me/")
    expect(page.get_by_role("heading", name="My municipalities")).to_be_visible()
    axe(page, "own profile in English")
    page.goto(page.base_url + "/accounts/password/change/")
    axe(page, "change password in English")
    # The choice is remembered on the account, for the next login and for e-mails.
    assert User.objects.get(pk=user.pk).preferred_language == "en"
    page.get_by_role("button", name="Dansk").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "da"


@on_both_screens
def test_organisation_pages_and_acting_on_behalf(page, axe, login, two_municipalities):
    odense, _ = two_municipalities
    person = MembershipFactory(municipality=odense).user
    login(person)
    page.goto(page.base_url + "/odense/")
    open_section(page, "Foreninger og virksomheder")
    assert page.url.endswith("/odense/organisationer/")
    axe(page, "organisation list")
    press(page.get_by_role("link", name="Opret en organisation"))
    axe(page, "create organisation")
    press(page.get_by_role("button", name="Gem"))
    axe(page, "create organisation with errors")
    page.get_by_label("Type").select_option("association")
    page.get_by_label("Navn", exact=True).fill("Vollsmose Strikkeklub")
    page.get_by_label("Beskrivelse").fill("Vi strikker og drikker kaffe.")
    press(page.get_by_role("button", name="Gem"))
    expect(page.get_by_role("heading", name="Vollsmose Strikkeklub")).to_be_visible()
    axe(page, "organisation page")
    assert OrganisationMember.objects.get(user=person).is_admin
    press(page.get_by_role("button", name="Handl på vegne af Vollsmose Strikkeklub"))
    banner = page.locator(".faelles-acting")
    expect(banner).to_contain_text("Du handler på vegne af Vollsmose Strikkeklub")
    axe(page, "acting on behalf")
    page.goto(page.base_url + "/odense/")
    expect(banner).to_be_visible()
    press(banner.get_by_role("button", name="Handl som mig selv igen"))
    assert page.url.endswith("/odense/")
    expect(page.locator(".faelles-acting")).to_have_count(0)
    page.goto(page.base_url + "/odense/organisationer/")
    press(page.get_by_role("link", name="Vollsmose Strikkeklub"))
    press(page.get_by_role("link", name="Rediger"))
    axe(page, "edit organisation")


@on_both_screens
def test_administrator_manages_settings_roles_and_departments(
    page, axe, login, two_municipalities
):
    odense, _ = two_municipalities
    admin = MembershipFactory(
        municipality=odense, is_employee=True, is_administrator=True
    ).user
    citizen = MembershipFactory(
        municipality=odense, user__display_name="Bent Poulsen"
    ).user
    login(admin)
    page.goto(page.base_url + "/odense/")
    open_section(page, "Administration")
    axe(page, "admin settings")
    page.get_by_label(re.compile(r"^Om programmet \(")).fill(
        "Vi udvikler Odense sammen – med mod og handlekraft."
    )
    page.get_by_label("Primærfarve").fill("#FFFF00")
    press(page.get_by_role("button", name="Gem indstillinger"))
    axe(page, "admin settings with errors")
    expect(page.get_by_text("for lys til hvid tekst")).to_be_visible()
    page.get_by_label("Primærfarve").fill("#003B6F")
    press(page.get_by_role("button", name="Gem indstillinger"))
    expect(page.get_by_text("Indstillingerne er gemt.")).to_be_visible()
    assert Municipality.objects.get(pk=odense.pk).primary_colour.upper() == "#003B6F"

    press(page.get_by_role("link", name="Afdelinger"))
    axe(page, "admin departments")
    page.get_by_label("Navn").fill("Borgerservice")
    press(page.get_by_role("button", name="Opret afdeling"))
    expect(page.get_by_role("link", name="Borgerservice", exact=True)).to_be_visible()

    press(page.get_by_role("link", name="Personer og roller"))
    axe(page, "admin people")
    page.get_by_label("Søg efter navn eller e-mail").fill("Bent")
    press(page.get_by_role("button", name="Søg"))
    press(page.get_by_role("link", name="Ret roller – Bent Poulsen"))
    axe(page, "admin roles of one person")
    page.get_by_label("Medarbejder").check()
    page.get_by_label("Afdeling").select_option(label="Borgerservice")
    page.get_by_label("Stilling").fill("Fællesskabskonsulent")
    press(page.get_by_role("button", name="Gem roller"))
    expect(page.get_by_text("Rollerne for Bent Poulsen er gemt.")).to_be_visible()
    membership = citizen.memberships.get()
    assert membership.is_employee and membership.department.name == "Borgerservice"
    press(page.get_by_role("link", name="Revisionslog"))
    axe(page, "audit log")
    expect(
        page.get_by_role("cell", name="Ændrede en persons roller (medlemskab)")
    ).to_be_visible()

    # A department with an employee is kept; an unused one can be deleted.
    press(page.get_by_role("link", name="Afdelinger"))
    press(page.get_by_role("link", name="Slet Borgerservice"))
    axe(page, "delete department with employees")
    expect(page.get_by_text("1 medarbejder hører til afdelingen")).to_be_visible()
    press(page.get_by_role("link", name="Afdelinger"))
    page.get_by_label("Navn").fill("Gammel afdeling")
    press(page.get_by_role("button", name="Opret afdeling"))
    press(page.get_by_role("link", name="Slet Gammel afdeling"))
    axe(page, "delete department")
    press(page.get_by_role("button", name="Slet afdelingen"))
    expect(page.get_by_text("Afdelingen Gammel afdeling er slettet.")).to_be_visible()


def test_remaining_pages_are_accessible(page, axe, login, two_municipalities):
    odense, _ = two_municipalities
    citizen = MembershipFactory(municipality=odense).user
    login(citizen)
    for path in [
        "/me/beskeder/",
        "/me/slet-konto/",
        "/accounts/password/change/",
        "/accounts/email/",
        "/om/privatliv/",
    ]:
        page.goto(page.base_url + path)
        axe(page, path)
    response = page.goto(page.base_url + "/odense/findes-ikke/")
    assert response.status == 404
    axe(page, "404")
    response = page.goto(page.base_url + "/odense/administration/")
    assert response.status == 403
    axe(page, "403")
    page.goto(page.base_url + "/accounts/logout/")
    axe(page, "log out")
    page.locator("main").get_by_role("button", name="Log ud").click()
    expect(page.get_by_role("link", name="Log ind")).to_be_visible()


def test_server_error_page_is_accessible(page, axe, live_server):
    html = get_template("500.html").render()
    page.route(
        f"{live_server.url}/fejl",
        lambda route: route.fulfill(status=500, body=html, content_type="text/html"),
    )
    response = page.goto(live_server.url + "/fejl")
    assert response.status == 500
    expect(page.get_by_role("heading", name="Der skete en fejl hos os")).to_be_visible()
    axe(page, "500")


def test_password_reset_pages(page, axe, two_municipalities):
    user = MembershipFactory(municipality=two_municipalities[0]).user
    page.goto(page.base_url + "/accounts/password/reset/")
    axe(page, "password reset")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_role("button", name=re.compile("Nulstil")).click()
    axe(page, "password reset sent")
    message = next(m for m in mail.outbox if user.email in m.to)
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", message.body)
    page.goto(page.base_url + _path_of(link.group(0)))
    axe(page, "choose a new password")
    page.get_by_label("Ny adgangskode", exact=True).fill("helt-nyt-kodeord-77")
    page.get_by_label("Ny adgangskode (igen)").fill("helt-nyt-kodeord-77")
    page.get_by_role("button", name=re.compile("Ændr")).click()
    axe(page, "password changed")
    user.refresh_from_db()
    assert user.check_password("helt-nyt-kodeord-77")


def test_core_pages_work_without_javascript(
    browser, live_server, two_municipalities, password
):
    odense, _ = two_municipalities
    person = MembershipFactory(municipality=odense).user
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/odense/")
    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(
        page.get_by_role("heading", name="What we stand for together")
    ).to_be_visible()
    page.get_by_role("button", name="Dansk").click()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail").fill(person.email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").last.click()
    page.goto(live_server.url + "/me/rediger/")
    page.get_by_role("textbox", name=re.compile("^Postnummer")).fill("5000")
    page.get_by_role("button", name="Gem profil").click()
    person.refresh_from_db()
    assert person.postcode == "5000"
    page.goto(live_server.url + "/odense/organisationer/?q=kajak")
    expect(page.get_by_role("link", name="Kajakklubben Odense Å")).to_be_visible()
    context.close()
