"""Choosing what to drop ("vælg fra"): round setting, ballot, count, results, export."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting import services
from faelles.budgeting.engine import parse_pabulib
from faelles.budgeting.engine.drops import drops_from_election
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Ballot, BallotType, BudgetRound, Phase
from faelles.budgeting.selectors import own_ballot

from . import pabutools_adapter

pytestmark = pytest.mark.django_db


def url(name, slug="odense", **kwargs):
    return reverse(f"budgeting:{name}", kwargs={"municipality_slug": slug, **kwargs})


def drops_round(municipality, **fields):
    budget_round = BudgetRoundFactory(
        municipality=municipality,
        budget=100_000,
        max_projects=None,
        allow_drops=True,
        max_drops=2,
        **fields,
    )
    projects = {
        key: ProjectFactory(round=budget_round, title=title, cost=cost)
        for key, title, cost in (
            ("a", "Skaterbane", 60_000),
            ("b", "Hundeskov", 50_000),
            ("c", "Bænke ved søen", 40_000),
            ("d", "Lys på stien", 30_000),
        )
    }
    return budget_round, projects


def vote(budget_round, projects, fund, drop=""):
    user = MembershipFactory(municipality=budget_round.municipality).user
    services.ballot_cast(
        budget_round=budget_round,
        user=user,
        choices=[(projects[k].pk, 1) for k in fund],
        drops=[projects[k].pk for k in drop],
    )
    return user


def close(budget_round, employee):
    budget_round.voting_end = timezone.now() - timedelta(seconds=1)
    budget_round.save()
    return services.round_set_phase(
        budget_round=budget_round, actor=employee, phase=Phase.RESULTS
    )


# Approvals a=2 b=3 c=2 d=3; drops a=3 b=1 c=1 d=0; net a=-1 b=2 c=1 d=3.
BALLOTS = [
    ("ab", "c"),
    ("a", "b"),
    ("bc", ""),
    ("c", "a"),
    ("d", "a"),
    ("d", "a"),
    ("b", ""),
    ("d", ""),
]


def counted(municipality, employee, counting_rule="mes"):
    budget_round, projects = drops_round(municipality, counting_rule=counting_rule)
    for fund, drop in BALLOTS:
        vote(budget_round, projects, fund, drop)
    return close(budget_round, employee), projects


@pytest.mark.parametrize("counting_rule", ["greedy", "mes", "mes_add1"])
def test_count_by_net_approval_by_hand(municipality, employee, counting_rule):
    """Greedy by net: d (3), b (2) – 80.000 kr.; c (1) does not fit in 20.000 kr.

    MES: eight voters with 12.500 kr. each; only d's three supporters can pay
    (10.000 kr. each); the rest goes by net approval: b fits, c does not. a
    has more drops than approvals and is never funded.
    """
    budget_round, p = counted(municipality, employee, counting_rule)
    results = budget_round.results
    assert results["drops"] is True
    if counting_rule == "mes_add1":
        # Raising the shares lets b's supporters pay first; the same two projects.
        assert results["funded"] == [p["b"].pk, p["d"].pk]
    else:
        assert results["funded"] == [p["d"].pk, p["b"].pk]
    rows = {r["title"]: r for r in results["projects"]}
    assert (rows["Skaterbane"]["score"], rows["Skaterbane"]["drops"]) == (2, 3)
    assert rows["Skaterbane"]["net"] == -1
    assert rows["Skaterbane"]["greedy_reason"]["status"] == "dropped"
    assert rows["Skaterbane"]["mes_reason"]["status"] == "dropped"
    assert rows["Bænke ved søen"]["greedy_reason"] == {
        "status": "did_not_fit",
        "remaining": 20_000.0,
    }
    funded = set(
        budget_round.projects.filter(is_funded=True).values_list("title", flat=True)
    )
    assert funded == {"Lys på stien", "Hundeskov"}


def test_results_page_explains_drops(client, municipality, employee):
    budget_round, _p = counted(municipality, employee)
    page = client.get(url("results", pk=budget_round.pk)).content.decode()
    assert "Vælgerne kunne også vælge fra" in page
    assert "Flere valgte projektet fra end til: 3 fra, 2 til." in page
    assert "3 valgte det til, 0 valgte det fra." in page
    assert "Valgt fra af vælgerne" in page
    assert "Netto: -1" in page
    client.cookies["django_language"] = "en"
    page = client.get(url("results", pk=budget_round.pk), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert (
        "More voters chose to drop the project than to fund it: 3 against, 2 for."
        in text
    )
    assert "Voters could also choose what to drop" in text


def test_equal_for_and_against_is_not_funded(client, municipality, employee):
    budget_round, p = drops_round(municipality)
    vote(budget_round, p, "a", "b")
    vote(budget_round, p, "b", "a")
    vote(budget_round, p, "c")
    close(budget_round, employee)
    budget_round.refresh_from_db()
    assert budget_round.results["funded"] == [p["c"].pk]
    page = client.get(url("results", pk=budget_round.pk)).content.decode()
    assert (
        "Lige så mange valgte projektet fra som til (1), så det får ikke penge." in page
    )


def test_ballot_keeps_drops_and_nothing_about_the_person(municipality):
    budget_round, p = drops_round(municipality)
    user = vote(budget_round, p, "ab", "cd")
    ballot = Ballot.objects.get(round=budget_round)
    assert ballot.choices == [[p["a"].pk, 1], [p["b"].pk, 1]]
    assert ballot.drops == [p["c"].pk, p["d"].pk]
    assert {f.name for f in Ballot._meta.get_fields()} == {
        "id",
        "municipality",
        "round",
        "choices",
        "drops",
        "source",
    }
    assert own_ballot(budget_round=budget_round, user=user) == (
        [[p["a"].pk, 1], [p["b"].pk, 1]],
        [p["c"].pk, p["d"].pk],
    )
    # Changing the vote replaces the drops too.
    services.ballot_cast(
        budget_round=budget_round,
        user=user,
        choices=[(p["c"].pk, 1)],
        drops=[p["a"].pk],
    )
    ballot.refresh_from_db()
    assert ballot.drops == [p["a"].pk]
    assert Ballot.objects.filter(round=budget_round).count() == 1


@pytest.mark.parametrize(
    ("fund", "drop", "message"),
    [
        (
            "ab",
            "b",
            "Du kan ikke både støtte og vælge det samme projekt fra: “Hundeskov”.",
        ),
        ("a", "bcd", "Du har valgt 3 projekter fra, men må højst vælge 2 fra."),
        ("a", "bb", "Et projekt kan kun vælges fra én gang."),
        ("", "bc", "Vælg mindst 1 projekt."),
    ],
)
def test_bad_drops_are_refused_and_nothing_saved(municipality, fund, drop, message):
    budget_round, p = drops_round(municipality)
    user = MembershipFactory(municipality=municipality).user
    with pytest.raises(ValidationError) as error:
        services.ballot_cast(
            budget_round=budget_round,
            user=user,
            choices=[(p[k].pk, 1) for k in fund],
            drops=[p[k].pk for k in drop],
        )
    assert message in error.value.messages
    assert not Ballot.objects.filter(round=budget_round).exists()


def test_drops_refused_where_the_round_has_none(municipality):
    budget_round, p = drops_round(municipality)
    budget_round.allow_drops = False
    budget_round.save()
    with pytest.raises(ValidationError) as error:
        vote(budget_round, p, "a", "b")
    assert (
        "I denne afstemning kan man ikke vælge projekter fra." in error.value.messages
    )
    assert not Ballot.objects.exists()


def test_drop_of_a_project_not_on_the_ballot(municipality, other_municipality):
    budget_round, p = drops_round(municipality)
    elsewhere = ProjectFactory(
        round=BudgetRoundFactory(municipality=other_municipality)
    )
    user = MembershipFactory(municipality=municipality).user
    with pytest.raises(ValidationError) as error:
        services.ballot_cast(
            budget_round=budget_round,
            user=user,
            choices=[(p["a"].pk, 1)],
            drops=[elsewhere.pk],
        )
    assert "Stemmesedlen nævner et projekt, der ikke er på stemmesedlen." in (
        error.value.messages
    )


def test_voter_drops_through_the_ballot_page(client, municipality, other_municipality):
    budget_round, p = drops_round(municipality)
    user = MembershipFactory(municipality=municipality).user
    client.force_login(user)
    page = client.get(url("ballot", pk=budget_round.pk)).content.decode()
    assert f'id="drop-{p["a"].pk}"' in page
    assert "Du kan også vælge op til 2 projekter fra" in page
    response = client.post(
        url("ballot", pk=budget_round.pk),
        {"projects": [p["a"].pk], "drops": [p["a"].pk]},
    )
    assert response.status_code == 400
    assert "Du kan ikke både støtte og vælge det samme projekt fra" in (
        response.content.decode()
    )
    assert not Ballot.objects.exists()
    response = client.post(
        url("ballot", pk=budget_round.pk),
        {"projects": [p["a"].pk], "drops": [p["b"].pk]},
    )
    assert response.status_code == 302
    page = client.get(url("ballot", pk=budget_round.pk)).content.decode()
    assert f'value="{p["b"].pk}" id="drop-{p["b"].pk}" checked' in page
    assert f'value="{p["a"].pk}" id="drop-{p["a"].pk}" checked' not in page
    # Another municipality's round is a 404.
    other = url("ballot", slug=other_municipality.slug, pk=budget_round.pk)
    assert client.get(other).status_code == 404


def test_round_page_tells_voters_they_can_drop(client, municipality):
    budget_round, _p = drops_round(municipality)
    page = client.get(url("detail", pk=budget_round.pk)).content.decode()
    assert "<dt>Fravalg</dt><dd>Du kan også vælge op til 2 projekter fra</dd>" in page


def test_ordinary_ballot_page_has_no_drops(client, municipality):
    budget_round = BudgetRoundFactory(municipality=municipality)
    ProjectFactory(round=budget_round)
    page = client.get(url("detail", pk=budget_round.pk)).content.decode()
    assert "Fravalg" not in page
    client.force_login(MembershipFactory(municipality=municipality).user)
    page = client.get(url("ballot", pk=budget_round.pk)).content.decode()
    assert 'name="drops"' not in page


def test_paper_ballot_with_drops(client, municipality, employee):
    budget_round, p = drops_round(municipality)
    client.force_login(employee)
    response = client.post(
        url("paper_ballot", pk=budget_round.pk),
        {"projects": [p["c"].pk], "drops": [p["a"].pk]},
    )
    assert response.status_code == 302
    ballot = Ballot.objects.get(round=budget_round)
    assert (ballot.source, ballot.drops) == ("paper", [p["a"].pk])


def test_round_form_sets_drops(client, municipality, employee):
    client.force_login(employee)
    fields = {
        "title": "Vi tør prioritere 2027",
        "budget": "500000",
        "ballot_type": "approval",
        "min_projects": "1",
        "max_projects": "3",
        "points_total": "10",
        "age_check": "birth_year",
        "counting_rule": "greedy",
        "allow_drops": "on",
        "max_drops": "2",
    }
    page = client.get(url("create")).content.decode()
    assert "Stemmerne kan også vælge fra" in page
    assert client.post(url("create"), fields).status_code == 302
    created = BudgetRound.objects.get(title="Vi tør prioritere 2027")
    assert (created.allow_drops, created.max_drops) == (True, 2)
    response = client.post(
        url("create"), {**fields, "title": "Point", "ballot_type": "cumulative"}
    )
    assert response.status_code == 200
    assert "Fravalg kan kun bruges, når vælgerne sætter kryds" in (
        response.content.decode()
    )
    assert not BudgetRound.objects.filter(title="Point").exists()


def test_drops_locked_once_voting_has_begun(municipality, employee):
    budget_round, _p = drops_round(municipality)
    with pytest.raises(ValidationError):
        services.round_update(budget_round=budget_round, actor=employee, max_drops=5)
    with pytest.raises(ValidationError):
        services.round_update(
            budget_round=budget_round, actor=employee, allow_drops=False
        )


def test_export_carries_drops_and_imports_back(
    client, municipality, employee, municipal_admin
):
    budget_round, p = counted(municipality, employee, counting_rule="greedy")
    text = client.get(url("export", pk=budget_round.pk)).content.decode()
    election = parse_pabulib(text)
    assert election.voter_columns == ["voter_id", "vote", "drops"]
    assert "VOTES column drops" in election.meta["comment"]
    drops = drops_from_election(election)
    assert sorted(sum(drops, [])) == sorted(
        [str(p[k].pk) for _fund, drop in BALLOTS for k in drop]
    )
    instance, profile = pabutools_adapter.load(text=text)
    assert profile.num_ballots() == len(BALLOTS)
    imported = services.round_import_pabulib(
        municipality=municipality, actor=municipal_admin, text=text, title="Kopi"
    )
    assert imported.allow_drops
    assert set(
        imported.projects.filter(is_funded=True).values_list("title", flat=True)
    ) == {"Lys på stien", "Hundeskov"}
    assert imported.results["funded"] and imported.results["drops"] is True


def test_ordinary_export_is_unchanged(client, municipality, employee):
    budget_round = BudgetRoundFactory(municipality=municipality)
    a = ProjectFactory(round=budget_round, cost=10_000)
    user = MembershipFactory(municipality=municipality).user
    services.ballot_cast(budget_round=budget_round, user=user, choices=[(a.pk, 1)])
    close(budget_round, employee)
    text = client.get(url("export", pk=budget_round.pk)).content.decode()
    assert "drops" not in text and "comment" not in text
    assert "voter_id;vote\n" in text.replace("\r\n", "\n")
    budget_round.refresh_from_db()
    assert budget_round.results["drops"] is False


def test_imported_file_with_impossible_drops_is_refused(municipality, municipal_admin):
    text = (
        "META\nkey;value\nbudget;100\nvote_type;approval\n"
        "PROJECTS\nproject_id;cost\n1;50\n2;50\n"
        "VOTES\nvoter_id;vote;drops\n1;1;1\n"
    )
    with pytest.raises(ValidationError) as error:
        services.round_import_pabulib(
            municipality=municipality, actor=municipal_admin, text=text
        )
    assert "Kolonnen drops i filen kan ikke tælles" in error.value.messages[0]
    assert not BudgetRound.objects.filter(is_imported=True).exists()


def test_drops_only_with_marks_not_points(municipality, employee):
    with pytest.raises(ValidationError) as error:
        services.round_create(
            municipality=municipality,
            actor=employee,
            title="Point",
            budget=1000,
            ballot_type=BallotType.RANKED,
            allow_drops=True,
        )
    assert "allow_drops" in error.value.message_dict
