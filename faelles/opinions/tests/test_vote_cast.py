"""Vote rules: one current vote per person and statement, changing it updates it;
only members vote, only while the map is open, only on accepted statements."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faelles.core.models import AuditEntry
from faelles.opinions import services
from faelles.opinions.factories import OpinionMapFactory, StatementFactory
from faelles.opinions.models import Participant, StatementStatus, Vote
from faelles.opinions.phases import Phase
from faelles.participation.models import ParticipationAct

pytestmark = pytest.mark.django_db


@pytest.fixture
def opinion_map(municipality):
    return OpinionMapFactory(municipality=municipality)


def test_one_vote_per_person_and_statement_and_a_change_updates_it(
    opinion_map, citizen
):
    statement = StatementFactory(map=opinion_map)
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=1
    )
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=-1
    )
    votes = Vote.objects.filter(statement=statement)
    assert votes.count() == 1
    assert votes.get().value == -1
    assert Participant.objects.filter(map=opinion_map).count() == 1


def test_taking_part_is_recorded_once_per_map_dated_to_the_day(opinion_map, citizen):
    for statement in StatementFactory.create_batch(3, map=opinion_map):
        services.vote_cast(
            opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=0
        )
    acts = ParticipationAct.objects.filter(user=citizen, action="opinions.take_part")
    assert acts.count() == 1
    occurred = timezone.localtime(acts.get().occurred_at)
    assert (occurred.hour, occurred.minute, occurred.second) == (0, 0, 0)


def test_the_audit_log_counts_votes_without_the_person(opinion_map, citizen):
    statement = StatementFactory(map=opinion_map)
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=1
    )
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=0
    )
    entries = AuditEntry.objects.filter(action__startswith="opinions.vote")
    assert {e.action: e.count for e in entries} == {
        "opinions.vote_cast": 1,
        "opinions.vote_change": 1,
    }
    assert all(e.actor_id is None for e in entries)
    assert not any(str(statement.pk) in str(e.data) for e in entries)


@pytest.mark.parametrize("value", [2, -2, 5])
def test_a_vote_outside_agree_disagree_pass_is_refused(opinion_map, citizen, value):
    statement = StatementFactory(map=opinion_map)
    with pytest.raises(ValidationError):
        services.vote_cast(
            opinion_map=opinion_map,
            user=citizen,
            statement_id=statement.pk,
            value=value,
        )
    assert not Vote.objects.exists()


@pytest.mark.parametrize("status", [StatementStatus.PENDING, StatementStatus.REJECTED])
def test_only_accepted_statements_take_votes(opinion_map, citizen, status):
    statement = StatementFactory(map=opinion_map, status=status)
    with pytest.raises(ValidationError):
        services.vote_cast(
            opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=1
        )
    assert not Vote.objects.exists()
    assert not Participant.objects.exists()


def test_a_statement_of_another_map_is_refused(opinion_map, citizen):
    other = StatementFactory(
        map=OpinionMapFactory(municipality=opinion_map.municipality)
    )
    with pytest.raises(ValidationError):
        services.vote_cast(
            opinion_map=opinion_map, user=citizen, statement_id=other.pk, value=1
        )
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"phase": Phase.DRAFT},
        {"phase": Phase.CLOSED},
        {"closes_at": timezone.now() - timedelta(minutes=1)},
        {"opens_at": timezone.now() + timedelta(days=1)},
    ],
)
def test_votes_only_while_the_map_is_open(municipality, citizen, changes):
    opinion_map = OpinionMapFactory(municipality=municipality)
    statement = StatementFactory(map=opinion_map)
    for name, value in changes.items():
        setattr(opinion_map, name, value)
    if "opens_at" in changes:
        opinion_map.closes_at = changes["opens_at"] + timedelta(days=1)
    opinion_map.save()
    with pytest.raises(ValidationError):
        services.vote_cast(
            opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=1
        )
    assert not Vote.objects.exists()


def test_a_member_may_vote_and_an_outsider_may_not(opinion_map, citizen, outsider):
    assert citizen.has_perm("opinions.take_part", opinion_map)
    assert not outsider.has_perm("opinions.take_part", opinion_map)


def test_writing_a_statement_is_taking_part_but_staff_starting_statements_are_not(
    opinion_map, citizen, employee
):
    services.statement_add(
        opinion_map=opinion_map, user=citizen, text="Flere træer på torvet, tak"
    )
    services.statement_add(
        opinion_map=opinion_map,
        user=employee,
        text="Bymidten skal have et torv",
        accept=True,
    )
    acts = ParticipationAct.objects.filter(action="opinions.take_part")
    assert list(acts.values_list("user", flat=True)) == [citizen.pk]


def test_the_same_statement_twice_is_refused(opinion_map, citizen):
    services.statement_add(
        opinion_map=opinion_map, user=citizen, text="Flere træer på torvet, tak"
    )
    with pytest.raises(ValidationError):
        services.statement_add(
            opinion_map=opinion_map, user=citizen, text="flere  træer på torvet, TAK"
        )
    assert opinion_map.statements.count() == 1
