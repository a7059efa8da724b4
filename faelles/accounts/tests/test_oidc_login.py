"""Login with OpenID Connect (MitID) against a local provider: which account a login
reaches (never two for one person), what is kept of the identity, and logout at
both ends. The same flow in Chromium: tests/browser/test_mitid_login_flow.py."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core import mail
from django.test import override_settings

from faelles.accounts.factories import PASSWORD, MembershipFactory, UserFactory
from faelles.accounts.models import AssuranceLevel, User, VerifiedIdentity
from faelles.accounts.oidc import assurance_level
from faelles.accounts.services import account_export
from faelles.accounts.tests.oidc_provider import HIGH, LOW, SUBSTANTIAL, log_in
from faelles.core.models import AuditEntry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def _person(provider, sub="mitid-anna", **claims):
    claims = {
        "email": "anna@example.org",
        "name": "Anna Berg",
        "acr": SUBSTANTIAL,
        "birthdate": "1990-05-01",
        "municipality_code": "0461",
        "postal_code": "5000",
        **claims,
    }
    provider.person(sub, **{k: v for k, v in claims.items() if v is not None})
    return sub


def _verified_user(email):
    return UserFactory(email=email)  # the factory confirms the address


def test_first_login_creates_the_account_and_keeps_the_identity(
    client, oidc_provider, municipality
):
    sub = _person(oidc_provider)
    response = log_in(client, oidc_provider, sub, next="/odense/")
    assert response.status_code == 302
    assert response["Location"] == "/odense/"
    user = User.objects.get()
    assert user.email == "anna@example.org"
    assert user.display_name == "Anna Berg"
    assert not user.has_usable_password()
    assert client.session["_auth_user_id"] == str(user.pk)
    identity = user.verified_identity
    assert identity.provider == "mitid"
    assert identity.subject == sub
    assert identity.assurance_level == AssuranceLevel.SUBSTANTIAL
    assert identity.birth_date == dt.date(1990, 5, 1)
    assert identity.municipality_code == "461"
    assert identity.postcode == "5000"
    assert (dt.datetime.now(dt.UTC) - identity.verified_at).total_seconds() < 60
    # The provider vouched for the address: no confirmation mail, and the person
    # joined the municipality they came from.
    assert EmailAddress.objects.get(user=user).verified
    assert user.memberships.get().municipality == municipality
    assert AuditEntry.objects.filter(action="identity.link", actor=user).count() == 1


def test_only_the_claims_faelles_uses_are_kept(client, oidc_provider):
    sub = _person(oidc_provider, cpr="0105901234", address={"street": "Vej 1"})
    log_in(client, oidc_provider, sub)
    kept = SocialAccount.objects.get().extra_data
    assert set(kept) == {"id_token", "userinfo"}
    for claims in kept.values():
        assert "cpr" not in claims
        assert "address" not in claims
        assert claims["sub"] == sub
    assert kept["id_token"]["acr"] == SUBSTANTIAL


def test_second_login_with_the_same_subject_reaches_the_same_account(
    client, oidc_provider
):
    sub = _person(oidc_provider)
    log_in(client, oidc_provider, sub)
    first = User.objects.get()
    client.post("/accounts/logout/")
    # The provider now sends another address and a higher level: the subject
    # decides, the account is the same, the identity is renewed.
    _person(oidc_provider, sub, email="anna.berg@example.net", acr=HIGH)
    response = log_in(client, oidc_provider, sub)
    assert response.status_code == 302
    assert User.objects.get() == first
    assert client.session["_auth_user_id"] == str(first.pk)
    identity = VerifiedIdentity.objects.get()
    assert identity.user == first
    assert identity.assurance_level == AssuranceLevel.HIGH
    assert SocialAccount.objects.count() == 1
    # Renewing the level is not a new link.
    assert AuditEntry.objects.filter(action="identity.link").count() == 1


def test_a_verified_address_on_both_sides_links_the_existing_account(
    client, oidc_provider
):
    karin = _verified_user("karin@example.org")
    sub = _person(oidc_provider, "mitid-karin", email="karin@example.org")
    log_in(client, oidc_provider, sub)
    assert User.objects.count() == 1
    assert client.session["_auth_user_id"] == str(karin.pk)
    assert VerifiedIdentity.objects.get().user == karin
    karin.refresh_from_db()
    assert karin.check_password(PASSWORD)  # a verified address: the password stays


def test_an_unconfirmed_address_on_faelles_is_not_linked(
    client, oidc_provider, django_capture_on_commit_callbacks
):
    squatter = UserFactory(email="karin@example.org")
    EmailAddress.objects.filter(user=squatter).update(verified=False)  # unconfirmed
    sub = _person(oidc_provider, "mitid-karin", email="karin@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = log_in(client, oidc_provider, sub)
    # Not linked, and no second account with the address: the person is told by
    # mail (the page does not say whether the address has an account).
    assert User.objects.count() == 1
    assert not SocialAccount.objects.exists()
    assert not VerifiedIdentity.objects.exists()
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert "Forbind MitID" in mail.outbox[-1].body


def test_an_address_the_provider_did_not_verify_is_not_linked(client, oidc_provider):
    _verified_user("karin@example.org")
    sub = _person(
        oidc_provider, "mitid-karin", email="karin@example.org", email_verified=False
    )
    log_in(client, oidc_provider, sub)
    assert User.objects.count() == 1
    assert not VerifiedIdentity.objects.exists()
    assert "_auth_user_id" not in client.session


def test_an_account_with_another_mitid_is_never_linked_by_address(
    client, oidc_provider
):
    karin = _verified_user("karin@example.org")
    first = _person(oidc_provider, "mitid-karin", email="karin@example.org")
    log_in(client, oidc_provider, first)
    client.post("/accounts/logout/")
    other = _person(oidc_provider, "mitid-someone-else", email="karin@example.org")
    log_in(client, oidc_provider, other)
    assert "_auth_user_id" not in client.session
    assert VerifiedIdentity.objects.get().subject == first
    assert SocialAccount.objects.get().user == karin
    assert User.objects.count() == 1


def test_without_an_address_the_person_gives_one_and_confirms_it(client, oidc_provider):
    sub = _person(oidc_provider, email=None)
    response = log_in(client, oidc_provider, sub)
    assert response["Location"] == "/accounts/3rdparty/signup/"
    form = client.get("/accounts/3rdparty/signup/")
    assert "Dit navn" in form.text
    assert 'value="Anna Berg"' in form.text
    refused = client.post(
        "/accounts/3rdparty/signup/",
        {"display_name": "Anna Berg", "email": "not-an-address", "accept_terms": "on"},
    )
    assert refused.status_code == 200
    assert not User.objects.exists()
    done = client.post(
        "/accounts/3rdparty/signup/",
        {
            "display_name": "Anna Berg",
            "email": "anna@example.org",
            "accept_terms": "on",
        },
    )
    assert done.status_code == 302
    user = User.objects.get()
    assert user.display_name == "Anna Berg"
    # An address the provider did not vouch for is confirmed by mail first.
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session
    assert user.verified_identity.assurance_level == AssuranceLevel.SUBSTANTIAL


def test_connecting_mitid_while_logged_in_links_that_account(client, oidc_provider):
    karin = UserFactory(email="karin@example.org")
    client.force_login(karin)
    page = client.get("/me/")
    assert "Forbind MitID" in page.text
    sub = _person(oidc_provider, "mitid-karin", email="k.berg@example.net")
    response = log_in(client, oidc_provider, sub, next="/me/", connect=True)
    assert response.status_code == 302
    assert VerifiedIdentity.objects.get().user == karin
    assert User.objects.count() == 1
    assert "Din profil er forbundet med MitID" in client.get("/me/").text
    # Later the MitID login alone reaches the account.
    client.post("/accounts/logout/")
    log_in(client, oidc_provider, sub)
    assert client.session["_auth_user_id"] == str(karin.pk)


def test_an_account_holds_one_mitid_identity(client, oidc_provider):
    karin = UserFactory(email="karin@example.org")
    client.force_login(karin)
    first = _person(oidc_provider, "mitid-karin")
    log_in(client, oidc_provider, first, connect=True)
    second = _person(oidc_provider, "mitid-other")
    response = log_in(client, oidc_provider, second, connect=True)
    assert response["Location"] == "/me/"
    assert "allerede forbundet med et andet MitID" in client.get("/me/").text
    assert VerifiedIdentity.objects.get().subject == first
    assert SocialAccount.objects.count() == 1


def test_a_mitid_identity_is_linked_to_one_account(client, oidc_provider):
    sub = _person(oidc_provider, "mitid-anna")
    log_in(client, oidc_provider, sub)
    anna = User.objects.get()
    client.post("/accounts/logout/")
    other = UserFactory(email="other@example.org")
    client.force_login(other)
    log_in(client, oidc_provider, sub, connect=True)
    assert VerifiedIdentity.objects.get().user == anna
    assert SocialAccount.objects.get().user == anna


def test_removing_the_link_removes_the_identity(client, oidc_provider):
    karin = UserFactory(email="karin@example.org")
    client.force_login(karin)
    log_in(client, oidc_provider, _person(oidc_provider, "mitid-karin"), connect=True)
    account = SocialAccount.objects.get()
    client.post("/accounts/3rdparty/", {"account": account.pk})
    assert not SocialAccount.objects.exists()
    assert not VerifiedIdentity.objects.exists()
    assert AuditEntry.objects.filter(action="identity.unlink").count() == 1


def test_logout_after_a_mitid_login_ends_the_session_at_the_provider_too(
    client, oidc_provider
):
    log_in(client, oidc_provider, _person(oidc_provider))
    response = client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}" == oidc_provider.url
    assert target.path == "/oauth2/end_session"
    query = parse_qs(target.query)
    assert query["post_logout_redirect_uri"] == ["https://faelles.test/"]
    assert query["client_id"] == ["faelles-test"]
    assert query["id_token_hint"][0].count(".") == 2  # the login's ID token


def test_logout_after_an_email_login_stays_on_faelles(client, oidc_provider):
    person = UserFactory()
    client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(person.pk)
    response = client.post("/accounts/logout/")
    assert response["Location"] == "/"


def test_login_page_offers_mitid_only_when_configured(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    page = client.get("/accounts/login/")
    assert "Log ind med MitID" not in page.text
    assert 'name="password"' in page.text  # e-mail login stays
    assert client.post("/accounts/oidc/mitid/login/").status_code == 404


def test_login_page_offers_mitid_when_configured(client, oidc_provider):
    page = client.get("/accounts/login/")
    assert "Log ind med MitID" in page.text
    assert 'name="password"' in page.text


def test_an_unknown_level_is_kept_as_unknown(client, oidc_provider):
    sub = _person(oidc_provider, acr="urn:example:something-else")
    log_in(client, oidc_provider, sub)
    assert VerifiedIdentity.objects.get().assurance_level == ""


def test_the_data_export_names_the_identity(client, oidc_provider):
    log_in(client, oidc_provider, _person(oidc_provider))
    exported = account_export(user=User.objects.get())["verified_identity"]
    assert exported["assurance_level"] == "substantial"
    assert exported["birth_date"] == "1990-05-01"


def test_deleting_the_account_deletes_the_identity(client, oidc_provider):
    log_in(client, oidc_provider, _person(oidc_provider))
    user = User.objects.get()
    MembershipFactory(user=user)
    from faelles.accounts.services import account_delete

    account_delete(user=user)
    assert not VerifiedIdentity.objects.exists()
    assert not SocialAccount.objects.exists()


@pytest.mark.parametrize(
    ("value", "level"),
    [
        (SUBSTANTIAL, "substantial"),
        (HIGH, "high"),
        (LOW, "low"),
        ("urn:grn:authn:dk:mitid:substantial", "substantial"),
        ("http://eidas.europa.eu/LoA/high", "high"),
        ("Substantial", "substantial"),
        (["urn:x:low", "urn:x:high"], "high"),
        ("", ""),
        (None, ""),
        (3, ""),
        ("urn:example:gold", ""),
    ],
)
def test_assurance_values_are_read_by_their_last_word(value, level):
    assert assurance_level(value) == level


@override_settings(FAELLES_OIDC_ASSURANCE_VALUES="urn:broker:loa3=substantial, x=gold")
def test_a_providers_own_values_can_be_mapped():
    assert assurance_level("urn:broker:loa3") == "substantial"
    assert assurance_level("x") == ""  # a mapping to no level is no level
