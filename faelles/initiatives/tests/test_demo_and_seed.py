"""The hand-written demo content and the bulk seed."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Sum
from django.utils import timezone

from faelles.initiatives.models import (
    Comment,
    Initiative,
    Outcome,
    State,
    Story,
    Support,
    Trial,
)
from faelles.initiatives.notifications import find_awaiting
from faelles.initiatives.selectors import library_statistics, newspaper_content
from faelles.participation.models import ParticipationAct

pytestmark = pytest.mark.django_db

SLUGS = ["kerteminde", "odense", "faxe", "skanderborg", "rodovre"]


def _load_demo():
    """The foundation and this app's demo only (other apps test their own)."""
    import io

    from faelles.demo.foundation import load_foundation
    from faelles.initiatives.demo import load_demo

    load_demo(municipalities=load_foundation(), stdout=io.StringIO())


def test_demo_has_every_phase_honest_evaluations_and_stories():
    _load_demo()
    _load_demo()  # loading again refreshes, never doubles
    for slug in SLUGS:
        initiatives = Initiative.objects.filter(municipality__slug=slug)
        assert initiatives.count() >= 10, slug
        assert set(initiatives.values_list("state", flat=True)) == set(State.values)
        trials = Trial.objects.filter(municipality__slug=slug).evaluated()
        outcomes = set(trials.values_list("outcome", flat=True))
        assert Outcome.DID_NOT_WORK in outcomes and Outcome.WORKED in outcomes, slug
        assert all(t.learned for t in trials)
        municipality = initiatives.first().municipality
        assert library_statistics(municipality=municipality)["overall"]["total"] >= 5
        stories = Story.objects.filter(municipality__slug=slug).published()
        assert stories.exists(), slug
        for story in stories:
            for photo in story.photos.filter(shows_people=True):
                assert photo.consents.exists()
        today = timezone.localdate()
        paper = newspaper_content(
            municipality=municipality, start=today - dt.timedelta(days=90), end=today
        )
        assert paper["stories"], slug
        for initiative in initiatives.exclude(state=State.IDEA):
            reasons = list(initiative.transitions.values_list("reason", flat=True))
            assert len(reasons) >= 2 and all(reasons)
        counts = initiatives.aggregate(s=Sum("support_count"), c=Sum("comment_count"))
        assert (
            counts["s"]
            == Support.objects.filter(initiative__municipality=municipality).count()
        )
    assert Comment.objects.filter(is_hidden=True).count() == len(SLUGS)
    flagged = {f.municipality.slug for f in find_awaiting()}
    assert "kerteminde" in flagged
    assert ParticipationAct.objects.filter(action="initiative.propose").exists()
    internal = Initiative.objects.get(
        municipality__slug="faxe", staff_only=True, state=State.TRYING
    )
    assert internal.trials.get().criteria.count() == 3
    assert Initiative.objects.filter(staff_only=True).count() == 1


def _fingerprint(slug):
    return list(
        Initiative.objects.filter(municipality__slug=slug)
        .order_by("id")
        .values_list("title", "state", "support_count", "comment_count")
    )


def test_seed_writes_consistent_counters_and_is_deterministic():
    for slug in ("by-a", "by-b"):
        call_command(
            "seed",
            municipality=slug,
            scale="small",
            seed=3,
            only="accounts,organisations,initiatives",
        )
    initiatives = Initiative.objects.filter(municipality__slug="by-a")
    assert initiatives.count() == 200
    assert Support.objects.filter(initiative__municipality__slug="by-a").count() == 5000
    assert Comment.objects.filter(initiative__municipality__slug="by-a").count() == 5000
    mismatched = (
        initiatives.annotate(n=Count("supports", distinct=True))
        .exclude(support_count=F("n"))
        .count()
    )
    assert mismatched == 0
    assert _fingerprint("by-a") == _fingerprint("by-b")
    assert Trial.objects.filter(municipality__slug="by-a").evaluated().exists()
    assert initiatives.filter(staff_only=True).count() == 10  # one in twenty
    acts = ParticipationAct.objects.filter(municipality__slug="by-a")
    assert acts.filter(action="initiative.support").count() == 5000
