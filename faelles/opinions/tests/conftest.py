import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.opinions.factories import OpinionMapFactory

from .synthetic import grouped_votes


@pytest.fixture
def opinion_map(municipality):
    return OpinionMapFactory(municipality=municipality)


@pytest.fixture
def grouped_map(opinion_map):
    made, participants = grouped_votes(opinion_map)
    return opinion_map, made, participants


@pytest.fixture
def member(municipality):
    return MembershipFactory(municipality=municipality).user
