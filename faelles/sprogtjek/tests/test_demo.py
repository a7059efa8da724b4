"""Skanderborg's demo: own entries in use, and a table with figures to show."""

import io

import pytest

from faelles.demo.foundation import load_foundation
from faelles.sprogtjek import demo
from faelles.sprogtjek.models import MonthlyChecks, OwnEntry
from faelles.sprogtjek.selectors import checker_for_municipality, statistics

pytestmark = pytest.mark.django_db


def test_the_demo_gives_skanderborg_words_and_statistics_twice_the_same():
    municipalities = load_foundation()
    for _ in range(2):  # running it again replaces, not adds
        demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    skanderborg = municipalities["skanderborg"]
    assert OwnEntry.objects.filter(municipality=skanderborg).count() == len(
        demo.OWN_ENTRIES
    )
    checker = checker_for_municipality(skanderborg)
    found = checker.check("Skriv til Serviceteamet om sagsbunkerne.").findings
    assert [f.term for f in found] == ["sagsbunke"]
    assert sum(MonthlyChecks.objects.values_list("checks", flat=True)) == sum(
        sum(counts) for counts in demo.CHECKS.values()
    )
    stats = statistics(municipality=skanderborg)
    assert len(stats.rows) == 2
    assert stats.hidden > 0  # a month with 3 or 4 checks shows how it looks
    assert len(stats.departments) == 2 and stats.terms
    # other municipalities have nothing of Skanderborg's
    other = municipalities["odense"]
    assert not checker_for_municipality(other).check("sagsbunken").findings
    assert not statistics(municipality=other).rows
