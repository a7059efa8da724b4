"""Casting and changing ballots: validation per ballot type, eligibility, dates."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting import services
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import (
    AgeCheck,
    Ballot,
    BallotReceipt,
    BallotSource,
    BallotType,
    Phase,
)

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(
        f"budgeting:{name}", kwargs={"municipality_slug": "odense", **kwargs}
    )


@pytest.fixture
def approval_round(municipality):
    budget_round = BudgetRoundFactory(
        municipality=municipality, min_projects=1, max_projects=2, budget=100_000
    )
    ProjectFactory(round=budget_round, title="Legeplads", cost=60_000)
    ProjectFactory(round=budget_round, title="Bænkerute", cost=30_000)
    ProjectFactory(round=budget_round, title="Reparationscafé", cost=20_000)
    return budget_round


def pks(budget_round):
    return list(budget_round.projects.order_by("title").values_list("pk", flat=True))


def test_citizen_votes_and_changes_ballot(client, approval_round, citizen):
    bench, play, repair = pks(approval_round)  # Bænkerute, Legeplads, Reparationscafé
    client.force_login(citizen)
    assert client.get(url("ballot", pk=approval_round.pk)).status_code == 200
    response = client.post(url("ballot", pk=approval_round.pk), {"projects": [bench]})
    assert response.status_code == 302
    assert (
        "Tak! Din stemme er registreret." in client.get(response.url).content.decode()
    )
    assert Ballot.objects.get().choices == [[bench, 1]]
    client.post(url("ballot", pk=approval_round.pk), {"projects": [play, repair]})
    assert Ballot.objects.count() == 1
    assert BallotReceipt.objects.count() == 1
    assert sorted(Ballot.objects.get().choices) == sorted([[play, 1], [repair, 1]])
    assert BallotReceipt.objects.get().voted_on == timezone.localdate()


def test_too_many_projects_is_refused(client, approval_round, citizen):
    client.force_login(citizen)
    response = client.post(
        url("ballot", pk=approval_round.pk), {"projects": pks(approval_round)}
    )
    assert response.status_code == 400
    assert "må højst vælge 2" in response.content.decode()
    assert not Ballot.objects.exists() and not BallotReceipt.objects.exists()


def test_empty_ballot_is_refused(client, approval_round, citizen):
    client.force_login(citizen)
    response = client.post(url("ballot", pk=approval_round.pk), {})
    assert "Vælg mindst 1" in response.content.decode()
    assert not Ballot.objects.exists()


def test_unknown_project_is_refused(
    client, approval_round, citizen, other_municipality
):
    foreign = ProjectFactory(round__municipality=other_municipality)
    client.force_login(citizen)
    response = client.post(
        url("ballot", pk=approval_round.pk), {"projects": [foreign.pk]}
    )
    assert response.status_code == 400
    assert not Ballot.objects.exists()


def test_knapsack_over_budget_is_refused(municipality, citizen):
    budget_round = BudgetRoundFactory(
        municipality=municipality, ballot_type=BallotType.KNAPSACK, budget=100_000
    )
    a = ProjectFactory(round=budget_round, cost=60_000)
    b = ProjectFactory(round=budget_round, cost=50_000)
    with pytest.raises(ValidationError, match="budgettet er 100.000 kr"):
        services.ballot_cast(
            budget_round=budget_round, user=citizen, choices=[(a.pk, 1), (b.pk, 1)]
        )
    assert not Ballot.objects.exists()
    services.ballot_cast(budget_round=budget_round, user=citizen, choices=[(a.pk, 1)])
    assert Ballot.objects.count() == 1


def test_knapsack_over_budget_through_the_page(client, municipality, citizen):
    budget_round = BudgetRoundFactory(
        municipality=municipality, ballot_type=BallotType.KNAPSACK, budget=100_000
    )
    a = ProjectFactory(round=budget_round, cost=60_000)
    b = ProjectFactory(round=budget_round, cost=50_000)
    client.force_login(citizen)
    response = client.post(
        url("ballot", pk=budget_round.pk), {"projects": [a.pk, b.pk]}
    )
    assert "110.000 kr." in response.content.decode()
    assert not Ballot.objects.exists()


def test_cumulative_points(client, municipality, citizen):
    budget_round = BudgetRoundFactory(
        municipality=municipality, ballot_type=BallotType.CUMULATIVE, points_total=10
    )
    a, b = ProjectFactory.create_batch(2, round=budget_round)
    client.force_login(citizen)
    response = client.post(
        url("ballot", pk=budget_round.pk),
        {f"points_{a.pk}": "7", f"points_{b.pk}": "5"},
    )
    assert "fordelt 12 point" in response.content.decode()
    assert not Ballot.objects.exists()
    client.post(
        url("ballot", pk=budget_round.pk),
        {f"points_{a.pk}": "7", f"points_{b.pk}": "3"},
    )
    assert sorted(Ballot.objects.get().choices) == sorted([[a.pk, 7], [b.pk, 3]])


def test_choose_one(municipality, citizen):
    budget_round = BudgetRoundFactory(
        municipality=municipality, ballot_type=BallotType.CHOOSE_ONE
    )
    a, b = ProjectFactory.create_batch(2, round=budget_round)
    with pytest.raises(ValidationError, match="præcis ét"):
        services.ballot_cast(
            budget_round=budget_round, user=citizen, choices=[(a.pk, 1), (b.pk, 1)]
        )
    services.ballot_cast(budget_round=budget_round, user=citizen, choices=[(b.pk, 1)])
    assert Ballot.objects.get().choices == [[b.pk, 1]]


def test_ranked_ballot_keeps_order(client, municipality, citizen):
    budget_round = BudgetRoundFactory(
        municipality=municipality, ballot_type=BallotType.RANKED, max_projects=3
    )
    a, b, c = ProjectFactory.create_batch(3, round=budget_round)
    client.force_login(citizen)
    response = client.post(
        url("ballot", pk=budget_round.pk), {f"rank_{a.pk}": "1", f"rank_{b.pk}": "1"}
    )
    assert "samme plads" in response.content.decode()
    response = client.post(
        url("ballot", pk=budget_round.pk), {f"rank_{a.pk}": "1", f"rank_{b.pk}": "3"}
    )
    assert "uden huller" in response.content.decode()
    assert not Ballot.objects.exists()
    client.post(
        url("ballot", pk=budget_round.pk),
        {f"rank_{c.pk}": "1", f"rank_{a.pk}": "2", f"rank_{b.pk}": ""},
    )
    assert Ballot.objects.get().choices == [[c.pk, 1], [a.pk, 1]]


@pytest.mark.parametrize(
    ("start", "end"),
    [(1, 2), (-2, -1)],
    ids=["not yet open", "closed"],
)
def test_no_ballot_outside_voting_window(client, municipality, citizen, start, end):
    now = timezone.now()
    budget_round = BudgetRoundFactory(
        municipality=municipality,
        voting_start=now + timedelta(days=start),
        voting_end=now + timedelta(days=end),
    )
    project = ProjectFactory(round=budget_round)
    client.force_login(citizen)
    response = client.post(
        url("ballot", pk=budget_round.pk), {"projects": [project.pk]}
    )
    assert response.status_code == 403
    assert "Afstemningen er ikke åben" in response.content.decode()
    assert not Ballot.objects.exists()


@pytest.mark.parametrize("phase", [Phase.REVIEW, Phase.RESULTS])
def test_no_ballot_outside_voting_phase(municipality, citizen, phase):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=phase)
    project = ProjectFactory(round=budget_round)
    with pytest.raises(ValidationError, match="ikke åben"):
        services.ballot_cast(
            budget_round=budget_round, user=citizen, choices=[(project.pk, 1)]
        )
    assert not Ballot.objects.exists()


def test_voting_closes_at_the_exact_end(municipality, citizen):
    budget_round = BudgetRoundFactory(municipality=municipality)
    project = ProjectFactory(round=budget_round)
    with pytest.raises(ValidationError):
        services.ballot_cast(
            budget_round=budget_round,
            user=citizen,
            choices=[(project.pk, 1)],
            now=budget_round.voting_end,
        )
    services.ballot_cast(
        budget_round=budget_round,
        user=citizen,
        choices=[(project.pk, 1)],
        now=budget_round.voting_end - timedelta(seconds=1),
    )


def test_outsider_cannot_vote(client, approval_round, outsider):
    client.force_login(outsider)
    response = client.post(
        url("ballot", pk=approval_round.pk), {"projects": pks(approval_round)[:1]}
    )
    assert "medlem" in response.content.decode()
    assert not Ballot.objects.exists()


def test_anonymous_is_sent_to_login(client, approval_round):
    response = client.get(url("ballot", pk=approval_round.pk))
    assert response.status_code == 302 and "/login/" in response.url


def test_minimum_age_by_birth_year(client, municipality, citizen):
    budget_round = BudgetRoundFactory(municipality=municipality, min_age=15)
    project = ProjectFactory(round=budget_round)
    year = timezone.now().year
    client.force_login(citizen)
    response = client.post(
        url("ballot", pk=budget_round.pk),
        {"projects": [project.pk], "birth_year": str(year - 12)},
    )
    assert "mindst 15 år" in response.content.decode()
    assert not Ballot.objects.exists()
    client.post(
        url("ballot", pk=budget_round.pk),
        {"projects": [project.pk], "birth_year": str(year - 15)},
    )
    assert Ballot.objects.count() == 1


def test_minimum_age_by_confirmation(client, municipality, citizen):
    budget_round = BudgetRoundFactory(
        municipality=municipality, min_age=18, age_check=AgeCheck.CONFIRM
    )
    project = ProjectFactory(round=budget_round)
    client.force_login(citizen)
    client.post(url("ballot", pk=budget_round.pk), {"projects": [project.pk]})
    assert not Ballot.objects.exists()
    client.post(
        url("ballot", pk=budget_round.pk),
        {"projects": [project.pk], "age_confirmed": "on"},
    )
    assert Ballot.objects.count() == 1


def test_postcode_area(client, municipality, citizen):
    budget_round = BudgetRoundFactory(municipality=municipality, postcodes="5000, 5200")
    project = ProjectFactory(round=budget_round)
    client.force_login(citizen)
    response = client.post(
        url("ballot", pk=budget_round.pk),
        {"projects": [project.pk], "postcode": "5700"},
    )
    assert "5000, 5200" in response.content.decode()
    assert not Ballot.objects.exists()
    client.post(
        url("ballot", pk=budget_round.pk),
        {"projects": [project.pk], "postcode": "5200"},
    )
    assert Ballot.objects.count() == 1


def test_one_ballot_per_person_many_people(municipality, approval_round):
    first = pks(approval_round)[0]
    for _ in range(3):
        user = MembershipFactory(municipality=municipality).user
        services.ballot_cast(
            budget_round=approval_round, user=user, choices=[(first, 1)]
        )
        services.ballot_cast(
            budget_round=approval_round, user=user, choices=[(first, 1)]
        )
    assert Ballot.objects.count() == 3
    assert BallotReceipt.objects.count() == 3


def test_paper_ballot_by_employee(client, approval_round, employee):
    client.force_login(employee)
    assert client.get(url("paper_ballot", pk=approval_round.pk)).status_code == 200
    client.post(
        url("paper_ballot", pk=approval_round.pk), {"projects": pks(approval_round)[:2]}
    )
    client.post(
        url("paper_ballot", pk=approval_round.pk), {"projects": pks(approval_round)[:1]}
    )
    assert Ballot.objects.filter(source=BallotSource.PAPER).count() == 2
    assert not BallotReceipt.objects.exists()
    response = client.post(
        url("paper_ballot", pk=approval_round.pk), {"projects": pks(approval_round)}
    )
    assert "højst vælge 2" in response.content.decode()
    assert Ballot.objects.count() == 2


@pytest.mark.parametrize("role", ["citizen", "politician", "moderator"])
def test_only_staff_enter_paper_ballots(client, approval_round, role, request):
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        url("paper_ballot", pk=approval_round.pk), {"projects": pks(approval_round)[:1]}
    )
    assert response.status_code == 403
    assert not Ballot.objects.exists()


def test_ballot_page_query_count(
    client, approval_round, citizen, django_assert_max_num_queries
):
    ProjectFactory.create_batch(20, round=approval_round)
    client.force_login(citizen)
    client.get(url("ballot", pk=approval_round.pk))
    with django_assert_max_num_queries(12):
        assert client.get(url("ballot", pk=approval_round.pk)).status_code == 200
