"""Rødovre's demo rounds (a finished, explained one and an open one) and scale data."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from faelles.accounts.models import User
from faelles.budgeting import demo
from faelles.budgeting.models import (
    Ballot,
    BallotReceipt,
    BallotSource,
    BudgetRound,
    Phase,
    ProjectUpdate,
)
from faelles.demo.foundation import load_foundation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_rounds():
    municipalities = load_foundation()
    demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    return {r.title: r for r in BudgetRound.objects.all()}


def test_demo_has_a_finished_and_an_open_round(demo_rounds):
    finished = demo_rounds["Vi tør prioritere 2025"]
    assert finished.municipality.slug == "rodovre"
    assert finished.phase == Phase.IMPLEMENTATION
    assert finished.results["voters"] == finished.ballots.count() > 400
    assert finished.ballots.filter(source=BallotSource.PAPER).count() == 430
    funded = finished.projects.filter(is_funded=True)
    assert funded.count() >= 5
    assert ProjectUpdate.objects.filter(project__in=funded).exclude(photo="").exists()
    assert finished.projects.filter(review_status="rejected").count() == 2
    mes, greedy = finished.results["mes"], finished.results["greedy"]
    assert mes["happy_voters"] > greedy["happy_voters"]  # the point of the demo
    open_round = demo_rounds["Vi tør prioritere 2026 – Islev og Korsager"]
    assert open_round.voting_open()
    citizen = User.objects.get(email="borger@rodovre.faelles.example")
    assert not BallotReceipt.objects.filter(round=open_round, user=citizen).exists()
    assert demo_rounds["Landsbypuljen 2027"].proposals_open()
    # Rødovre 2026 lets voters choose what to drop; some demo ballots do.
    assert open_round.allow_drops and open_round.max_drops == 2
    with_drops = [b.drops for b in open_round.ballots.all() if b.drops]
    assert 20 < len(with_drops) < open_round.ballots.count()
    assert all(len(d) <= 2 for d in with_drops)
    assert not finished.allow_drops
    assert not any(b.drops for b in finished.ballots.only("drops"))


def test_demo_citizen_votes_and_reads_the_result(client, demo_rounds):
    open_round = demo_rounds["Vi tør prioritere 2026 – Islev og Korsager"]
    finished = demo_rounds["Vi tør prioritere 2025"]
    client.login(email="borger@rodovre.faelles.example", password="faelles-demo")
    ballot_url = reverse(
        "budgeting:ballot", kwargs={"municipality_slug": "rodovre", "pk": open_round.pk}
    )
    project = open_round.projects.get(title__startswith="Frugttræer")
    response = client.post(
        ballot_url, {"projects": [project.pk], "birth_year": "1990", "postcode": "2610"}
    )
    assert response.status_code == 302
    assert BallotReceipt.objects.filter(round=open_round).count() == 12
    results_url = reverse(
        "budgeting:results", kwargs={"municipality_slug": "rodovre", "pk": finished.pk}
    )
    page = client.get(results_url).content.decode()
    assert "personer betalte" in page and "fik mindst ét projekt" in page


def funded(budget_round):
    return sorted(
        budget_round.projects.filter(is_funded=True).values_list("title", flat=True)
    )


def test_loading_the_demo_again_refreshes_it(demo_rounds):
    before = {t: (r.ballots.count(), funded(r)) for t, r in demo_rounds.items()}
    municipalities = load_foundation()
    demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    after = {r.title: r for r in BudgetRound.objects.all()}
    assert set(after) == set(before)
    for title, budget_round in after.items():
        assert (budget_round.ballots.count(), funded(budget_round)) == before[title]


def test_seed_is_bulk_counted_and_deterministic():
    for slug in ("pb-a", "pb-b"):
        call_command("seed", municipality=slug, scale="small", seed=7, only="budgeting")
    a, b = (
        BudgetRound.objects.get(municipality__slug=s, phase=Phase.IMPLEMENTATION)
        for s in ("pb-a", "pb-b")
    )
    assert a.ballots.count() == 2_000
    assert a.results["voters"] == 2_000
    assert funded(a) == funded(b) != []
    for rule in ("mes", "greedy"):
        assert a.results[rule]["happy_voters"] == b.results[rule]["happy_voters"]
    assert Ballot.objects.filter(round__municipality__slug="pb-a").count() == 2_500
