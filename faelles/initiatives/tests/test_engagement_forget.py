"""Supports, participations and follows on account deletion: the counters are
corrected by a service called from ``gdpr.delete_personal_data``, never a signal.

The hook is called here without deleting the account, so these tests fail when
the rule is moved into a receiver on the user's deletion or the hook skips it.
"""

import pytest

from faelles.initiatives import gdpr, services
from faelles.initiatives.factories import InitiativeFactory
from faelles.initiatives.models import Follow, Initiative, Participation, Support
from faelles.organisations.factories import OrganisationMemberFactory

pytestmark = pytest.mark.django_db


def _counters(initiative) -> tuple[int, int, int]:
    initiative = Initiative.objects.get(pk=initiative.pk)
    return (
        initiative.support_count,
        initiative.participant_count,
        initiative.follower_count,
    )


def test_the_hook_removes_engagement_and_corrects_the_counters(
    municipality, citizen, politician
):
    first = InitiativeFactory(municipality=municipality)
    second = InitiativeFactory(municipality=municipality)
    organisation = OrganisationMemberFactory(
        user=politician, organisation__municipality=municipality
    ).organisation
    for initiative in (first, second):
        services.support_toggle(initiative=initiative, user=politician)
        services.follow_toggle(initiative=initiative, user=politician)
        services.support_toggle(initiative=initiative, user=citizen)
    # Supporting and joining for an organisation counts too, and goes with the person.
    services.support_toggle(
        initiative=first, user=politician, organisation=organisation
    )
    services.participation_join(
        initiative=first, user=politician, role="Tømrer", organisation=organisation
    )
    services.participation_join(initiative=first, user=citizen, role="Maler")
    assert _counters(first) == (3, 2, 1)

    gdpr.delete_personal_data(politician)

    assert _counters(first) == (1, 1, 0)
    assert _counters(second) == (1, 0, 0)
    for model in (Support, Participation, Follow):
        assert not model.objects.filter(user=politician).exists()
    assert Support.objects.filter(user=citizen).count() == 2


def test_nothing_changes_for_someone_without_engagement(municipality, citizen):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    services.support_toggle(initiative=initiative, user=citizen)
    other = OrganisationMemberFactory(organisation__municipality=municipality).user

    services.engagement_forget(user=other)

    assert _counters(initiative) == (1, 0, 0)
