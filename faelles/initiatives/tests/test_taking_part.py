"""Support, join with a role, follow, threaded and moderated comments, organisations
taking part as organisations, and the activity-ladder acts each of them records."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from faelles.core.models import AuditEntry
from faelles.initiatives import services
from faelles.initiatives.factories import InitiativeFactory, NeedFactory
from faelles.initiatives.models import (
    Comment,
    Initiative,
    State,
    Support,
)
from faelles.organisations.factories import OrganisationFactory
from faelles.organisations.models import OrganisationMember
from faelles.participation.models import ParticipationAct, Rung

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(municipality, citizen):
    return InitiativeFactory(municipality=municipality, proposer=citizen)


@pytest.fixture
def association(municipality, politician):
    org = OrganisationFactory(municipality=municipality, name="Kajakklubben")
    OrganisationMember.objects.create(organisation=org, user=politician, is_admin=True)
    return org


def _acts(user, action):
    return ParticipationAct.objects.filter(user=user, action=action)


def test_support_toggles_counts_and_records_one_act(initiative, politician):
    assert services.support_toggle(initiative=initiative, user=politician) is True
    assert Initiative.objects.get(pk=initiative.pk).support_count == 1
    act = _acts(politician, "initiative.support").get()
    assert act.rung == Rung.CIVIL_SOCIETY and act.source_id == str(initiative.pk)
    assert services.support_toggle(initiative=initiative, user=politician) is False
    assert Initiative.objects.get(pk=initiative.pk).support_count == 0
    # Ordinary participation: not in the audit log (faelles/initiatives/audit_verbs.py).
    assert not AuditEntry.objects.filter(action__contains="support").exists()


def test_organisation_supports_as_organisation_beside_its_member(
    initiative, politician, association
):
    services.support_toggle(initiative=initiative, user=politician)
    services.support_toggle(
        initiative=initiative, user=politician, organisation=association
    )
    assert Support.objects.filter(initiative=initiative).count() == 2
    assert Support.objects.filter(organisation=association).count() == 1
    assert Initiative.objects.get(pk=initiative.pk).support_count == 2


def test_only_members_act_for_an_organisation(initiative, citizen, association):
    with pytest.raises(PermissionDenied):
        services.support_toggle(
            initiative=initiative, user=citizen, organisation=association
        )
    with pytest.raises(PermissionDenied):
        services.participation_join(
            initiative=initiative, user=citizen, role="x", organisation=association
        )
    assert not Support.objects.exists()


def test_join_as_organisation_through_the_page(
    client, municipality, initiative, politician, association
):
    client.force_login(politician)
    session = client.session
    session[f"acting_as:{municipality.pk}"] = association.pk
    session.save()
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/vaer-med/",
        {"role": "Lægger både til", "as_organisation": "1"},
    )
    assert response.status_code == 302
    participation = initiative.participants.get()
    assert participation.organisation == association
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Støt som Kajakklubben" in page


def test_join_fills_a_need_and_closes_it(initiative, politician, moderator):
    need = NeedFactory(initiative=initiative, quantity=1)
    services.participation_join(
        initiative=initiative, user=politician, role="Tømrer", need=need
    )
    need.refresh_from_db()
    assert (need.filled, need.is_open) == (1, False)
    assert _acts(politician, "initiative.join").get().rung == Rung.CIVIL_SOCIETY
    with pytest.raises(ValidationError):
        services.participation_join(initiative=initiative, user=politician, role="x")
    assert Initiative.objects.get(pk=initiative.pk).participant_count == 1


@pytest.mark.parametrize("state", [State.ANCHORED, State.STOPPED, State.WITHDRAWN])
def test_cannot_join_a_closed_initiative(municipality, politician, state):
    initiative = InitiativeFactory(municipality=municipality, state=state)
    with pytest.raises(ValidationError):
        services.participation_join(initiative=initiative, user=politician, role="x")


def test_follow_toggles(client, initiative, politician):
    client.force_login(politician)
    url = f"/odense/initiativer/{initiative.pk}/foelg/"
    client.post(url)
    assert Initiative.objects.get(pk=initiative.pk).follower_count == 1
    assert (
        "Følg ikke længere"
        in client.get(initiative.get_absolute_url()).content.decode()
    )
    client.post(url)
    assert Initiative.objects.get(pk=initiative.pk).follower_count == 0


def test_comments_are_threaded_two_levels(initiative, politician, citizen):
    root = services.comment_create(initiative=initiative, author=politician, body="A")
    reply = services.comment_create(
        initiative=initiative, author=citizen, body="B", parent=root
    )
    deeper = services.comment_create(
        initiative=initiative, author=politician, body="C", parent=reply
    )
    assert deeper.parent == root
    assert Initiative.objects.get(pk=initiative.pk).comment_count == 3


def test_reply_to_another_initiatives_comment_is_refused(
    municipality, initiative, politician
):
    other = InitiativeFactory(municipality=municipality)
    foreign = services.comment_create(initiative=other, author=politician, body="A")
    with pytest.raises(ValidationError):
        services.comment_create(
            initiative=initiative, author=politician, body="B", parent=foreign
        )


def test_staff_comment_counts_as_response_but_not_as_participation(
    initiative, employee, politician
):
    services.comment_create(initiative=initiative, author=employee, body="Vi ringer.")
    initiative.refresh_from_db()
    assert initiative.first_response_at is not None
    assert not _acts(employee, "initiative.comment").exists()
    services.comment_create(initiative=initiative, author=politician, body="Godt!")
    assert _acts(politician, "initiative.comment").exists()


def test_empty_comment_is_refused_and_nothing_saved(client, initiative, politician):
    client.force_login(politician)
    client.post(f"/odense/initiativer/{initiative.pk}/kommentarer/", {"body": " "})
    assert not Comment.objects.exists()


def test_moderator_hides_with_a_reason(client, initiative, politician, moderator):
    comment = services.comment_create(
        initiative=initiative, author=politician, body="Ring til 12345678"
    )
    url = f"/odense/initiativer/{initiative.pk}/kommentarer/{comment.pk}/skjul/"
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    client.post(url, {"reason": ""})
    comment.refresh_from_db()
    assert not comment.is_hidden
    client.post(url, {"reason": "Telefonnummer på en anden person"})
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_by == moderator
    assert Initiative.objects.get(pk=initiative.pk).comment_count == 0
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Telefonnummer på en anden person" in page
    assert "Ring til 12345678" not in page
    assert AuditEntry.objects.filter(action="initiative.comment_hide").exists()


@pytest.mark.parametrize("role", ["citizen", "politician"])
def test_only_moderators_hide_comments(client, request, initiative, employee, role):
    comment = services.comment_create(initiative=initiative, author=employee, body="x")
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/kommentarer/{comment.pk}/skjul/",
        {"reason": "Nej"},
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert not comment.is_hidden


def test_every_participation_service_records_its_act(
    municipality, citizen, politician, employee
):
    initiative = services.initiative_create(
        municipality=municipality,
        proposer=citizen,
        title="Gåbus",
        challenge="Trafik",
        idea="Gå sammen",
    )
    services.support_toggle(initiative=initiative, user=politician)
    services.participation_join(initiative=initiative, user=politician, role="Går")
    services.comment_create(initiative=initiative, author=politician, body="Ja")
    services.story_create(
        initiative=initiative, author=citizen, title="T", lead="L", body="B"
    )
    assert set(ParticipationAct.objects.values_list("action", flat=True)) == {
        "initiative.propose",
        "initiative.support",
        "initiative.join",
        "initiative.comment",
        "initiative.story",
    }
    assert set(ParticipationAct.objects.values_list("rung", flat=True)) == {5}


def test_followers_and_participants_hear_about_new_phases(
    initiative, politician, moderator, employee, django_capture_on_commit_callbacks
):
    from faelles.initiatives.models import State
    from faelles.notifications.models import Notification

    services.follow_toggle(initiative=initiative, user=politician)
    services.participation_join(initiative=initiative, user=moderator, role="Hjælper")
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_transition(
            initiative=initiative,
            actor=employee,
            target=State.PREPARING,
            reason="Vi går i gang.",
        )
    recipients = set(
        Notification.objects.filter(kind="initiatives.transition").values_list(
            "recipient_id", flat=True
        )
    )
    assert recipients == {politician.pk, moderator.pk, initiative.proposer_id}
    assert employee.pk not in recipients  # not the one who moved it


def test_proposer_hears_about_comments(
    initiative, politician, django_capture_on_commit_callbacks
):
    from faelles.notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(initiative=initiative, author=politician, body="Hej")
    note = Notification.objects.get(kind="initiatives.comment")
    assert note.recipient_id == initiative.proposer_id
