"""Skanderborg's four demo committees, one chosen by lot from 40 applicants."""

import io

import pytest
from django.db.models import F
from django.urls import reverse

from faelles.committees import demo
from faelles.committees.models import (
    ApplicationStatus,
    Decision,
    DrawStatus,
    FollowUpAction,
    TaskCommittee,
)
from faelles.committees.phases import Phase
from faelles.demo.foundation import load_foundation
from faelles.sortition import draw

pytestmark = pytest.mark.django_db


def test_the_demo_runs_a_committee_from_call_to_follow_up(client):
    municipalities = load_foundation()
    demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    committees = {c.title: c for c in TaskCommittee.objects.all()}
    assert len(committees) == 4
    assert {c.phase for c in committees.values()} == {
        Phase.CALL,
        Phase.WORK,
        Phase.RECOMMENDATION,
        Phase.FOLLOW_UP,
    }
    # Filed under Skanderborg's own strategy (faelles/demo/content/themes.py).
    filed = {
        c.title: (c.theme.key, c.focus_area.key if c.focus_area else None)
        for c in TaskCommittee.objects.select_related("theme", "focus_area")
    }
    assert filed == {
        "Opgaveudvalget for unges fællesskaber": ("boerne-og-ungeliv", "unges-trivsel"),
        "Opgaveudvalget for grøn omstilling i lokalsamfundene": (
            "natur-klima",
            "groen-omstilling",
        ),
        "Opgaveudvalget for levende landsbyer": ("byer-og-landsbyer", None),
        "Opgaveudvalget for et aktivt seniorliv": ("det-gode-aeldreliv", None),
    }
    assert not TaskCommittee.objects.exclude(
        theme__municipality__slug="skanderborg"
    ).exists()
    youth = committees["Opgaveudvalget for unges fællesskaber"]
    served = dict(youth.recommendations.values_list("title", "theme__key"))
    assert served["Gratis øvelokaler og mødesteder for unge om aftenen"] == (
        "kultur-og-fritid"
    )
    assert set(served.values()) == {"boerne-og-ungeliv", "kultur-og-fritid"}
    job = youth.draws.get()
    assert job.status == DrawStatus.DONE and job.seed == 20250314
    assert len(job.pool) == 41 and len(job.selected) == 8
    quotas = {f: {v: tuple(b) for v, b in vs.items()} for f, vs in job.quotas.items()}
    assert list(draw(job.pool, 8, quotas, job.seed).selected) == job.selected
    assert youth.members.filter(by_lot=True).count() == 8
    assert (
        youth.applications.filter(status=ApplicationStatus.NOT_SELECTED).count() == 33
    )
    decisions = set(youth.recommendations.values_list("decision", flat=True))
    assert decisions == {
        Decision.ADOPTED,
        Decision.ADOPTED_IN_PART,
        Decision.REJECTED,
    }
    actions = FollowUpAction.objects.filter(recommendation__committee=youth)
    assert actions.count() == 3 and actions.overdue().count() == 1
    assert youth.meetings.exclude(minutes="").count() == 4
    # Loading again refreshes instead of doubling.
    demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    assert TaskCommittee.objects.count() == 4
    # The open call is on the home page; the citizen can apply.
    home = client.get(
        reverse("municipalities:home", kwargs={"municipality_slug": "skanderborg"})
    )
    assert "Opgaveudvalget for et aktivt seniorliv" in home.content.decode()


def test_seed_small_writes_committees_recommendations_and_follow_up():
    from django.core.management import call_command

    from faelles.committees.models import Recommendation

    call_command(
        "seed",
        municipality="seed-c",
        scale="small",
        seed=5,
        only="accounts,organisations,committees",
    )
    committees = TaskCommittee.objects.filter(municipality__slug="seed-c")
    assert committees.count() == 10
    assert Recommendation.objects.filter(committee__in=committees).count() == 250
    actions = FollowUpAction.objects.filter(municipality__slug="seed-c")
    assert actions.count() == 1_000
    assert 0 < actions.overdue().count() < 1_000
    assert not actions.exclude(
        recommendation__decision__in=["adopted", "adopted_in_part"]
    ).exists()
    for action in actions[:50]:
        action.full_clean()
    # Every committee under one of the municipality's themes; its
    # recommendations serve the same theme.
    assert not committees.exclude(theme__municipality__slug="seed-c").exists()
    assert committees.values("theme").distinct().count() > 1
    assert not Recommendation.objects.filter(committee__in=committees).exclude(
        theme=F("committee__theme")
    )
