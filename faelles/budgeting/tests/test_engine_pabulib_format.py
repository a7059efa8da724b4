"""Reading and writing Pabulib files: the real files round-trip, bad files are refused."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from faelles.budgeting.engine import (
    PabulibError,
    build_election,
    parse_pabulib,
    read_pabulib,
    write_pabulib,
)

from . import pabutools_adapter

pytestmark = pytest.mark.engine

SMALL = """META
key;value
budget;100
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;name
a;60;Legeplads
b;50;Bænke
VOTES
voter_id;vote
1;a,b
2;b
"""


def files(shared_data: Path) -> list[Path]:
    return sorted((shared_data / "pabulib").glob("*.pb"))


def test_every_real_file_round_trips(shared_data):
    for path in files(shared_data):
        first = read_pabulib(path)
        again = parse_pabulib(write_pabulib(first))
        assert again.budget == first.budget, path.name
        assert again.project_ids == first.project_ids
        assert again.costs == first.costs
        assert again.vote_type == first.vote_type
        assert np.array_equal(again.indptr, first.indptr)
        assert np.array_equal(again.indices, first.indices)
        assert np.array_equal(again.points, first.points)
        assert again.voter_ids == first.voter_ids
        assert again.project_fields == first.project_fields
        assert again.voter_fields == first.voter_fields
        assert again.meta == first.meta


def test_pabutools_reads_what_we_write(shared_data):
    for path in files(shared_data):
        if path.stat().st_size > 1_000_000:
            continue  # the two big files: same code path, slow to re-parse twice
        ours = read_pabulib(path)
        instance, profile = pabutools_adapter.load(text=write_pabulib(ours))
        costs = {
            p.name: Fraction(int(p.cost.numerator), int(p.cost.denominator))
            for p in instance
        }
        assert costs == dict(zip(ours.project_ids, ours.costs, strict=True))
        assert profile.num_ballots() == ours.n_voters
        scores = {p.name: int(s) for p, s in pabutools_adapter.scores(profile).items()}
        expected = dict(zip(ours.project_ids, ours.scores().tolist(), strict=True))
        assert scores == {k: v for k, v in expected.items() if v}, path.name


def test_ordinal_ballots_get_positional_points(shared_data):
    krakow = read_pabulib(shared_data / "pabulib" / "Poland_Krakow_2018_Bienczyce.pb")
    score = dict(zip(krakow.project_ids, krakow.scores().tolist(), strict=True))
    for row in krakow.project_fields:
        assert score[row["project_id"]] == int(row["score"])


def test_small_file_and_decimal_comma():
    election = parse_pabulib(SMALL.replace("budget;100", "budget;100,5"))
    assert election.budget == Fraction(201, 2)
    assert election.ballot(0) == ["a", "b"]
    assert election.scores().tolist() == [1, 2]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("budget;100\n", ""), "no budget"),
        (lambda t: t.replace("budget;100", "budget;mange"), "not a number"),
        (
            lambda t: t.replace("vote_type;approval", "vote_type;quadratic"),
            "unsupported",
        ),
        (lambda t: t.replace("2;b", "2;c"), "unknown project c"),
        (lambda t: t.replace("budget;100", "budget;" + "9" * 401), "not a number"),
        (lambda t: t.replace("budget;100", "budget;1e999999999"), "not a number"),
        (lambda t: t.replace("b;50;Bænke", "a;50;Bænke"), "listed twice"),
        (lambda t: t.replace("b;50;Bænke", "b;-5;Bænke"), "negative"),
        (lambda t: t.replace("b;50;Bænke", "b;50"), "fields"),
        (lambda t: t.split("VOTES")[0], "missing VOTES"),
        (lambda t: "x;y\n" + t, "before the META"),
        (lambda t: t.replace("vote_type;approval", "vote_type;cumulative"), "points"),
    ],
)
def test_bad_files_are_refused_with_a_reason(change, message):
    with pytest.raises(PabulibError, match=message):
        parse_pabulib(change(SMALL))


def test_points_must_match_the_vote():
    text = SMALL.replace("vote_type;approval", "vote_type;cumulative").replace(
        "voter_id;vote\n1;a,b\n2;b", "voter_id;vote;points\n1;a,b;3\n2;b;x"
    )
    with pytest.raises(PabulibError, match="differ in length"):
        parse_pabulib(text)


def test_written_cumulative_election_keeps_points():
    election = build_election(
        budget=10,
        costs={"x": 4, "y": 6},
        ballots=[{"x": 3, "y": 1}],
        vote_type="cumulative",
    )
    text = write_pabulib(election)
    assert "0;x,y;3,1" in text.splitlines()
    assert parse_pabulib(text).points.tolist() == [3, 1]


def test_fraction_without_decimal_form_is_refused():
    election = build_election(budget=Fraction(1, 3), costs={"x": 1}, ballots=[["x"]])
    with pytest.raises(PabulibError, match="no finite decimal"):
        write_pabulib(election)
