"""The committee pages read a bounded number of queries, whatever their size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faelles.committees.factories import (
    FollowUpActionFactory,
    MeetingFactory,
    RecommendationFactory,
    TaskCommitteeFactory,
)
from faelles.committees.models import CommitteeMember, Milestone
from faelles.committees.phases import Phase

pytestmark = pytest.mark.django_db


def _committee(municipality, size: int):
    from faelles.accounts.factories import MembershipFactory

    committee = TaskCommitteeFactory(municipality=municipality, phase=Phase.FOLLOW_UP)
    for _ in range(size):
        CommitteeMember.objects.create(
            municipality=municipality,
            committee=committee,
            user=MembershipFactory(municipality=municipality).user,
            role="citizen",
        )
        MeetingFactory(committee=committee)
        recommendation = RecommendationFactory(
            committee=committee, decision="adopted", decided_at="2026-01-01"
        )
        action = FollowUpActionFactory(recommendation=recommendation)
        Milestone.objects.create(
            municipality=municipality, action=action, title="m", due_date="2026-02-01"
        )
    return committee, action


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "page", ["list", "detail", "recommendation", "action", "politician"]
)
def test_pages_do_not_grow_with_the_committee(client, municipality, page):
    counts = []
    for size in (1, 6):
        committee, action = _committee(municipality, size)
        kwargs = {
            "list": {},
            "detail": {"pk": committee.pk},
            "recommendation": {"pk": action.recommendation_id},
            "action": {"pk": action.pk},
            "politician": {"user_id": committee.chair_id},
        }[page]
        from django.urls import reverse

        url = reverse(
            f"committees:{page}", kwargs={"municipality_slug": "odense", **kwargs}
        )
        counts.append(_queries(client, url))
    assert counts[1] <= counts[0] <= 15, counts  # the first also warms a cache
