"""The status page's results are kept in the cache (docs/status.md, "The cache"):
a second reader costs a fraction of the queries, and any change a source shows —
saved through the ORM, or by a service's queryset update — is there for the next
reader at once; "mine" is kept per reader."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faelles.accounts.factories import MembershipFactory
from faelles.committees.factories import FollowUpActionFactory, TaskCommitteeFactory
from faelles.committees.phases import Phase
from faelles.core.status_sources import connect_invalidation, status_version
from faelles.dialogue.factories import HearingFactory
from faelles.initiatives import services as initiative_services
from faelles.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

URL = "/odense/status/"


@pytest.fixture(autouse=True)
def _empty_cache(fresh_cache):
    """Each test starts without the status page's cached sections."""


def _queries(client, url=URL):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_second_reader_is_served_from_the_cache(client, municipality):
    action = FollowUpActionFactory(recommendation__committee__municipality=municipality)
    cold, first = _queries(client)
    warm, second = _queries(client)
    assert warm <= cold - 10, (cold, warm)
    assert action.title in first and action.title in second


def test_a_saved_change_shows_at_once(client, municipality):
    TaskCommitteeFactory(municipality=municipality, title="Første udvalg")
    _queries(client)
    TaskCommitteeFactory(
        municipality=municipality, title="Nyt udvalg om stier", phase=Phase.WORK
    )
    _count, page = _queries(client)
    assert "Nyt udvalg om stier" in page


def test_an_update_that_bypasses_save_shows_at_once(client, municipality, employee):
    """Answering an idea sets first_response_at with a queryset update; the idea
    must stop being overdue on the next read."""
    idea = InitiativeFactory(municipality=municipality, title="Bænke ved åen")
    before = status_version(municipality.pk)
    initiative_services._mark_response(idea, employee, idea.created_at)
    assert status_version(municipality.pk) != before


def test_another_municipalitys_change_keeps_this_page(municipality, other_municipality):
    before = status_version(municipality.pk)
    HearingFactory(municipality=other_municipality)
    assert status_version(municipality.pk) == before


def test_mine_is_kept_per_reader(client, municipality):
    committee = TaskCommitteeFactory(
        municipality=municipality, title="Formandens udvalg", phase=Phase.WORK
    )
    other = MembershipFactory(municipality=municipality, is_politician=True).user
    client.force_login(committee.chair)
    _count, page = _queries(client, URL + "?mine=on")
    assert "Formandens udvalg" in page
    client.force_login(other)
    _count, page = _queries(client, URL + "?mine=on")
    assert "Formandens udvalg" not in page


def test_every_dependency_is_a_model():
    labels = connect_invalidation()
    assert "committees.FollowUpAction" in labels and "dialogue.Hearing" in labels
