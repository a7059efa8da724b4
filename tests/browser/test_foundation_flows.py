"""The foundation in a real Chromium: sign up, verify, log in, switch municipality and
language, edit the profile — with axe-core on every page visited."""

import re

import pytest
from django.core import mail

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import User
from faelles.municipalities.factories import MunicipalityFactory, PrincipleFactory
from faelles.organisations.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_municipalities():
    odense = MunicipalityFactory(
        slug="odense",
        name="Odense Kommune",
        programme_name="Sammen om udvikling",
        programme_name_en="Together for development",
    )
    PrincipleFactory(
        municipality=odense, title="Mod", title_en="Courage", text="Vi tør."
    )
    rodovre = MunicipalityFactory(
        slug="rodovre", name="Rødovre Kommune", programme_name="Sammen om Rødovre"
    )
    OrganisationFactory(municipality=odense, name="Kajakklubben Odense Å")
    return odense, rodovre


def test_sign_up_verify_join_and_edit_profile(page, axe, two_municipalities):
    page.goto(page.base_url + "/")
    axe(page, "front page")
    page.get_by_role("link", name="Opret profil").first.click()
    axe(page, "sign-up")
    page.get_by_label("Dit navn").fill("Karin Sørensen")
    page.get_by_label("E-mail").fill("karin@example.org")
    page.get_by_label("Adgangskode", exact=True).fill("lange-gode-ord-2026")
    page.get_by_label("Adgangskode (igen)").fill("lange-gode-ord-2026")
    page.get_by_label("Jeg har læst").check()
    page.get_by_role("button", name="Opret konto").click()
    axe(page, "verification sent")
    assert User.objects.filter(email="karin@example.org").exists()
    link = re.search(
        r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body
    ).group(0)
    page.goto(page.base_url + link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
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
    page.get_by_role("button", name="Gem profil").click()
    assert User.objects.get(email="karin@example.org").postcode == "5230"


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
    page.goto(page.base_url + "/odense/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("Courage").is_visible()
    axe(page, "municipality home in English")
    page.goto(page.base_url + "/odense/organisationer/")
    axe(page, "organisations in English")
    page.get_by_role("button", name="Dansk").click()
    assert page.locator("html").get_attribute("lang") == "da"


def test_admin_pages_and_error_pages_are_accessible(
    page, axe, login, two_municipalities
):
    odense, _ = two_municipalities
    admin = MembershipFactory(
        municipality=odense, is_employee=True, is_administrator=True
    ).user
    citizen = MembershipFactory(municipality=odense).user
    login(admin)
    for path in [
        "/odense/administration/",
        "/odense/administration/personer/",
        f"/odense/administration/personer/{citizen.memberships.get().pk}/",
        "/odense/administration/afdelinger/",
        "/odense/administration/log/",
        "/odense/organisationer/",
        "/odense/organisationer/ny/",
        f"/odense/organisationer/{odense.organisations.first().slug}/",
        f"/odense/personer/{citizen.pk}/",
        "/me/beskeder/",
        "/me/slet-konto/",
        "/accounts/password/change/",
    ]:
        page.goto(page.base_url + path)
        axe(page, path)
    response = page.goto(page.base_url + "/odense/findes-ikke/")
    assert response.status == 404
    axe(page, "404")
    page.goto(page.base_url + "/accounts/logout/")
    page.get_by_role("button", name="Log ud").last.click()
    login(citizen)
    response = page.goto(page.base_url + "/odense/administration/")
    assert response.status == 403
    axe(page, "403")


def test_password_reset_pages(page, axe, two_municipalities):
    user = MembershipFactory(municipality=two_municipalities[0]).user
    page.goto(page.base_url + "/accounts/password/reset/")
    axe(page, "password reset")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_role("button", name=re.compile("Nulstil")).click()
    axe(page, "password reset sent")
    assert any(user.email in m.to for m in mail.outbox)


def test_core_pages_work_without_javascript(browser, live_server, two_municipalities):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/odense/")
    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()
