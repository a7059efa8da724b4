"""Confirmed and declined collaborations teach the matching index (issue 11, item 6)."""

import pytest

from faelles.resources import matches
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Proposal, Side

pytestmark = pytest.mark.django_db

WIDOWER = "Min kone døde i foråret, og nu står jeg i køkkenet uden at vide noget."
COOKING = "Madlavning for mænd: lær at lave mad fra bunden."


def _answered(municipality, status, n):
    for _ in range(n):
        Proposal.objects.create(
            municipality=municipality,
            need=NeedFactory(municipality=municipality, title="Alene", text=WIDOWER),
            offer=ListingFactory(municipality=municipality, title="Mad", text=COOKING),
            status=status,
        )


def test_five_accepted_collaborations_make_an_association(municipality):
    _answered(municipality, Proposal.Status.ACCEPTED, 4)
    assert matches.learned_associations(municipality.pk, Side.OFFER) == {}
    _answered(municipality, Proposal.Status.ACCEPTED, 1)
    learned = matches.learned_associations(municipality.pk, Side.OFFER)
    assert learned["c:sorg"]["c:madlavning"] == 1.0
    # The needs' index (an offer asking) has it the other way round.
    inverted = matches.learned_associations(municipality.pk, Side.NEED)
    assert inverted["c:madlavning"]["c:sorg"] == 1.0


def test_declines_weaken_and_dismissals_do_not_count(municipality):
    _answered(municipality, Proposal.Status.ACCEPTED, 5)
    _answered(municipality, Proposal.Status.DECLINED, 1)
    _answered(municipality, Proposal.Status.DISMISSED, 3)
    learned = matches.learned_associations(municipality.pk, Side.OFFER)
    assert learned["c:sorg"]["c:madlavning"] == 0.8


def test_no_words_or_people_in_what_is_learned(municipality):
    _answered(municipality, Proposal.Status.ACCEPTED, 6)
    learned = matches.learned_associations(municipality.pk, Side.OFFER)
    terms = set(learned) | {b for related in learned.values() for b in related}
    assert terms and all(t.startswith("c:") for t in terms)


def test_the_index_uses_what_was_learned(municipality, other_municipality):
    _answered(municipality, Proposal.Status.ACCEPTED, 5)
    matches.clear_cache()
    index = matches.index_for(municipality.pk, Side.OFFER)
    assert index.associations["c:sorg"]["c:madlavning"] == 1.0
    # Another municipality learns only from its own people.
    assert matches.index_for(other_municipality.pk, Side.OFFER).associations == {}
