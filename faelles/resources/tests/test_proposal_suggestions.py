"""The engine's suggestions for the facilitation queue, and what stops them."""

import datetime as dt

import pytest
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.notifications.models import Notification
from faelles.resources import services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Proposal

pytestmark = pytest.mark.django_db


def _need(municipality, **kw):
    kw.setdefault("created_at", timezone.now() - dt.timedelta(days=5))
    return NeedFactory(
        municipality=municipality,
        owner=MembershipFactory(municipality=municipality).user,
        title="Nogen at gå natteravn med",
        text="Vi søger voksne, der vil gå natteravn fredag aften i bydelen.",
        categories=["local.safety"],
        **kw,
    )


def _offer(municipality, **kw):
    kw.setdefault("title", "Jeg går gerne natteravn")
    kw.setdefault("text", "Jeg vil gerne være natteravn en fredag om måneden.")
    return ListingFactory(
        municipality=municipality,
        owner=MembershipFactory(municipality=municipality).user,
        categories=["local.safety"],
        **kw,
    )


def test_unanswered_need_gets_the_engines_best_offer(municipality):
    need = _need(municipality)
    best = _offer(municipality)
    _offer(municipality, title="Cykelreparation", text="Jeg lapper cykler.")
    assert services.suggestions_generate(municipality=municipality) == 1
    proposal = Proposal.objects.get()
    assert (proposal.need, proposal.offer) == (need, best)
    assert proposal.status == Proposal.Status.SUGGESTED
    assert proposal.by_engine and proposal.proposed_by is None
    assert proposal.score >= services.MIN_SUGGESTION_SCORE
    assert "Begge nævner natteravn og fredag" in [r["da"] for r in proposal.reasons]
    # Nobody hears of it before an employee has looked at it.
    assert not Notification.objects.exists()
    # Running again adds nothing: the need now has an open proposal.
    assert services.suggestions_generate(municipality=municipality) == 0


def test_new_needs_get_time_to_find_help_themselves(municipality):
    _need(municipality, created_at=timezone.now() - dt.timedelta(hours=5))
    _offer(municipality)
    assert services.suggestions_generate(municipality=municipality) == 0
    assert services.suggestions_generate(municipality=municipality, older_than_days=0)


def test_a_dismissed_or_declined_pair_is_never_suggested_again(municipality, employee):
    need = _need(municipality)
    first = _offer(municipality)
    services.suggestions_generate(municipality=municipality)
    services.proposal_dismiss(proposal=Proposal.objects.get(), actor=employee)
    second = _offer(municipality, title="Natteravn i weekenden")
    assert services.suggestions_generate(municipality=municipality) == 1
    suggestion = Proposal.objects.get(status=Proposal.Status.SUGGESTED)
    assert suggestion.offer == second
    confirmed = services.proposal_confirm(proposal=suggestion, actor=employee)
    services.proposal_decline(proposal=confirmed, actor=need.owner)
    assert services.suggestions_generate(municipality=municipality) == 0
    assert set(Proposal.objects.values_list("offer_id", flat=True)) == {
        first.pk,
        second.pk,
    }


def test_weak_matches_are_not_suggested(municipality):
    _need(municipality)
    _offer(municipality, title="Hjælp", text="Jeg hjælper med lidt af hvert.")
    assert services.suggestions_generate(municipality=municipality, min_score=9) == 0


def test_confirming_asks_both_and_adjusting_picks_an_alternative(
    client, municipality, employee
):
    need = _need(municipality)
    offers = [
        _offer(municipality),
        _offer(municipality, title="Natteravn fredag", text="Natteravn."),
    ]
    services.suggestions_generate(municipality=municipality)
    suggestion = Proposal.objects.get()
    (alternative,) = [o for o in offers if o != suggestion.offer]
    client.force_login(employee)
    page = client.get(suggestion.get_absolute_url()).text
    assert "Foreslået af Fælles" in page
    assert alternative.title in page  # offered as an alternative
    client.post(
        suggestion.get_absolute_url() + "bekraeft/",
        {"adjust": "1", "offer": str(alternative.pk)},
    )
    suggestion.refresh_from_db()
    assert suggestion.status == Proposal.Status.DISMISSED
    adjusted = Proposal.objects.get(status=Proposal.Status.PROPOSED)
    assert adjusted.offer == alternative and adjusted.adjusted_from == suggestion
    assert adjusted.facilitator == employee
    assert (
        Notification.objects.filter(
            recipient__in=[need.owner, alternative.owner],
            kind="resources.match_proposed",
        ).count()
        == 2
    )


def test_adjust_needs_exactly_one_choice(client, municipality, employee):
    _need(municipality)
    _offer(municipality)
    alternative = _offer(municipality, title="Natteravn fredag", text="Natteravn.")
    services.suggestions_generate(municipality=municipality)
    suggestion = Proposal.objects.get()
    client.force_login(employee)
    both = {"adjust": "1", "offer": str(alternative.pk), "number": str(alternative.pk)}
    for data in ({"adjust": "1"}, both):
        client.post(suggestion.get_absolute_url() + "bekraeft/", data)
        suggestion.refresh_from_db()
        assert suggestion.status == Proposal.Status.SUGGESTED
    # A number that is not an offer here is a 404, and changes nothing.
    response = client.post(
        suggestion.get_absolute_url() + "bekraeft/", {"adjust": "1", "number": "99999"}
    )
    assert response.status_code == 404
    assert Proposal.objects.count() == 1
