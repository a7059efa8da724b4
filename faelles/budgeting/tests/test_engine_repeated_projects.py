"""Real Pabulib ballots that list a project twice are read as they are meant.

An approval ballot is the set it names; a cumulative ballot adds the points up
(the file's own ``score`` column does the same, see Częstochowa 2020 below).
``strict=True`` and ``faelles pb-count --strict`` refuse such files, as before.
The comparison with pabutools on these files is in test_engine_real_elections.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from faelles.budgeting.engine import PabulibError, parse_pabulib, read_pabulib
from faelles.budgeting.engine.cli import main

pytestmark = pytest.mark.engine

BRODNO = "Poland_Warszawa_2026_Brodno.pb"
CZESTOCHOWA = "Poland_Czestochowa_2020.pb"
AMSTERDAM = "Netherlands_Amsterdam_604.pb"

SMALL = """META
key;value
budget;100
vote_type;{vote_type}
{limits}PROJECTS
project_id;cost
a;60
b;50
VOTES
voter_id;vote;points
1;{vote};{points}
2;b;1
"""


def _path(shared_data: Path, name: str) -> Path:
    return shared_data / "pabulib" / name


def _small(vote_type="approval", vote="a,b,a", points="", limits=""):
    return SMALL.format(vote_type=vote_type, vote=vote, points=points, limits=limits)


def test_brodno_voter_242928_counts_each_project_once(shared_data):
    election = read_pabulib(_path(shared_data, BRODNO))
    voter = election.voter_ids.index("242928")
    assert election.ballot(voter) == ["1379", "382", "897", "410"]
    assert [str(r) for r in election.repairs] == [
        "line 357: voter 242928 lists project 1379 2 times; counted once"
    ]


def test_strict_refuses_brodno_and_says_where(shared_data):
    with pytest.raises(PabulibError) as caught:
        read_pabulib(_path(shared_data, BRODNO), strict=True)
    assert (caught.value.line, caught.value.field) == (357, "VOTES vote")
    assert "voter 242928 lists project 1379 more than once" in str(caught.value)


def test_czestochowa_points_are_added_up_as_in_the_files_score_column(shared_data):
    """Voter 13026 gives 579 one point four times: 4 points, as the file counts it."""
    election = read_pabulib(_path(shared_data, CZESTOCHOWA))
    voter = election.voter_ids.index("13026")
    lo, hi = election.indptr[voter], election.indptr[voter + 1]
    assert election.ballot(voter) == ["579"]
    assert election.points[lo:hi].tolist() == [4]
    scores = dict(zip(election.project_ids, election.scores().tolist(), strict=True))
    for row in election.project_fields:
        assert scores[row["project_id"]] == int(row["score"]), row["project_id"]
    assert [
        (r.voter_id, r.project_id, r.times, r.action) for r in election.repairs
    ] == [("13026", "579", 4, "points added up")]


def test_amsterdam_604_names_every_repeated_project(shared_data):
    election = read_pabulib(_path(shared_data, AMSTERDAM))
    assert {(r.voter_id, r.project_id) for r in election.repairs} == {
        ("13650977333", pid) for pid in ("42346", "42350", "42355", "42360")
    }
    voter = election.voter_ids.index("13650977333")
    assert len(election.ballot(voter)) == len(set(election.ballot(voter))) == 5


@pytest.mark.parametrize("vote_type", ["approval", "choose-1"])
def test_approval_ballot_keeps_first_position_and_one_point(vote_type):
    election = parse_pabulib(_small(vote_type, vote="b,a,b", points=""))
    assert election.ballot(0) == ["b", "a"]
    assert election.scores().tolist() == [1, 2]


def test_cumulative_sum_must_keep_the_limits():
    ok = parse_pabulib(
        _small("cumulative", "a,a,b", "2,2,1", "max_points;4\nmax_sum_points;5\n")
    )
    assert ok.points.tolist() == [4, 1, 1]
    for limits, message in (
        ("max_points;3\n", r"more than max_points \(3\)"),
        ("max_sum_points;4\n", r"more than max_sum_points \(4\)"),
    ):
        with pytest.raises(PabulibError, match=message) as caught:
            parse_pabulib(_small("cumulative", "a,a,b", "2,2,1", limits))
        assert caught.value.field == "VOTES points"


def test_repeated_project_without_evident_reading_is_refused():
    text = (
        _small("ordinal", vote="a,b,a")
        .replace(";points", "")
        .replace("a,b,a;", "a,b,a")
    )
    text = text.replace("2;b;1", "2;b")
    with pytest.raises(PabulibError, match="ordinal ballots have no evident reading"):
        parse_pabulib(text)
    with pytest.raises(PabulibError, match="scoring ballots have no evident"):
        parse_pabulib(_small("scoring", "a,a", "1,2"))


def test_cli_warns_and_reports_repairs_in_json(shared_data, capsys):
    path = _path(shared_data, BRODNO)
    assert main([str(path), "--rule", "greedy", "--json"]) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err and "voter 242928" in captured.err
    data = json.loads(captured.out)
    assert data["repairs"] == [
        {
            "voter_id": "242928",
            "line": 357,
            "project_id": "1379",
            "times": 2,
            "action": "counted once",
        }
    ]
    assert main([str(path), "--rule", "greedy", "--strict"]) == 2
    assert "line 357, VOTES vote" in capsys.readouterr().err


def test_cli_json_has_no_repairs_for_a_clean_file(shared_data, capsys):
    path = _path(shared_data, "Netherlands_Assen_2024.pb")
    assert main([str(path), "--rule", "greedy", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["repairs"] == []
    assert captured.err == ""
