"""Skanderborg's demo: two departments moving towards 3.0, an open round under 5."""

import io

import pytest

from faelles.demo.foundation import load_foundation
from faelles.paradigm import demo, selectors
from faelles.paradigm.models import Assessment

pytestmark = pytest.mark.django_db


def test_the_demo_shows_movement_and_an_open_round_twice_the_same():
    municipalities = load_foundation()
    for _ in range(2):  # running it again replaces, not adds
        demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    skanderborg = municipalities["skanderborg"]
    rounds = list(selectors.rounds(municipality=skanderborg))
    assert len(rounds) == 5
    closed = [r for r in rounds if not r.is_open]
    assert len(closed) == 4 and all(r.respondents >= 5 for r in closed)
    (open_round,) = [r for r in rounds if r.is_open]
    assert open_round.respondents == 3
    assert not selectors.results(assessment=open_round).shown
    for r in closed:
        if r.title == "Efteråret 2026":
            profile = selectors.profile(assessment=r)
            assert len(profile.rounds) == 2
            spring = sum(row.cells[0].step for row in profile.rows)
            autumn = sum(row.cells[1].step for row in profile.rows)
            assert autumn > spring  # towards 3.0
            assert all(row.cells[1].step >= row.cells[0].step for row in profile.rows)
    comparison = selectors.comparison(municipality=skanderborg)
    assert len(comparison.departments) == 2
    assert all(row.median is not None for row in comparison.rows)
    assert not Assessment.objects.exclude(municipality=skanderborg).exists()
