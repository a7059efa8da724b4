"""Staff only: the directory does not exist for citizens, politicians or another
municipality's people (404); an anonymous visitor is sent to log in."""

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.competences.factories import QuestionFactory

from .conftest import BASE

pytestmark = pytest.mark.django_db

PAGES = ["", "min-profil/", "spoerg-alle/", "spoergsmaal/"]


@pytest.mark.parametrize("tail", PAGES)
def test_anonymous_goes_to_login(client, municipality, tail):
    response = client.get(f"{BASE}{tail}")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("tail", PAGES)
def test_citizen_politician_moderator_get_404(
    client, citizen, politician, moderator, tail
):
    for person in (citizen, politician, moderator):
        client.force_login(person)
        assert client.get(f"{BASE}{tail}").status_code == 404


@pytest.mark.parametrize("tail", PAGES)
def test_employee_sees_every_page(client, employee, tail):
    client.force_login(employee)
    assert client.get(f"{BASE}{tail}").status_code == 200


def test_another_municipality_employee_gets_404(
    client, other_municipality, colleague_profile
):
    outsider = MembershipFactory(municipality=other_municipality, is_employee=True).user
    client.force_login(outsider)
    assert client.get(BASE).status_code == 404
    assert client.get(f"{BASE}{colleague_profile.pk}/").status_code == 404


def test_profile_page(client, employee, colleague_profile, citizen):
    client.force_login(employee)
    page = client.get(f"{BASE}{colleague_profile.pk}/").content.decode()
    assert "diabetesforening" in page and "arabisk" in page
    client.force_login(citizen)
    assert client.get(f"{BASE}{colleague_profile.pk}/").status_code == 404
    client.logout()
    response = client.get(f"{BASE}{colleague_profile.pk}/")
    assert "/accounts/login/" in response["Location"]


def test_a_question_is_seen_only_by_those_it_is_between(client, municipality, employee):
    question = QuestionFactory(municipality=municipality)
    url = f"{BASE}spoergsmaal/{question.pk}/"
    client.force_login(employee)
    assert client.get(url).status_code == 404
    client.force_login(question.asker)
    assert client.get(url).status_code == 200
    client.force_login(question.recipient)
    assert client.get(url).status_code == 200
