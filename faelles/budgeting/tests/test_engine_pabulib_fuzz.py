"""The parser on mutated files: it reads them or raises PabulibError, nothing else.

Each example takes a small valid file of one ballot kind, replaces, inserts or
edits one line (random text, number-like text in a numeric field, an extra or
missing separator) and parses it; what it reads must be within bounds.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faelles.budgeting.engine import PabulibError, parse_pabulib

pytestmark = pytest.mark.engine

HEAD = """META
key;value
budget;1000
vote_type;{vote_type}
max_length;3
max_points;5
max_sum_points;6
min_project_score_threshold;1
rule;greedy
PROJECTS
project_id;cost;name
a;600;Legeplads
b;500;Bænke
c;250,5;Lys
VOTES
"""
VOTES = {
    "approval": "voter_id;vote\n1;a,b\n2;b\n3;a,c\n",
    "choose-1": "voter_id;vote\n1;a\n2;b\n3;c\n",
    "cumulative": "voter_id;vote;points\n1;a,b;3,3\n2;b;1\n3;a,c;5,1\n",
    "scoring": "voter_id;vote;points\n1;a,b;-2,3\n2;b;1\n3;a,c;5,0\n",
    "ordinal": "voter_id;vote\n1;a,b,c\n2;b\n3;c,a\n",
}
FILES = {kind: HEAD.format(vote_type=kind) + votes for kind, votes in VOTES.items()}

TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
)
NUMBER = st.one_of(
    st.from_regex(r"-?[0-9]{0,420}([.,][0-9]{0,20})?", fullmatch=True),
    st.sampled_from(
        ["1e999999999", "NaN", "inf", "1_000", "１２", "²", "٣", "0x10", "--1", "1/3"]
    ),
)
FIELD = st.one_of(TEXT, NUMBER, st.sampled_from(["", ";", ",", "a,a", "a,q", '"']))


@st.composite
def mutated(draw):
    kind = draw(st.sampled_from(sorted(FILES)))
    lines = FILES[kind].split("\n")
    at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    how = draw(st.sampled_from(["replace", "insert", "field", "delete"]))
    if how == "replace":
        lines[at] = draw(TEXT)
    elif how == "insert":
        lines.insert(at, draw(TEXT))
    elif how == "delete":
        del lines[at]
    else:
        cells = lines[at].split(";")
        cell = draw(st.integers(min_value=0, max_value=len(cells) - 1))
        cells[cell] = draw(FIELD)
        lines[at] = ";".join(cells)
    return "\n".join(lines)


@pytest.mark.parametrize("kind", sorted(FILES))
def test_the_unmutated_files_are_valid(kind):
    election = parse_pabulib(FILES[kind])
    assert election.n_voters == 3 and election.n_projects == 3


@settings(max_examples=600, deadline=None)
@given(text=mutated())
def test_a_mutated_file_is_read_or_refused_with_a_pabulib_error(text):
    try:
        election = parse_pabulib(text)
    except PabulibError as error:
        assert str(error)
        return
    assert election.budget > 0
    assert len(election.indptr) == election.n_voters + 1
    assert all(0 <= j < election.n_projects for j in election.indices.tolist())
    assert all(abs(p) <= 10**9 for p in election.points.tolist())
