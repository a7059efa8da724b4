"""The results page explains the count: who shared what, why projects lost, both rules."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting import services
from faelles.budgeting.counting import _sharing
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Phase

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(
        f"budgeting:{name}", kwargs={"municipality_slug": "odense", **kwargs}
    )


def counted_round(municipality, employee, counting_rule="mes"):
    """12 people want three playgrounds, 8 want one garden; 100.000 kr.

    Greedy funds the three most popular (all of the majority's); Method of
    Equal Shares gives the majority 60 % of the money (two playgrounds) and
    the minority 40 % (the garden).
    """
    budget_round = BudgetRoundFactory(
        municipality=municipality,
        budget=100_000,
        max_projects=None,
        counting_rule=counting_rule,
    )
    x1 = ProjectFactory(round=budget_round, title="Legeplads Nord", cost=30_000)
    x2 = ProjectFactory(round=budget_round, title="Legeplads Syd", cost=30_000)
    x3 = ProjectFactory(round=budget_round, title="Legeplads Vest", cost=30_000)
    garden = ProjectFactory(round=budget_round, title="Fælleshave", cost=30_000)
    ballots = [[x1, x2, x3]] * 10 + [[x1, x2]] * 2 + [[garden]] * 8
    for choices in ballots:
        user = MembershipFactory(municipality=municipality).user
        services.ballot_cast(
            budget_round=budget_round, user=user, choices=[(p.pk, 1) for p in choices]
        )
    budget_round.voting_end = timezone.now() - timedelta(seconds=1)
    budget_round.save()
    return services.round_set_phase(
        budget_round=budget_round, actor=employee, phase=Phase.RESULTS
    )


def test_equal_shares_result_explained(client, municipality, employee):
    budget_round = counted_round(municipality, employee)
    funded = set(
        budget_round.projects.filter(is_funded=True).values_list("title", flat=True)
    )
    assert funded == {"Legeplads Nord", "Legeplads Syd", "Fælleshave"}
    page = client.get(url("results", pk=budget_round.pk)).content.decode()
    assert "20 personer stemte om 100.000 kr." in page
    assert "Hver vælger fik en lige stor del af puljen, 5.000 kr." in page
    assert "12 personer betalte 2.500 kr. hver" in page
    assert "8 personer betalte 3.750 kr. hver" in page
    # why the third playground lost, under each rule
    assert "For dyrt for tilhængerne: de havde 0 kr. tilbage tilsammen" in page
    assert "Det passede heller ikke i restbeløbet på 10.000 kr." in page
    assert (
        "Passede ikke: der var 10.000 kr. tilbage, da det var projektets tur." in page
    )
    # both rules side by side, as a chart and as a table
    assert "60,0 % (12) fik mindst ét projekt, de stemte på." in page
    assert "100,0 % (20) fik mindst ét projekt, de stemte på." in page
    assert "<td>12 (60,0 %)</td>" in page and "<td>20 (100,0 %)</td>" in page
    assert 'role="img"' in page


def test_greedy_round_funds_the_most_popular(client, municipality, employee):
    budget_round = counted_round(municipality, employee, counting_rule="greedy")
    funded = set(
        budget_round.projects.filter(is_funded=True).values_list("title", flat=True)
    )
    assert funded == {"Legeplads Nord", "Legeplads Syd", "Legeplads Vest"}
    page = client.get(url("results", pk=budget_round.pk)).content.decode()
    assert "betalte 2.500 kr. hver" not in page  # no sharing under greedy


def test_add1_round(client, municipality, employee):
    budget_round = counted_round(municipality, employee, counting_rule="mes_add1")
    assert budget_round.results["completion"] == "add1"
    page = client.get(url("results", pk=budget_round.pk)).content.decode()
    assert "hævet én krone ad gangen" in page
    assert "Lige andele (MES) med add1" in page


def test_results_are_counted_once_and_cached(
    client, municipality, employee, django_assert_max_num_queries
):
    budget_round = counted_round(municipality, employee)
    computed = budget_round.results_computed_at
    ProjectFactory.create_batch(30, round=budget_round)
    with django_assert_max_num_queries(8):
        assert client.get(url("results", pk=budget_round.pk)).status_code == 200
    budget_round.refresh_from_db()
    assert budget_round.results_computed_at == computed


def test_small_groups_of_payers_are_folded():
    info = {
        "rho": 0.1,
        "payments": [
            {"voters": 9, "payment_per_voter": 1000.0},
            {"voters": 2, "payment_per_voter": 400.0},
            {"voters": 1, "payment_per_voter": 300.0},
        ],
    }
    sharing = _sharing(info)
    assert sharing["payers"] == 12
    assert sharing["buckets"] == [{"amount": 1000, "voters": 9}]
    assert sharing["other"] == {"voters": None, "average": None}  # 3 < 5: no numbers
    info["payments"].append({"voters": 3, "payment_per_voter": 200.0})
    assert _sharing(info)["other"] == {"voters": 6, "average": round(1700 / 6)}
