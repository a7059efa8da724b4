"""The language switch works without JavaScript and follows the person."""

import pytest
from django.conf import settings
from django.utils import translation

from faelles.accounts.factories import PASSWORD, UserFactory
from faelles.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_danish():
    """Requests in English leave the thread's language English; later tests
    expect the default."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_switch_is_a_plain_form_that_sets_a_lasting_cookie(client, municipality):
    page = client.get("/odense/").text
    assert 'action="/i18n/setlang/"' in page and 'name="language" value="en"' in page
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/odense/organisationer/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/odense/organisationer/"
    assert response.cookies[COOKIE].value == "en"
    assert response.cookies[COOKIE]["max-age"] == settings.LANGUAGE_COOKIE_AGE
    assert 'lang="en">' in client.get("/odense/organisationer/").text


def test_switch_refuses_foreign_next_and_unknown_language(client):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert COOKIE not in response.cookies


def test_logged_in_choice_is_remembered(client, citizen):
    client.force_login(citizen)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert User.objects.get(pk=citizen.pk).preferred_language == "en"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert User.objects.get(pk=citizen.pk).preferred_language == "en"


def test_logging_in_switches_to_the_preferred_language(client):
    person = UserFactory(preferred_language="en")
    response = client.post(
        "/accounts/login/", {"login": person.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == "en"


def test_signing_up_in_english_keeps_english(client):
    client.cookies[COOKIE] = "en"
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "Olena Kovalenko",
            "email": "olena@example.org",
            "password1": "lange-gode-ord-2026",
            "password2": "lange-gode-ord-2026",
            "accept_terms": "on",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(email="olena@example.org")
    assert person.display_name == "Olena Kovalenko"
    assert person.preferred_language == "en"
