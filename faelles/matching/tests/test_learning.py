import pytest

from faelles.matching import MatchIndex
from faelles.matching.learning import learn_associations
from faelles.matching.tests.factories import record

pytestmark = pytest.mark.engine

YES = (["c:sorg"], ["c:madlavning"], True)
NO = (["c:sorg"], ["c:madlavning"], False)


def test_a_pair_needs_the_minimum_count():
    assert learn_associations([YES] * 4) == {}
    assert learn_associations([YES] * 5) == {"c:sorg": {"c:madlavning": 1.0}}


def test_declines_weaken_and_can_cancel_a_pair():
    assert learn_associations([YES] * 5 + [NO]) == {"c:sorg": {"c:madlavning": 0.8}}
    assert learn_associations([YES] * 5 + [NO] * 5) == {}


def test_only_concepts_are_learned_never_words():
    learned = learn_associations([(["w:grethe", "c:sorg"], ["w:ib"], True)] * 9)
    assert learned == {}


def test_learned_associations_bring_an_offer_forward():
    need = record("Alene i køkkenet", "Min kone døde, og jeg aner ikke noget om mad.")
    offer = record("Madlavning for mænd", "Lær at lave hverdagsmad fra bunden.")
    plain = MatchIndex.build([offer]).query(need)
    learned = learn_associations([(["c:sorg"], ["c:madlavning"], True)] * 5)
    taught = MatchIndex.build([offer], associations=learned).query(need)
    assert taught and taught[0].score > (plain[0].score if plain else 0)
