"""A person's initiative data in the export, and what happens when they leave."""

import pytest

from faelles.accounts.services import account_delete, account_export
from faelles.initiatives import services
from faelles.initiatives.factories import InitiativeFactory
from faelles.initiatives.models import Comment, Initiative, Story
from faelles.participation.models import ParticipationAct

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_person(municipality, citizen, politician):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    services.support_toggle(initiative=initiative, user=politician)
    services.participation_join(initiative=initiative, user=politician, role="Tømrer")
    services.follow_toggle(initiative=initiative, user=politician)
    services.comment_create(initiative=initiative, author=politician, body="Godt!")
    services.story_create(
        initiative=initiative, author=politician, title="Broen", lead="L", body="B"
    )
    return initiative, politician


def test_export_covers_everything_initiatives_hold(active_person):
    initiative, person = active_person
    export = account_export(user=person)
    data = export["initiatives"]
    assert [s["initiative_id"] for s in data["supports"]] == [initiative.pk]
    assert data["participations"][0]["role"] == "Tømrer"
    assert data["follows"][0]["initiative_id"] == initiative.pk
    assert data["comments"][0]["body"] == "Godt!"
    assert data["stories"][0]["title"] == "Broen"
    # The acts on the activity ladder are the participation app's part.
    acts = export["participation"]["participation_acts"]
    assert {a["action"] for a in acts} == {
        "initiative.support",
        "initiative.join",
        "initiative.comment",
        "initiative.story",
    }


def test_deletion_removes_personal_rows_and_keeps_counters_right(active_person):
    initiative, person = active_person
    account_delete(user=person)
    initiative = Initiative.objects.get(pk=initiative.pk)
    assert (
        initiative.support_count,
        initiative.participant_count,
        initiative.follower_count,
    ) == (0, 0, 0)
    assert not ParticipationAct.objects.filter(action="initiative.support").exists()
    comment = Comment.objects.get()
    assert comment.author is None  # the contribution stays, anonymised
    assert Story.objects.get().author is None


def test_proposer_leaving_keeps_the_initiative(municipality, citizen):
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    account_delete(user=citizen)
    assert Initiative.objects.get(pk=initiative.pk).proposer is None
