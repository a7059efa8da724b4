"""The bulk seed: deterministic, with counters and participants that agree."""

import pytest
from django.core.management import call_command
from django.db.models import Count, F

from faelles.dialogue.models import Comment, Hearing, Participant

pytestmark = pytest.mark.django_db


def _fingerprint(slug):
    return list(
        Comment.objects.filter(hearing__municipality__slug=slug)
        .order_by("id")
        .values_list("body", "paragraph__position", "parent__body")[:300]
    )


def test_seed_is_consistent_and_deterministic():
    for slug in ("hs-a", "hs-b"):
        call_command(
            "seed", municipality=slug, scale="small", seed=5, only="accounts,dialogue"
        )
    hearings = Hearing.objects.filter(municipality__slug="hs-a")
    assert hearings.count() == 10
    # Filed under the municipality's own themes, in turn.
    assert not hearings.exclude(theme__municipality__slug="hs-a").exists()
    assert hearings.values("theme").distinct().count() > 1
    assert Comment.objects.filter(hearing__in=hearings).count() == 3_000
    assert not hearings.annotate(n=Count("comments")).exclude(comment_count=F("n"))
    for hearing in hearings:
        authors = set(hearing.comments.values_list("author_id", flat=True))
        assert (
            set(
                Participant.objects.filter(hearing=hearing).values_list(
                    "user_id", flat=True
                )
            )
            == authors
        )
    replies = Comment.objects.filter(hearing__in=hearings, parent__isnull=False)
    assert replies.exists()
    assert not replies.exclude(paragraph_id=F("parent__paragraph_id")).exclude(
        paragraph__isnull=True, parent__paragraph__isnull=True
    )
    assert _fingerprint("hs-a") == _fingerprint("hs-b")
