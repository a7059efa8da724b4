"""Sign-up with e-mail verification, rate-limited login, password reset."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from faelles.accounts.factories import PASSWORD, UserFactory
from faelles.accounts.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def _signup(client, email="karin@example.org", **overrides):
    data = {
        "display_name": "Karin Sørensen",
        "email": email,
        "password1": "lange-gode-ord-2026",
        "password2": "lange-gode-ord-2026",
        "accept_terms": "on",
    }
    data.update(overrides)
    return client.post("/accounts/signup/", data)


def test_sign_up_needs_a_verified_email_before_logging_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert not EmailAddress.objects.get(email="karin@example.org").verified
    client.logout()
    login = client.post(
        "/accounts/login/",
        {"login": "karin@example.org", "password": "lange-gode-ord-2026"},
    )
    assert login["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    # The link is on the site's configured address, not the request's host.
    link = re.search(
        r"https://faelles\.test(/accounts/confirm-email/\S+/)", mail.outbox[-1].body
    )
    client.post(link.group(1))
    assert EmailAddress.objects.get(email="karin@example.org").verified
    assert client.get("/me/").status_code == 200


def test_sign_up_refuses_bad_input_and_creates_nobody(client):
    response = _signup(client, accept_terms="", password2="noget-andet-2026")
    assert response.status_code == 200
    assert not User.objects.filter(email="karin@example.org").exists()


def test_login_is_rate_limited_after_repeated_failures(client):
    person = UserFactory()
    tries = [
        client.post("/accounts/login/", {"login": person.email, "password": "forkert"})
        for _ in range(6)
    ]
    assert all(r.status_code == 200 for r in tries)
    assert "for mange mislykkede" not in tries[4].text
    assert "for mange mislykkede" in tries[5].text
    # Even the right password is refused until the window has passed.
    response = client.post(
        "/accounts/login/", {"login": person.email, "password": PASSWORD}
    )
    assert "for mange mislykkede" in response.text
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(
    client, django_capture_on_commit_callbacks
):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": person.email})
    assert response.status_code == 302
    body = mail.outbox[-1].body
    assert "testserver" not in body
    path = re.search(r"https://faelles\.test(/accounts/password/reset/key/\S+/)", body)
    response = client.get(path.group(1), follow=True)
    assert response.status_code == 200
    form_url = (
        response.redirect_chain[-1][0] if response.redirect_chain else path.group(1)
    )
    response = client.post(
        form_url,
        {"password1": "helt-nyt-kodeord-77", "password2": "helt-nyt-kodeord-77"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("helt-nyt-kodeord-77")


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post("/accounts/password/reset/", {"email": "ingen@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
