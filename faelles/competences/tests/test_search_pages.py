"""The page of hits and their number come from one query (a window count);
a page past the last, or a page of a search without hits, still says how many
there are and shows the last page."""

import pytest

from faelles.competences import selectors
from faelles.competences.factories import employee_in, profile_for

pytestmark = pytest.mark.django_db


def _names(results):
    return [hit.profile.user.display_name for hit in results.hits]


def test_everyone_by_name_page_by_page_and_past_the_last(municipality):
    people = [employee_in(municipality) for _ in range(5)]
    for person in people:
        profile_for(person, municipality, skills="Kan sejle")
    by_name = sorted(p.display_name for p in people)
    seen = []
    for page in (1, 2, 3):
        results = selectors.search(municipality=municipality, per_page=2, page=page)
        assert (results.total, results.pages, results.page) == (5, 3, page)
        seen += _names(results)
    assert seen == by_name
    past = selectors.search(municipality=municipality, per_page=2, page=40)
    assert (past.total, past.pages, past.page) == (5, 3, 3)
    assert _names(past) == by_name[4:]


def test_no_hits_on_any_page(municipality):
    profile_for(employee_in(municipality), municipality, skills="Kan sejle")
    for page in (1, 7):
        results = selectors.search(municipality=municipality, text="fodbold", page=page)
        assert (results.total, results.pages, results.page) == (0, 1, 1)
        assert not results.hits and results.searched


def test_the_number_of_hits_counts_profiles_not_terms(municipality):
    for _ in range(3):
        profile_for(
            employee_in(municipality),
            municipality,
            skills="Taler arabisk",
            languages=["ar"],
        )
    results = selectors.search(municipality=municipality, text="arabisk tolk")
    assert results.total == 3 and len(results.hits) == 3
