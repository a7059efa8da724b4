"""The update reads the votes whole or from its snapshot plus the changes: the same
matrix either way, and a snapshot it cannot trust is never used."""

from datetime import timedelta

import numpy as np
import pytest
from django.utils import timezone

from faelles.opinionmap import VoteMatrix
from faelles.opinions import services, snapshot
from faelles.opinions.factories import (
    OpinionMapFactory,
    ParticipantFactory,
    StatementFactory,
)
from faelles.opinions.models import Participant, Result, Vote, VoteSnapshot

pytestmark = pytest.mark.django_db


def _expected(opinion_map) -> VoteMatrix:
    """The matrix the slow, obvious way: every vote through the ORM."""
    rows = list(
        Vote.objects.filter(map=opinion_map).values_list(
            "participant__number", "statement_id", "value"
        )
    )
    if not rows:
        return VoteMatrix((), (), np.zeros((0, 0)))
    p, s, v = zip(*rows, strict=True)
    return VoteMatrix.from_arrays(p, s, v)


def _same(a: VoteMatrix, b: VoteMatrix) -> None:
    assert a.participants == b.participants
    assert a.statements == b.statements
    np.testing.assert_array_equal(a.values, b.values)  # NaN equals NaN here


def _vote(opinion_map, participant, statement, value, when):
    return Vote.objects.update_or_create(
        participant=participant,
        statement=statement,
        defaults={
            "municipality": opinion_map.municipality,
            "map": opinion_map,
            "value": value,
            "updated_at": when,
        },
    )[0]


def test_a_full_read_is_the_obvious_matrix(grouped_map):
    opinion_map, _statements, _people = grouped_map
    votes = snapshot.read_votes(opinion_map)
    assert votes.full
    _same(votes.matrix, _expected(opinion_map))
    assert votes.count == Vote.objects.filter(map=opinion_map).count()


def test_without_the_one_text_query_the_votes_are_read_row_by_row(
    grouped_map, monkeypatch
):
    """Ids too large to pack into one number (or another database): three columns."""
    opinion_map, _statements, _people = grouped_map
    monkeypatch.setattr(snapshot, "_codes_query", lambda since: None)
    now = timezone.now()
    votes = snapshot.read_votes(opinion_map, now=now)
    _same(votes.matrix, _expected(opinion_map))
    snapshot.store(opinion_map, votes)
    participant = ParticipantFactory(map=opinion_map)
    statement = StatementFactory(map=opinion_map)
    _vote(opinion_map, participant, statement, 1, now + timedelta(minutes=1))
    votes = snapshot.read_votes(opinion_map, now=now + timedelta(minutes=2))
    assert not votes.full
    _same(votes.matrix, _expected(opinion_map))


def test_participants_and_statements_without_votes_are_not_in_the_matrix(
    grouped_map,
):
    opinion_map, _statements, _people = grouped_map
    ParticipantFactory(map=opinion_map)  # joined, has not voted
    StatementFactory(map=opinion_map)  # nobody has seen it yet
    _same(snapshot.read_votes(opinion_map).matrix, _expected(opinion_map))


def test_another_maps_votes_stay_out(grouped_map):
    opinion_map, _statements, _people = grouped_map
    other = OpinionMapFactory(municipality=opinion_map.municipality)
    _vote(
        other,
        ParticipantFactory(map=other),
        StatementFactory(map=other),
        1,
        timezone.now(),
    )
    _same(snapshot.read_votes(opinion_map).matrix, _expected(opinion_map))


