"""The directory's search: Danish analysis as in matching, only what is shared,
only current employees, filters by department and language, bounded queries."""

import pytest

from faelles.accounts.models import Membership
from faelles.competences import selectors
from faelles.competences.factories import employee_in, profile_for
from faelles.competences.models import Sharing
from faelles.organisations.factories import DepartmentFactory

from .conftest import BASE

pytestmark = pytest.mark.django_db


def _names(results):
    return [hit.profile.user.display_name for hit in results.hits]


def test_kan_tale_arabisk_finds_arabisk(colleague_profile, municipality, colleague):
    results = selectors.search(municipality=municipality, text="kan tale arabisk")
    assert _names(results) == [colleague.display_name]
    assert results.searched


def test_compound_and_inflection(colleague_profile, municipality):
    assert selectors.search(municipality=municipality, text="diabetes").hits
    assert selectors.search(municipality=municipality, text="roklubben").hits


def test_words_rank_before_concepts(municipality, colleague_profile, colleague):
    interpreter = employee_in(municipality)
    profile_for(interpreter, municipality, skills="Jeg er uddannet tolk i polsk")
    results = selectors.search(municipality=municipality, text="arabisk")
    assert _names(results)[0] == colleague.display_name


def test_private_parts_are_not_found(municipality):
    person = employee_in(municipality)
    profile_for(
        person,
        municipality,
        skills="Kan lave hjemmesider",
        languages=["ar"],
        languages_sharing=Sharing.PRIVATE,
        experience="Har selv haft en depression",
        experience_consent=True,
    )
    assert not selectors.search(municipality=municipality, text="arabisk").hits
    assert not selectors.search(municipality=municipality, text="depression").hits
    assert selectors.search(municipality=municipality, text="hjemmesider").hits


def test_a_former_employee_is_not_listed(colleague_profile, colleague, municipality):
    Membership.objects.filter(user=colleague).update(is_employee=False, department=None)
    assert not selectors.search(municipality=municipality, text="arabisk").hits
    assert not selectors.search(municipality=municipality).hits


def test_a_closed_account_is_not_listed(colleague_profile, colleague, municipality):
    colleague.is_active = False
    colleague.save(update_fields=["is_active"])
    assert not selectors.search(municipality=municipality, text="arabisk").hits
    assert not selectors.search(municipality=municipality).hits
    assert not selectors.search(municipality=municipality, language="ar").hits


def test_words_and_language_together(colleague_profile, colleague, municipality):
    other = employee_in(municipality)
    profile_for(other, municipality, skills="Kender til fundraising", languages=["pl"])
    third = employee_in(municipality)
    profile_for(third, municipality, skills="Fundraising og fonde", languages=["ar"])
    polish = selectors.search(
        municipality=municipality, text="fundraising", language="pl"
    )
    assert _names(polish) == [other.display_name]
    assert polish.total == 1


def test_a_profile_in_another_municipality_is_not_found(colleague_profile):
    elsewhere = employee_in(other_place := DepartmentFactory().municipality)
    profile_for(elsewhere, other_place, skills="Kan tale arabisk")
    found = selectors.search(
        municipality=colleague_profile.municipality, text="arabisk"
    )
    assert [h.profile.pk for h in found.hits] == [colleague_profile.pk]


def test_stop_words_only(colleague_profile, municipality):
    results = selectors.search(municipality=municipality, text="kan og det")
    assert results.empty_query and not results.hits


def test_filters(colleague_profile, colleague, municipality):
    other_department = DepartmentFactory(municipality=municipality, name="Teknik")
    other = employee_in(municipality, department=other_department)
    profile_for(other, municipality, skills="Kender til fundraising", languages=["pl"])
    department = colleague.memberships.get().department
    both = selectors.search(municipality=municipality, text="fundraising")
    assert len(both.hits) == 2
    only = selectors.search(
        municipality=municipality, text="fundraising", department=department
    )
    assert _names(only) == [colleague.display_name]
    polish = selectors.search(municipality=municipality, language="pl")
    assert _names(polish) == [other.display_name]


def test_sub_departments_are_included(municipality):
    top = DepartmentFactory(municipality=municipality, name="Børn og Unge")
    unit = DepartmentFactory(municipality=municipality, name="Dagpleje", parent=top)
    person = employee_in(municipality, department=unit)
    profile_for(person, municipality, skills="Kan tegnsprog")
    results = selectors.search(municipality=municipality, department=top)
    assert _names(results) == [person.display_name]


def test_another_municipality_is_never_searched(colleague_profile, other_municipality):
    person = employee_in(other_municipality)
    profile_for(person, other_municipality, skills="Taler arabisk")
    results = selectors.search(municipality=other_municipality, text="arabisk")
    assert _names(results) == [person.display_name]


def test_paging(municipality):
    for i in range(5):
        profile_for(employee_in(municipality), municipality, skills=f"Kan sejle {i}")
    first = selectors.search(municipality=municipality, text="sejle", per_page=2)
    assert first.total == 5 and first.pages == 3 and len(first.hits) == 2
    last = selectors.search(municipality=municipality, text="sejle", per_page=2, page=9)
    assert last.page == 3 and len(last.hits) == 1


def test_index_page_queries_are_bounded(
    client, employee, municipality, django_assert_max_num_queries
):
    for i in range(30):
        department = DepartmentFactory(municipality=municipality)
        profile_for(
            employee_in(municipality, department=department),
            municipality,
            skills=f"Kan tale arabisk og spille fodbold {i}",
            languages=["ar"],
        )
    client.force_login(employee)
    with django_assert_max_num_queries(16):
        response = client.get(f"{BASE}?q=kan+tale+arabisk")
    page = response.content.decode()
    assert response.status_code == 200
    assert "30 kolleger" in page
    with django_assert_max_num_queries(16):
        assert client.get(f"{BASE}?sprog=ar&side=2").status_code == 200


def test_index_page_explains_a_search_of_small_words(
    client, employee, colleague_profile
):
    client.force_login(employee)
    page = client.get(f"{BASE}?q=kan+og").content.decode()
    assert "kun småord" in page
