"""Login with MitID (OpenID Connect) in a real Chromium, against a local provider
on 127.0.0.1 standing in for NemLog-in or a broker: the first login creates the
account, the identity's assurance level is stored, logging out ends the session
at Fælles and at the provider, and a second login with the same subject reaches
the same account. axe-core checks every Fælles page of the flow on a phone and a
desktop. The account-linking rules: faelles/accounts/tests/test_oidc_login.py."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import AssuranceLevel, User, VerifiedIdentity
from faelles.accounts.tests.oidc_provider import SUBSTANTIAL
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Eligibility, ResidenceCheck, VerifiedVoter
from tests.browser.screens import on_both_screens

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUB = "8f7c0a6e-mitid-anna"


def _at_provider_as(page, provider, sub: str) -> None:
    """What the person does at MitID: here, the local provider's form."""
    expect(page).to_have_url(re.compile(re.escape(provider.url + "/oauth2/authorize")))
    page.get_by_placeholder("sub").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_load_state()


@on_both_screens
def test_mitid_login_creates_the_account_and_logout_ends_both_sessions(
    page, live_server, oidc_provider, axe, municipality
):
    oidc_provider.person(
        SUB,
        email="anna@example.org",
        name="Anna Berg",
        acr=SUBSTANTIAL,
        birthdate="1990-05-01",
        municipality_code="461",
    )
    page.goto(f"{page.base_url}/accounts/login/?next=/odense/")
    login_button = page.get_by_role("button", name="Log ind med MitID")
    expect(login_button).to_be_visible()
    axe(page, "login page with MitID")

    # First login: the account is made and the person lands where they were going.
    login_button.click()
    _at_provider_as(page, oidc_provider, SUB)
    expect(page).to_have_url(f"{page.base_url}/odense/")
    anna = User.objects.get()
    assert anna.email == "anna@example.org"
    identity = anna.verified_identity
    assert identity.subject == SUB
    assert identity.assurance_level == AssuranceLevel.SUBSTANTIAL
    assert anna.memberships.get().municipality == municipality

    page.goto(f"{page.base_url}/me/")
    expect(page.get_by_text("Din profil er forbundet med MitID")).to_be_visible()
    expect(page.get_by_text("Sikringsniveau: betydelig")).to_be_visible()
    axe(page, "profile with MitID")

    # Logging out: Fælles' session ends, and the browser is sent to the provider's
    # end-session endpoint with the login's ID token, then back to Fælles.
    page.locator("form[action='/accounts/logout/'] button").first.dispatch_event(
        "click"
    )
    expect(page).to_have_url(
        re.compile(re.escape(oidc_provider.url + "/oauth2/end_session"))
    )
    query = parse_qs(urlsplit(page.url).query)
    assert query["post_logout_redirect_uri"] == [f"{live_server.url}/"]
    assert len(query["id_token_hint"][0].split(".")) == 3
    page.get_by_role("button", name="End session").click()
    expect(page).to_have_url(f"{live_server.url}/")
    page.goto(f"{page.base_url}/me/")
    expect(page).to_have_url(re.compile("/accounts/login/"))

    # Second login with the same subject: the same account, no second one.
    page.get_by_role("button", name="Log ind med MitID").click()
    _at_provider_as(page, oidc_provider, SUB)
    expect(page).to_have_url(f"{page.base_url}/me/")
    assert User.objects.count() == 1
    assert page.get_by_role("heading", level=1).inner_text() == str(anna)


def test_first_login_without_an_address_asks_for_one(
    page, live_server, oidc_provider, axe
):
    oidc_provider.person(SUB, name="Anna Berg", acr=SUBSTANTIAL)
    page.goto(f"{page.base_url}/accounts/login/")
    page.get_by_role("button", name="Log ind med MitID").click()
    _at_provider_as(page, oidc_provider, SUB)
    expect(page).to_have_url(f"{page.base_url}/accounts/3rdparty/signup/")
    expect(page.get_by_label("Dit navn")).to_have_value("Anna Berg")
    axe(page, "first MitID login: the e-mail address")
    page.get_by_label("E-mail").fill("anna@example.org")
    page.get_by_label("Jeg har læst, hvordan Fælles behandler mine oplysninger").check()
    page.get_by_role("button", name="Opret profil").click()
    expect(page).to_have_url(re.compile("/accounts/confirm-email/"))
    assert User.objects.get().verified_identity.subject == SUB


@on_both_screens
def test_a_verified_round_sends_an_unverified_voter_to_mitid_and_back(
    page, live_server, oidc_provider, axe, municipality, login
):
    """Voting in a round that requires MitID: the ballot page says how to verify,
    MitID is connected to the account, and the person is back at the ballot."""
    municipality.residence_codes = "461"
    municipality.save()
    budget_round = BudgetRoundFactory(
        municipality=municipality,
        eligibility=Eligibility.VERIFIED,
        residence_check=ResidenceCheck.IDENTITY,
        min_age=15,
    )
    ProjectFactory(round=budget_round, title="Legeplads i Islev")
    voter = MembershipFactory(municipality=municipality).user
    oidc_provider.person(
        SUB, acr=SUBSTANTIAL, birthdate="1990-05-01", municipality_code="0461"
    )
    login(voter)
    # The voter has no MitID yet.
    assert not VerifiedIdentity.objects.filter(user=voter).exists(), list(
        VerifiedIdentity.objects.values_list("user_id", "subject")
    )
    ballot = reverse(
        "budgeting:ballot",
        kwargs={"municipality_slug": municipality.slug, "pk": budget_round.pk},
    )
    page.goto(page.base_url + ballot)
    expect(page.get_by_text("Her skal du vise, hvem du er, med MitID.")).to_be_visible()
    axe(page, "ballot of a verified round, before MitID")

    page.get_by_role("button", name="Forbind MitID").click()
    _at_provider_as(page, oidc_provider, SUB)
    expect(page).to_have_url(page.base_url + ballot)
    expect(page.get_by_text("Kontrolleret med MitID")).to_be_visible()
    axe(page, "ballot of a verified round, after MitID")
    page.get_by_label("Legeplads i Islev").check()
    page.get_by_role("button", name="Afgiv min stemme").click()
    expect(page.get_by_text("Tak! Din stemme er registreret.")).to_be_visible()
    assert VerifiedVoter.objects.filter(round=budget_round).count() == 1
    assert voter.verified_identity.subject == SUB
