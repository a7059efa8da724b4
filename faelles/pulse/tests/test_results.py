"""A round's results: scores as COPSOQ computes them, and suppression that no
subtraction undoes — a property test over random department trees."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelles.disclosure import attack
from faelles.pulse import results
from faelles.pulse.instrument import ITEMS, SCALES, item_points, scale_scores

ALL_FIVE = {item.key: 5 for item in ITEMS}


def test_points_follow_copsoq_and_reverse_items_count_the_other_way():
    normal = next(i for i in ITEMS if not i.reverse)
    reverse = next(i for i in ITEMS if i.reverse)
    assert [item_points(normal, v) for v in (5, 4, 3, 2, 1)] == [100, 75, 50, 25, 0]
    assert item_points(reverse, 5) == 0 and item_points(reverse, 1) == 100
    scores = scale_scores(ALL_FIVE)
    assert set(scores) == {s.key for s in SCALES}
    # Vertical trust has one reversed item of four: (100 + 100 + 0 + 100) / 4.
    assert scores["vertical_trust"] == 75


def test_a_department_minus_its_other_units_does_not_give_a_small_unit():
    tree = {1: None, 2: 1, 3: 1, 4: 1, 5: None}
    responses = ([(2, ALL_FIVE)] * 3 + [(3, ALL_FIVE)] * 6 + [(4, ALL_FIVE)] * 7) + [
        (5, ALL_FIVE)
    ] * 9
    out = results.compute(tree, responses)
    cells = out["cells"]
    assert cells["sub:2"]["n"] is None  # 3 respondents
    assert cells["sub:1"]["n"] == 16 and cells["all"]["n"] == 25
    # Unit 3 is hidden too, else 16 − 6 − 7 = 3 would give unit 2 away.
    assert cells["sub:3"]["n"] is None and cells["sub:3"]["scores"]["justice"] is None
    assert cells["sub:4"]["n"] == 7 and cells["sub:4"]["scores"]["justice"] == 100


def test_people_placed_in_a_department_with_units_are_their_own_cell():
    tree = {1: None, 2: 1}
    out = results.compute(tree, [(1, ALL_FIVE)] * 6 + [(2, ALL_FIVE)] * 7)
    assert out["cells"]["own:1"]["n"] == 6
    assert out["cells"]["sub:2"]["n"] == 7
    assert out["cells"]["sub:1"]["n"] == 13


def test_answers_from_a_department_deleted_since_are_left_out():
    out = results.compute({1: None}, [(1, ALL_FIVE)] * 5 + [(99, ALL_FIVE)] * 5)
    assert out["cells"]["all"]["n"] == 5


@st.composite
def trees_and_counts(draw):
    """A random forest of up to 12 departments, each with 0–12 respondents."""
    size = draw(st.integers(min_value=1, max_value=12))
    tree: dict[int, int | None] = {1: None}
    for pk in range(2, size + 1):
        parent = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=pk - 1)))
        tree[pk] = parent
    direct = {pk: draw(st.integers(min_value=0, max_value=12)) for pk in tree}
    return tree, direct


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees_and_counts())
def test_suppression_cannot_be_undone_by_subtraction(case):
    tree, direct = case
    responses = [(pk, ALL_FIVE) for pk, n in direct.items() for _ in range(n)]
    out = results.compute(tree, responses)
    table = results.build_table(tree, direct)
    assert set(out["cells"]) == set(table.cells)
    hidden = [k for k, cell in out["cells"].items() if cell["n"] is None]
    for key, cell in out["cells"].items():
        n = cell["n"]
        # Published counts are true and never describe 1–4 people.
        assert n is None or (n == table.cells[key] and not 0 < n < 5)
        # A score is shown exactly when its count is shown and not zero.
        shown = [v for v in cell["scores"].values() if v is not None]
        assert (len(shown) == len(SCALES)) == bool(n)
    # The attacker knows every published cell and every relation: a small
    # hidden cell still has at least 5 possible values, no hidden cell one.
    ranges = attack(table, hidden)
    for key in hidden:
        low, high = ranges[key]
        width = math.inf if high == math.inf else high - low
        if 0 < table.cells[key] < 5:
            assert width >= 5, (key, ranges[key], table)
        else:
            assert width >= 1, (key, ranges[key], table)
