"""Follow-up carried out by a hearing: the action names it, the hearing lists the
action, and another municipality's or a not yet announced hearing is refused or
not shown."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from faelles.committees import services
from faelles.committees.factories import RecommendationFactory
from faelles.committees.models import Decision, FollowUpAction
from faelles.committees.phases import Phase
from faelles.dialogue.factories import HearingFactory
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation(municipality):
    return RecommendationFactory(
        committee__municipality=municipality,
        committee__phase=Phase.FOLLOW_UP,
        decision=Decision.ADOPTED,
        decided_at=timezone.localdate(),
    )


def _create(recommendation, actor, **extra):
    return services.action_create(
        recommendation=recommendation,
        actor=actor,
        title="Spørg borgerne om placeringen",
        owner=DepartmentFactory(municipality=recommendation.municipality),
        due_date=timezone.localdate() + timedelta(days=90),
        **extra,
    )


def test_a_hearing_carries_an_action_and_both_pages_link(
    client, municipality, employee, recommendation
):
    hearing = HearingFactory(municipality=municipality, title="Høring om ungehuset")
    action = _create(recommendation, employee, hearing=hearing)
    assert action.hearing == hearing
    page = client.get(action.get_absolute_url()).content.decode()
    assert hearing.get_absolute_url() in page and "Høring om ungehuset" in page
    page = client.get(hearing.get_absolute_url()).content.decode()
    assert action.get_absolute_url() in page
    assert recommendation.committee.title in page


def test_another_municipalitys_hearing_is_refused(
    municipality, other_municipality, employee, recommendation
):
    foreign = HearingFactory(municipality=other_municipality)
    with pytest.raises(ValidationError) as raised:
        _create(recommendation, employee, hearing=foreign)
    assert "hearing" in raised.value.message_dict
    assert not FollowUpAction.objects.exists()


def test_the_form_offers_only_this_municipalitys_hearings(
    client, municipality, other_municipality, employee, recommendation
):
    own = HearingFactory(municipality=municipality, title="Vores høring")
    foreign = HearingFactory(municipality=other_municipality, title="Deres høring")
    client.force_login(employee)
    create = reverse(
        "committees:action_create",
        kwargs={"municipality_slug": municipality.slug, "pk": recommendation.pk},
    )
    form = client.get(create).content.decode()
    assert "Vores høring" in form and "Deres høring" not in form
    answer = client.post(
        create,
        {
            "title": "Spørg borgerne",
            "owner": DepartmentFactory(municipality=municipality).pk,
            "due_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "hearing": foreign.pk,
        },
    )
    assert answer.status_code == 200 and "hearing" in answer.context["form"].errors
    assert not FollowUpAction.objects.exists()
    assert own.follow_up_actions.count() == 0


def test_a_hearing_not_yet_announced_is_not_linked_from_the_action(
    client, municipality, employee, recommendation
):
    later = timezone.now() + timedelta(days=10)
    hearing = HearingFactory(
        municipality=municipality,
        title="Kommende høring",
        announced_at=later,
        opens_at=later + timedelta(days=1),
        closes_at=later + timedelta(days=20),
    )
    action = _create(recommendation, employee, hearing=hearing)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Kommende høring" not in page and hearing.get_absolute_url() not in page


def test_deleting_the_hearing_keeps_the_action(municipality, employee, recommendation):
    hearing = HearingFactory(municipality=municipality)
    action = _create(recommendation, employee, hearing=hearing)
    hearing.delete()
    action.refresh_from_db()
    assert action.hearing is None
