"""Import a Pabulib file as a round to explore; export any round as a valid .pb file."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting import services
from faelles.budgeting.engine import parse_pabulib, read_pabulib
from faelles.budgeting.engine.rules import count
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import BallotSource, BallotType, BudgetRound, Phase

from . import pabutools_adapter

pytestmark = pytest.mark.django_db

ROUND_TRIP = [
    "Netherlands_Assen_2024.pb",  # approval, equalshares/add1
    "Netherlands_Amsterdam_304.pb",  # approval with max_sum_cost: knapsack
    "France_Toulouse_2019.pb",  # cumulative
    "Poland_Krakow_2018_Bienczyce.pb",  # ordinal
    "Poland_Wroclaw_2016_Rejon_nr_11_250.pb",  # choose-1
]


def url(name, **kwargs):
    return reverse(
        f"budgeting:{name}", kwargs={"municipality_slug": "odense", **kwargs}
    )


def upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def test_admin_imports_assen_and_sees_the_official_result(
    client,
    municipality,
    municipal_admin,
    shared_data,
    django_capture_on_commit_callbacks,
):
    path = shared_data / "pabulib" / "Netherlands_Assen_2024.pb"
    client.force_login(municipal_admin)
    assert client.get(url("import")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the task runs at once
        response = client.post(url("import"), {"file": upload(path), "title": ""})
    assert response.status_code == 302  # to the import's page, which sends on
    response = client.get(response.url)
    budget_round = BudgetRound.objects.get()
    assert response.status_code == 302
    assert response.url.endswith(f"/{budget_round.pk}/resultat/")
    assert budget_round.is_imported and budget_round.phase == Phase.RESULTS
    assert budget_round.title == "Assen – 2024"
    assert budget_round.counting_rule == "mes_add1"
    official = set(read_pabulib(path).selected_column())
    funded = set(
        budget_round.projects.filter(is_funded=True).values_list(
            "pabulib_id", flat=True
        )
    )
    assert funded == official
    page = client.get(response.url).content.decode()
    assert "84 personer stemte om 100.000 kr." in page
    assert budget_round.ballots.filter(source=BallotSource.IMPORTED).count() == 84


@pytest.mark.parametrize(
    "content",
    [b"not a pabulib file", b"META\nkey;value\nbudget;x\n", b"\xff\xfe\x00"],
)
def test_bad_file_is_refused_and_nothing_saved(
    client, municipality, municipal_admin, content, django_capture_on_commit_callbacks
):
    client.force_login(municipal_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("import"),
            {"file": SimpleUploadedFile("x.pb", content, content_type="text/plain")},
        )
    if response.status_code == 302:  # read by the background task
        response = client.get(response.url)
    assert response.status_code == 200
    assert (
        "form-error" in response.content.decode()
        or "alert-error" in response.content.decode()
    )
    assert not BudgetRound.objects.exists()


def test_only_administrators_import(
    client, municipality, employee, citizen, shared_data
):
    path = shared_data / "pabulib" / "Netherlands_Assen_2024.pb"
    for user in (citizen, employee):
        client.force_login(user)
        response = client.post(url("import"), {"file": upload(path)})
        assert response.status_code == 403
    assert not BudgetRound.objects.exists()


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_import_then_export_keeps_the_election(
    client, municipality, municipal_admin, shared_data, name
):
    path = shared_data / "pabulib" / name
    original = read_pabulib(path)
    budget_round = services.round_import_pabulib(
        municipality=municipality, actor=municipal_admin, text=path.read_text()
    )
    client.force_login(municipal_admin)
    response = client.get(url("export", pk=budget_round.pk))
    assert response["Content-Disposition"].endswith('.pb"')
    text = response.content.decode()
    exported = parse_pabulib(text)
    assert exported.n_voters == original.n_voters
    assert exported.budget == original.budget
    assert dict(zip(exported.project_ids, exported.costs, strict=True)) == dict(
        zip(original.project_ids, original.costs, strict=True)
    )
    assert dict(
        zip(exported.project_ids, exported.scores().tolist(), strict=True)
    ) == dict(zip(original.project_ids, original.scores().tolist(), strict=True))
    for rule in ("greedy", "mes", "mes-greedy", "phragmen"):
        assert sorted(count(exported, rule).selected) == sorted(
            count(original, rule).selected
        ), rule
    instance, profile = pabutools_adapter.load(text=text)
    assert profile.num_ballots() == original.n_voters
    assert {p.name for p in instance} == set(original.project_ids)
    assert sorted(pabutools_adapter.outcome(instance, profile, "greedy")) == sorted(
        count(original, "greedy").selected
    )


def test_export_of_our_own_round(client, municipality, employee):
    budget_round = BudgetRoundFactory(
        municipality=municipality, ballot_type=BallotType.CUMULATIVE, points_total=5
    )
    a = ProjectFactory(round=budget_round, title="Legeplads", cost=60_000)
    b = ProjectFactory(round=budget_round, title="Bænke; med semikolon", cost=30_000)
    for points in ([(a.pk, 3), (b.pk, 2)], [(b.pk, 5)], [(a.pk, 1)]):
        user = MembershipFactory(municipality=municipality).user
        services.ballot_cast(budget_round=budget_round, user=user, choices=points)
    services.paper_ballot_enter(
        budget_round=budget_round, actor=employee, choices=[(a.pk, 4)]
    )
    budget_round.voting_end = timezone.now() - timedelta(seconds=1)
    budget_round.save()
    services.round_set_phase(
        budget_round=budget_round, actor=employee, phase=Phase.RESULTS
    )
    client.force_login(employee)
    text = client.get(url("export", pk=budget_round.pk)).content.decode()
    election = parse_pabulib(text)
    assert election.vote_type == "cumulative"
    assert election.meta["max_sum_points"] == "5"
    assert election.meta["currency"] == "DKK"
    assert dict(zip(election.project_ids, election.scores().tolist(), strict=True)) == {
        str(a.pk): 8,
        str(b.pk): 7,
    }
    names = {row["project_id"]: row["name"] for row in election.project_fields}
    assert names[str(b.pk)] == "Bænke; med semikolon"
    instance, profile = pabutools_adapter.load(text=text)
    assert profile.num_ballots() == 4


def test_citizens_export_only_after_the_vote(client, municipality, citizen):
    budget_round = BudgetRoundFactory(municipality=municipality)
    ProjectFactory(round=budget_round)
    client.force_login(citizen)
    assert client.get(url("export", pk=budget_round.pk)).status_code == 404
    budget_round.phase = Phase.RESULTS
    budget_round.voting_end = timezone.now() - timedelta(seconds=1)
    budget_round.save()
    assert client.get(url("export", pk=budget_round.pk)).status_code == 200


SMALL_PB = """META
key;value
description;Lille prøve
num_projects;2
num_votes;2
budget;100
vote_type;{vote_type}
max_length;{max_length}
min_length;{min_length}
max_sum_points;{points}
PROJECTS
project_id;cost;votes
1;60;2
2;50;1
VOTES
voter_id;vote{points_column}
a;1,2{points_a}
b;1{points_b}
"""


@pytest.mark.parametrize(
    ("max_length", "min_length", "points"),
    [("²", "١", "²"), ("99999999999999999999", "-1", "1e400"), ("", "", "0")],
)
def test_import_reads_unreadable_meta_numbers_as_absent(
    municipality, municipal_admin, max_length, min_length, points
):
    """META is untrusted text: numbers that cannot be read fall back to defaults."""
    for vote_type, extra in (
        ("approval", ("", "", "")),
        ("cumulative", (";points", ";3,2", ";5")),
    ):
        text = SMALL_PB.format(
            vote_type=vote_type,
            max_length=max_length,
            min_length=min_length,
            points=points,
            points_column=extra[0],
            points_a=extra[1],
            points_b=extra[2],
        )
        budget_round = services.round_import_pabulib(
            municipality=municipality, actor=municipal_admin, text=text
        )
        assert budget_round.min_projects == 0
        assert budget_round.max_projects in (None, 2)
        assert 1 <= budget_round.points_total <= 32767
