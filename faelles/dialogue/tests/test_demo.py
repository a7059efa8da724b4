"""The hand-written demo hearings load, twice, through the services."""

import io

import pytest

from faelles.dialogue.models import Appeal, Comment, Hearing, Reaction
from faelles.dialogue.selectors import who_was_heard
from faelles.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _load():
    from faelles.demo.foundation import load_foundation
    from faelles.dialogue.demo import load_demo

    load_demo(municipalities=load_foundation(), stdout=io.StringIO())


def test_demo_hearing_and_debate(django_capture_on_commit_callbacks):
    _load()
    with django_capture_on_commit_callbacks(execute=True):
        _load()  # loading again replaces, never doubles
    plan = Hearing.objects.get(municipality__slug="rodovre")
    assert plan.current_phase.key == "answered"
    assert plan.sections.count() == 5
    assert Comment.objects.filter(hearing=plan).count() >= 50
    assert Comment.objects.filter(hearing=plan, parent__isnull=False).count() >= 20
    assert Comment.objects.filter(hearing=plan, author_role="politician").exists()
    hidden = Comment.objects.get(hearing=plan, is_hidden=True)
    assert hidden.hidden_reason
    assert Appeal.objects.get(comment=hidden).decided_at is None
    assert Reaction.objects.filter(comment__hearing=plan).count() > 100
    assert plan.answer.published_at is not None
    assert Notification.objects.filter(kind="dialogue.answer").count() >= 30
    heard = who_was_heard(hearing=plan)
    assert heard.total and heard.total >= 30
    assert any(row.count for row in heard.by_age)
    assert any(row.count for row in heard.by_area)
    debate = Hearing.objects.get(municipality__slug="kerteminde")
    assert debate.kind == "debate" and debate.current_phase.key == "open"
    # Rødovre's own strategy; Kerteminde's default themes.
    assert (plan.theme.municipality_id, plan.theme.key) == (
        plan.municipality_id,
        "groen-by",
    )
    assert (debate.theme.municipality_id, debate.theme.key) == (
        debate.municipality_id,
        "community",
    )