def test_after_changes_the_snapshot_gives_the_same_matrix_as_a_full_read(
    grouped_map,
):
    opinion_map, statements, people = grouped_map
    now = timezone.now()
    snapshot.store(opinion_map, snapshot.read_votes(opinion_map, now=now))
    later = now + timedelta(minutes=10)
    newcomer = ParticipantFactory(map=opinion_map)
    new_statement = StatementFactory(map=opinion_map)
    old = Vote.objects.filter(map=opinion_map).first()
    _vote(opinion_map, old.participant, old.statement, -old.value or 1, later)
    _vote(opinion_map, newcomer, statements[0], 0, later)
    _vote(opinion_map, people[3], new_statement, -1, later)
    # a request that started before the snapshot was read and committed after it
    _vote(opinion_map, newcomer, statements[1], 1, now - timedelta(seconds=30))

    votes = snapshot.read_votes(opinion_map, now=later + timedelta(seconds=1))
    assert not votes.full, "read from the snapshot and the changes"
    _same(votes.matrix, _expected(opinion_map))
    assert votes.full_read_at == now


def test_a_deleted_statement_makes_the_next_read_whole(grouped_map):
    opinion_map, statements, _people = grouped_map
    snapshot.store(opinion_map, snapshot.read_votes(opinion_map))
    statements[2].delete()
    votes = snapshot.read_votes(opinion_map)
    assert votes.full
    _same(votes.matrix, _expected(opinion_map))
    assert statements[2].pk not in votes.matrix.statements


def test_votes_arriving_with_old_times_make_the_next_read_whole(grouped_map):
    """An import brings votes dated long before the snapshot: the count gives it away."""
    opinion_map, statements, _people = grouped_map
    snapshot.store(opinion_map, snapshot.read_votes(opinion_map))
    imported = ParticipantFactory(map=opinion_map)
    _vote(opinion_map, imported, statements[0], 1, timezone.now() - timedelta(days=400))
    votes = snapshot.read_votes(opinion_map)
    assert votes.full
    assert imported.number in votes.matrix.participants
    _same(votes.matrix, _expected(opinion_map))


def test_an_old_snapshot_is_not_trusted(grouped_map):
    opinion_map, _statements, _people = grouped_map
    then = timezone.now() - snapshot.FULL_READ_AFTER - timedelta(minutes=1)
    snapshot.store(opinion_map, snapshot.read_votes(opinion_map, now=then))
    assert snapshot.read_votes(opinion_map).full


def test_pack_and_unpack_keep_every_cell():
    rng = np.random.default_rng(3)
    for n, m in ((0, 0), (1, 1), (3, 5), (7, 13), (40, 33)):
        values = rng.choice([-1.0, 0.0, 1.0, np.nan], size=(n, m))
        matrix = VoteMatrix(
            tuple(range(100, 100 + n)), tuple(range(7, 7 + 2 * m, 2)), values
        )
        _same(snapshot.unpack(snapshot.pack(matrix)), matrix)


def test_the_update_keeps_a_snapshot_and_computes_the_same_from_it(grouped_map):
    opinion_map, _statements, _people = grouped_map
    first = services.result_compute(map_id=opinion_map.pk)
    kept = VoteSnapshot.objects.get(map=opinion_map)
    assert kept.votes == first.votes_counted
    groups, summary = first.participant_groups, first.summary
    second = services.result_compute(map_id=opinion_map.pk)  # from the snapshot
    assert second.participant_groups == groups
    assert second.summary["groups"] == summary["groups"]
    assert Result.objects.filter(map=opinion_map).count() == 1


def test_the_snapshot_goes_with_the_map(grouped_map):
    opinion_map, _statements, _people = grouped_map
    services.result_compute(map_id=opinion_map.pk)
    opinion_map.delete()
    assert not VoteSnapshot.objects.exists()
    assert not Participant.objects.filter(map_id=opinion_map.pk).exists()


def test_a_vote_on_another_maps_statement_is_refused():
    ids = np.array([10, 11, 12])
    with pytest.raises(ValueError, match="another map"):
        snapshot._index(ids, np.array([10, 13]))
    with pytest.raises(ValueError, match="another map"):
        snapshot._index(ids, np.array([10, 9_000_000]))  # sparse: searchsorted
    assert snapshot._index(ids, np.array([12, 10])).tolist() == [2, 0]
