"""The opinion-map engine: the Polis rules and its invariants (no database)."""

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelles.opinionmap import StatementChooser, VoteMatrix, next_statement, update
from faelles.opinionmap.clusters import kmeans, silhouette
from faelles.opinionmap.engine import prop_test, two_prop_test
from faelles.opinionmap.next import NEW_STATEMENT_PRIORITY

pytestmark = pytest.mark.engine


def camps(n=60, m=12, seed=0, density=0.8):
    """Two camps who disagree on every statement, with some noise and gaps."""
    rng = np.random.default_rng(seed)
    side = np.where(np.arange(n) % 2 == 0, 1.0, -1.0)
    lean = np.where(np.arange(m) % 3 == 0, 1.0, -1.0)
    values = side[:, None] * lean[None, :]
    flip = rng.random((n, m)) < 0.1
    values = np.where(flip, -values, values)
    values[rng.random((n, m)) > density] = np.nan
    votes = []
    for i in range(n):
        for j in range(m):
            if not np.isnan(values[i, j]):
                votes.append((f"p{i:03d}", j, int(values[i, j]), float(i * m + j)))
    return votes


def groups_as_sets(result):
    return {frozenset(g.members) for g in result.groups}


def test_latest_vote_wins_whatever_the_input_order():
    votes = [("a", 1, 1, 10.0), ("a", 1, -1, 20.0), ("b", 1, 0, 5.0)]
    for order in (votes, votes[::-1]):
        m = VoteMatrix.from_votes(order)
        assert m.participants == ("a", "b")
        assert m.values[0, 0] == -1 and m.values[1, 0] == 0


def test_from_arrays_agrees_with_from_votes():
    rng = random.Random(4)
    votes = [
        (rng.randrange(20), rng.randrange(8), rng.choice((-1, 0, 1)), rng.random())
        for _ in range(300)
    ]
    a = VoteMatrix.from_votes(votes)
    b = VoteMatrix.from_arrays(*zip(*votes, strict=True))
    assert a.participants == b.participants and a.statements == b.statements
    np.testing.assert_array_equal(a.values, b.values)


def test_a_vote_that_is_not_agree_disagree_or_pass_is_refused():
    from faelles.opinionmap import VoteError

    with pytest.raises(VoteError):
        VoteMatrix.from_votes([("a", 1, 2, 0.0)])


def test_two_camps_become_two_groups_with_their_own_statements():
    result = update(VoteMatrix.from_votes(camps()))
    assert len(result.groups) == 2
    evens = {f"p{i:03d}" for i in range(0, 60, 2)}
    assert any(set(g.members) == evens for g in result.groups)
    for g in result.groups:
        assert g.representative, "every group gets at least one statement"
        camp = 1.0 if set(g.members) == evens else -1.0
        for r in g.representative:
            lean = 1.0 if r.statement % 3 == 0 else -1.0
            assert r.agree == (camp * lean > 0)


def test_participants_join_after_seven_votes_or_every_statement():
    votes = camps(n=40, m=12, density=1.0)
    votes += [("late", j, 1, 1e6 + j) for j in range(6)]  # six of twelve
    result = update(VoteMatrix.from_votes(votes))
    assert "late" not in result.in_conv
    votes.append(("late", 6, 1, 2e6))
    assert "late" in update(VoteMatrix.from_votes(votes)).in_conv
    few = [(p, s, 1, 0.0) for p in "abcdefghijklmnopq" for s in range(3)]
    assert len(update(VoteMatrix.from_votes(few)).in_conv) == 17  # min(7, 3) = 3


