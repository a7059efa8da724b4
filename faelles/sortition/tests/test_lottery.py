"""Selection by lot: quotas met, exact size, reproducible, infeasible quotas named.

Pools are small on purpose: every draw runs the fair (maximin) algorithm, which
solves dozens of integer programs even for ten applicants.
"""

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelles.sortition import (
    InfeasibleQuotas,
    SortitionError,
    draw,
    meets_quotas,
    proportional_quotas,
)

pytestmark = pytest.mark.engine

SETTINGS = settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)

POOL = {
    f"p{i:02d}": {"gender": g, "area": a}
    for i, (g, a) in enumerate(
        [("k", "Nord")] * 4
        + [("m", "Nord")] * 2
        + [("k", "Syd")] * 1
        + [("m", "Syd")] * 5
    )
}


def _feasible(pool, seats, quotas):
    """Brute force: does any panel of ``seats`` meet the quotas?"""
    return any(
        meets_quotas(pool, panel, quotas)
        for panel in itertools.combinations(sorted(pool), seats)
    )


def test_proportional_quotas_are_within_one_seat_of_the_share():
    quotas = proportional_quotas(POOL, ["gender", "area"], 5)
    # k: 5 of 12 -> share 2.08; m: 7 of 12 -> 2.92; Nord 6 of 12 -> exactly 2.5
    assert quotas == {
        "area": {"Nord": (2, 3), "Syd": (2, 3)},
        "gender": {"k": (2, 3), "m": (2, 3)},
    }
    assert proportional_quotas(POOL, ["area"], 6) == {
        "area": {"Nord": (3, 3), "Syd": (3, 3)}
    }


def test_draw_meets_quotas_and_reports_the_chances():
    quotas = proportional_quotas(POOL, ["gender", "area"], 4)
    panel = draw(POOL, 4, quotas, 2024)
    assert len(panel.selected) == 4
    assert meets_quotas(POOL, panel.selected, quotas)
    assert set(panel.probabilities) == set(POOL)
    # The chances add up to the number of seats; everyone selected had a chance.
    assert sum(panel.probabilities.values()) == pytest.approx(4, abs=1e-4)
    assert all(panel.probabilities[i] > 0 for i in panel.selected)
    # Proportional quotas on two strata: maximin gives everyone the same chance.
    assert min(panel.probabilities.values()) == pytest.approx(4 / 12, abs=1e-4)
    out = panel.as_dict()
    assert out["quotas"]["gender"]["k"] == [1, 2]
    assert out["seed"] == 2024 and out["method"].startswith("maximin")


def test_same_seed_same_panel_whatever_the_input_order():
    quotas = proportional_quotas(POOL, ["gender", "area"], 4)
    first = draw(POOL, 4, quotas, 7)
    reordered = dict(reversed(list(POOL.items())))
    assert draw(reordered, 4, quotas, 7) == first


def test_seed_changes_the_panel():
    quotas = proportional_quotas(POOL, ["area"], 3)
    panels = {draw(POOL, 3, quotas, seed).selected for seed in (1, 2, 3, 4, 5)}
    assert len(panels) > 1


def test_a_value_with_too_few_applicants_is_named():
    quotas = {"gender": {"k": (6, 6), "m": (0, 6)}}
    with pytest.raises(InfeasibleQuotas) as exc:
        draw(POOL, 6, quotas, 1)
    assert "gender/k: min 6 but only 5 applicant(s) have it" in str(exc.value)


def test_quotas_that_clash_across_features_are_named():
    # Each alone is fine, together impossible: only one woman lives in Syd.
    quotas = {
        "gender": {"k": (3, 3), "m": (0, 0)},
        "area": {"Nord": (0, 0), "Syd": (3, 3)},
    }
    assert not _feasible(POOL, 3, quotas)
    with pytest.raises(InfeasibleQuotas) as exc:
        draw(POOL, 3, quotas, 1)
    message = str(exc.value)
    assert "cannot be met together" in message
    assert any(name in message for name in ("gender/", "area/"))


@pytest.mark.parametrize(
    ("seats", "quotas", "seed", "message"),
    [
        (3, {"area": {"Nord": (0, 3), "Syd": (0, 3)}}, 0, "seed"),
        (0, {"area": {"Nord": (0, 3), "Syd": (0, 3)}}, 1, "seat"),
        (13, {"area": {"Nord": (0, 13), "Syd": (0, 13)}}, 1, "only 12"),
        (3, {"area": {"Nord": (0, 3)}}, 1, "'Syd', which has no quota"),
        (3, {"age": {"ung": (0, 3)}}, 1, "has no 'age'"),
    ],
)
def test_impossible_requests_say_why(seats, quotas, seed, message):
    with pytest.raises(SortitionError, match=message):
        draw(POOL, seats, quotas, seed)


def test_reproducible_across_processes():
    """String hashing differs per process; the panel must not."""
    code = (
        "import json,sys;from faelles.sortition import draw,proportional_quotas;"
        "pool=json.loads(sys.argv[1]);q=proportional_quotas(pool,['gender','area'],5);"
        "print(json.dumps(draw(pool,5,q,99).as_dict()))"
    )
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        env["PYTHONPATH"] = str(Path(__file__).resolve().parents[3])
        done = subprocess.run(
            [sys.executable, "-c", code, json.dumps(POOL)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout.strip().splitlines()[-1])
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["selected"] == list(
        draw(POOL, 5, proportional_quotas(POOL, ["gender", "area"], 5), 99).selected
    )


@st.composite
def pools(draw_, *, max_size=9):
    n = draw_(st.integers(3, max_size))
    rows = draw_(
        st.lists(
            st.tuples(st.sampled_from("abc"), st.sampled_from("xy")),
            min_size=n,
            max_size=n,
        )
    )
    return {f"id{i}": {"f1": a, "f2": b} for i, (a, b) in enumerate(rows)}


@SETTINGS
@given(pool=pools(), data=st.data(), seed=st.integers(1, 2**31))
def test_proportional_draws_meet_quotas_exactly_and_repeat(pool, data, seed):
    seats = data.draw(st.integers(1, len(pool)))
    quotas = proportional_quotas(pool, ["f1", "f2"], seats)
    panel = draw(pool, seats, quotas, seed)
    assert len(panel.selected) == seats == len(set(panel.selected))
    assert set(panel.selected) <= set(pool)
    assert meets_quotas(pool, panel.selected, quotas)
    assert draw(pool, seats, quotas, seed) == panel


@SETTINGS
@given(pool=pools(max_size=8), data=st.data(), seed=st.integers(1, 2**31))
def test_any_quotas_drawn_exactly_when_a_panel_exists(pool, data, seed):
    """Against brute force: a panel is drawn iff one exists, and it meets quotas."""
    seats = data.draw(st.integers(1, len(pool)))
    quotas = {}
    for feature in ("f1", "f2"):
        values = sorted({row[feature] for row in pool.values()})
        quotas[feature] = {}
        for value in values:
            lo = data.draw(st.integers(0, seats))
            quotas[feature][value] = (lo, data.draw(st.integers(lo, seats)))
    if _feasible(pool, seats, quotas):
        panel = draw(pool, seats, quotas, seed)
        assert len(panel.selected) == seats == len(set(panel.selected))
        assert meets_quotas(pool, panel.selected, quotas)
    else:
        with pytest.raises(InfeasibleQuotas):
            draw(pool, seats, quotas, seed)
