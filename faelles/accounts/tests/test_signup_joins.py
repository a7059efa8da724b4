"""Signing up from a municipality's pages joins it once the e-mail is confirmed;
people land on their municipality, not on an empty page of their own; the e-mails
are Fælles' own words, in Danish or English."""

import re

import pytest
from django.core import mail

from faelles.accounts.factories import MembershipFactory, UserFactory
from faelles.accounts.models import Membership, User

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture(autouse=True)
def _mail_after_commit(monkeypatch, django_capture_on_commit_callbacks):
    """Mail leaves after the commit (core/mail.py): every request here commits."""
    from django.test import Client

    post = Client.post

    def post_and_commit(self, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(self, *args, **kwargs)

    monkeypatch.setattr(Client, "post", post_and_commit)


def _signup(client, next_path=""):
    data = {
        "display_name": "Karin Sørensen",
        "email": "karin@example.org",
        "password1": "lange-gode-ord-2026",
        "password2": "lange-gode-ord-2026",
        "accept_terms": "on",
    }
    if next_path:
        data["next"] = next_path
    return client.post("/accounts/signup/", data)


def _confirm(client):
    link = re.search(
        r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body
    )
    return client.post(link.group(1))


def test_signing_up_from_a_municipality_joins_it_after_confirmation(
    client, municipality
):
    _signup(client, next_path=f"/{municipality.slug}/initiativer/")
    user = User.objects.get(email="karin@example.org")
    assert not Membership.objects.filter(user=user).exists()  # not before confirming
    response = _confirm(client)
    membership = Membership.objects.get(user=user)
    assert membership.municipality == municipality and membership.is_citizen
    assert response["Location"].startswith(f"/{municipality.slug}/")
    user.refresh_from_db()
    assert user.joining is None


def test_signing_up_elsewhere_joins_nothing(client, municipality):
    _signup(client, next_path="/om/privatliv/")
    _confirm(client)
    assert not Membership.objects.exists()


def test_a_next_outside_the_site_joins_nothing(client, municipality):
    _signup(client, next_path=f"//evil.example/{municipality.slug}/")
    _confirm(client)
    assert not Membership.objects.exists()


def test_the_signup_link_on_a_municipality_carries_where_you_were(client, municipality):
    page = client.get(f"/{municipality.slug}/").text
    assert f"/accounts/signup/?next=/{municipality.slug}/" in page


def test_login_lands_on_the_municipality_or_where_you_were(client, municipality):
    user = MembershipFactory(municipality=municipality).user
    response = client.post(
        "/accounts/login/",
        {"login": user.email, "password": "et-godt-kodeord-42"},
    )
    assert response["Location"] == f"/{municipality.slug}/"
    client.logout()
    response = client.post(
        f"/accounts/login/?next=/{municipality.slug}/arrangementer/",
        {"login": user.email, "password": "et-godt-kodeord-42"},
    )
    assert response["Location"] == f"/{municipality.slug}/arrangementer/"


def test_login_without_a_municipality_lands_on_my_page(client):
    user = UserFactory()
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "et-godt-kodeord-42"}
    )
    assert response["Location"] == "/me/"


def test_confirmation_email_is_faelles_own_text_in_both_languages(client):
    _signup(client)
    message = mail.outbox[-1]
    assert message.subject.endswith("Velkommen til Fælles – bekræft din e-mailadresse")
    assert "Tak, fordi du vil være med på Fælles." in message.body
    assert "Hej fra" not in message.body and "Hello from" not in message.body
    mail.outbox.clear()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post(
        "/accounts/signup/",
        {
            "display_name": "Ann",
            "email": "ann@example.org",
            "password1": "lange-gode-ord-2026",
            "password2": "lange-gode-ord-2026",
            "accept_terms": "on",
        },
    )
    english = mail.outbox[-1]
    assert english.subject.endswith("Welcome to Fælles – confirm your e-mail address")
    assert "Thank you for wanting to take part in Fælles." in english.body