def test_projection_is_scaled_for_sparse_voters():
    # Only the statements voted on count, then × sqrt(statements / votes).
    votes = camps(n=40, m=12, density=1.0)
    votes += [("half", j, 1 if j % 3 == 0 else -1, 1e6) for j in range(0, 12, 2)]
    result = update(VoteMatrix.from_votes(votes))
    i = result.participants.index("half")
    values = VoteMatrix.from_votes(votes).values[i]
    voted = ~np.isnan(values)
    expected = (values[voted] - result.center[voted]) @ result.components[:, voted].T
    np.testing.assert_allclose(result.projections[i], expected * np.sqrt(12 / 6))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_the_map_does_not_depend_on_the_order_of_votes(rng):
    votes = camps(n=40, m=10)
    shuffled = votes[:]
    rng.shuffle(shuffled)
    a = update(VoteMatrix.from_votes(votes))
    b = update(VoteMatrix.from_votes(shuffled))
    assert groups_as_sets(a) == groups_as_sets(b)
    np.testing.assert_allclose(a.projections, b.projections)
    assert a.consensus == b.consensus


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from((-1, 0, 1)), min_size=40, max_size=40))
def test_votes_on_moderated_out_statements_change_nothing(new_values):
    votes = camps(n=40, m=10, density=1.0)
    changed = [
        (p, s, new_values[int(p[1:])] if s == 3 else v, t) for p, s, v, t in votes
    ]
    a = update(VoteMatrix.from_votes(votes), moderated_out={3})
    b = update(VoteMatrix.from_votes(changed), moderated_out={3})
    assert groups_as_sets(a) == groups_as_sets(b)
    np.testing.assert_allclose(a.projections, b.projections)
    for ga in a.groups:
        assert all(r.statement != 3 for r in ga.representative)
    assert 3 not in a.consensus and 3 not in a.priorities


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000))
def test_an_update_with_no_new_votes_keeps_the_groups(seed):
    votes = camps(n=50, m=10, seed=seed % 7)
    first = update(VoteMatrix.from_votes(votes))
    again = update(VoteMatrix.from_votes(votes), previous=first.state)
    assert groups_as_sets(again) == groups_as_sets(first)
    assert [g.id for g in again.groups] == [g.id for g in first.groups]


def test_a_participant_once_placed_stays_placed():
    votes = camps(n=40, m=12, density=1.0)
    votes += [("x", j, 1, 1e6 + j) for j in range(7)]
    first = update(VoteMatrix.from_votes(votes))
    assert "x" in first.in_conv
    # Fewer statements later count as votes (e.g. after a re-import): x stays in.
    fewer = [v for v in votes if not (v[0] == "x" and v[1] >= 3)]
    later = update(VoteMatrix.from_votes(fewer), previous=first.state)
    assert "x" in later.in_conv


def three_camps(n=60, m=12, seed=2):
    rng = np.random.default_rng(seed)
    lean = rng.choice([-1, 1], size=(3, m))
    flip = rng.random((n, m)) < 0.1  # noise: everyone a little different
    return [
        (f"p{i:03d}", j, int(-lean[i % 3, j] if flip[i, j] else lean[i % 3, j]), 0.0)
        for i in range(n)
        for j in range(m)
    ]


def test_the_number_of_groups_changes_only_after_four_updates_in_a_row():
    first = update(VoteMatrix.from_votes(camps(n=60, m=12)))
    assert first.state.smoothed_k == 2
    state, shown = first.state, []
    for _ in range(4):
        r = update(VoteMatrix.from_votes(three_camps()), previous=state)
        assert r.state.last_k == 3  # three camps win each time...
        state, shown = r.state, [*shown, len(r.groups)]
    assert shown == [2, 2, 2, 3]  # ...but are shown only on the fourth update


def test_consensus_is_what_nearly_everyone_agrees_with():
    votes = camps(n=40, m=10, density=1.0)
    votes = [(p, s, v, t) for p, s, v, t in votes if s != 9]
    votes += [(f"p{i:03d}", 9, 1, 1e7) for i in range(40)]
    result = update(VoteMatrix.from_votes(votes))
    assert result.consensus_agree[0].statement == 9
    assert result.group_aware_consensus[9] > 0.8


def test_polis_statistics_match_hand_computed_values():
    # One-proportion test with pseudo-counts: 2·sqrt(n+1)·((s+1)/(n+1) − ½).
    assert prop_test(np.array(9.0), np.array(10.0)) == pytest.approx(
        2 * np.sqrt(11) * (10 / 11 - 0.5)
    )
    z = two_prop_test(np.array(8.0), np.array(2.0), np.array(10.0), np.array(10.0))
    p1, p2, hat = 9 / 11, 3 / 11, 12 / 22
    assert z == pytest.approx((p1 - p2) / np.sqrt(hat * (1 - hat) * (2 / 11)))
    assert two_prop_test(
        np.array(5.0), np.array(5.0), np.array(5.0), np.array(5.0)
    ) == pytest.approx(0.0)


def test_kmeans_starts_from_the_first_distinct_points_and_is_stable():
    pts = np.array([[0, 0], [0, 0], [0.1, 0], [5, 5], [5.1, 5]], dtype=float)
    cl = kmeans(pts, list("abcde"), 2)
    assert {frozenset(c.members) for c in cl} == {frozenset("abc"), frozenset("de")}
    again = kmeans(pts, list("abcde"), 2, last=cl)
    assert [(c.id, c.members) for c in again] == [(c.id, c.members) for c in cl]


def test_silhouette_scores_singletons_zero_and_separated_groups_high():
    pts = np.array([[0.0], [0.1], [10.0], [10.1], [50.0]])
    dist = np.abs(pts - pts.T)
    s = silhouette(dist, np.array([0, 0, 1, 1, 2]))
    assert 0.5 < s < 1.0


def test_weighted_silhouette_counts_each_member_once():
    rng = np.random.default_rng(3)
    pts = rng.normal(size=(14, 2))
    w = rng.integers(1, 5, 14)
    labels = np.array([0, 1, 2] * 4 + [0, 1])

    def dist(p):
        return np.sqrt(((p[:, None, :] - p[None, :, :]) ** 2).sum(axis=2))

    expanded = silhouette(dist(np.repeat(pts, w, axis=0)), np.repeat(labels, w))
    assert silhouette(dist(pts), labels, w) == pytest.approx(expanded)
    assert silhouette(dist(pts), labels, np.ones(14)) == pytest.approx(
        silhouette(dist(pts), labels)
    )


def test_fresh_grouping_scores_k_per_participant_warm_updates_per_base_cluster():
    """Without a previous state k is chosen by the participants' silhouette (base
    clusters weighted by size); an update with a previous state keeps Polis' own."""
    matrix = VoteMatrix.from_votes(camps(n=400, m=20, seed=4, density=0.5))
    fresh = update(matrix)
    warm = update(matrix, previous=fresh.state)

    def scores(result, weighted):
        base = result.base_clusters
        pts = np.array([c.center for c in base])
        dist = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(axis=2))
        w = np.array([len(c.members) for c in base], dtype=float)
        out = {}
        for k, clusters in result.state.group_clusterings.items():
            pos = {b: i for i, c in enumerate(clusters) for b in c.members}
            labels = np.array([pos[c.id] for c in base])
            out[k] = silhouette(dist, labels, w if weighted else None)
        return out

    assert len({len(c.members) for c in fresh.base_clusters}) > 1  # sizes differ
    assert fresh.silhouettes == pytest.approx(scores(fresh, True))
    assert fresh.silhouettes != pytest.approx(scores(fresh, False))
    assert warm.silhouettes == pytest.approx(scores(warm, False))


def test_next_statement_skips_voted_and_moderated_and_favours_priority():
    prios = {1: 100.0, 2: 1.0, 3: 0.0001}
    chooser = StatementChooser(prios, [1, 2, 3])
    rng = random.Random(0)
    picks = [chooser.choose({3}, rng) for _ in range(400)]
    assert set(picks) <= {1, 2} and picks.count(1) > 350
    assert chooser.choose({1, 2, 3}, rng) is None
    # Statement 4 is new (no priority yet): it gets the high priority of new ones.
    assert next_statement(prios, [2, 4], {2}, rng) == 4
    assert NEW_STATEMENT_PRIORITY > 1


def test_priorities_come_from_the_map_and_exclude_moderated_out():
    result = update(VoteMatrix.from_votes(camps()), moderated_out={5}, meta={6})
    assert 5 not in result.priorities
    assert result.priorities[6] == 49.0  # meta statements: 7²
    assert all(v >= 0 for v in result.priorities.values())


small_votes = st.lists(
    st.tuples(
        st.integers(0, 25),
        st.integers(0, 8),
        st.sampled_from((-1, 0, 1)),
        st.floats(0, 100, allow_nan=False),
    ),
    max_size=150,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_votes, st.sets(st.integers(0, 8), max_size=3))
def test_any_votes_give_a_consistent_map(votes, moderated):
    result = update(VoteMatrix.from_votes(votes), moderated_out=moderated)
    placed = set(result.in_conv)
    seen = set()
    for g in result.groups:
        assert set(g.members) <= placed and not (set(g.members) & seen)
        seen |= set(g.members)
        assert all(r.statement not in moderated for r in g.representative)
        assert len(g.representative) <= 5
    assert not (set(result.consensus) & moderated)
    assert np.isfinite(result.projections).all()
    assert all(np.isfinite(v) and v >= 0 for v in result.priorities.values())
    again = update(
        VoteMatrix.from_votes(votes), moderated_out=moderated, previous=result.state
    )
    assert set(again.in_conv) == placed


def test_updates_as_votes_and_statements_arrive_keep_everyone_placed():
    votes = sorted(camps(n=60, m=12), key=lambda v: (v[1], v[3]))  # statements arrive
    state, placed = None, set()
    for cut in range(len(votes) // 6, len(votes) + 1, len(votes) // 6):
        result = update(VoteMatrix.from_votes(votes[:cut]), previous=state)
        assert placed <= set(result.in_conv)
        placed, state = set(result.in_conv), result.state
    assert len(result.groups) == 2
    evens = {f"p{i:03d}" for i in range(0, 60, 2)} & placed
    assert any(set(g.members) == evens for g in result.groups)
