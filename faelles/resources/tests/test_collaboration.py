import datetime as dt

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.tenancy import tenant_reverse
from faelles.notifications.models import Notification
from faelles.resources import services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Collaboration, CollaborationMessage, HoursEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def collaboration(municipality, employee):
    need = NeedFactory(municipality=municipality)
    offer = ListingFactory(municipality=municipality)
    proposal = services.proposal_suggest(
        need=need, offer=offer, actor=employee, is_staff=True
    )
    services.proposal_accept(proposal=proposal, actor=need.owner)
    services.proposal_accept(proposal=proposal, actor=offer.owner)
    return Collaboration.objects.get()


def test_only_participants_see_the_thread(
    client, municipality, collaboration, citizen, municipal_admin
):
    url = collaboration.get_absolute_url()
    for person in (collaboration.need_owner, collaboration.offer_owner):
        client.force_login(person)
        assert client.get(url).status_code == 200
    client.force_login(collaboration.facilitator)
    assert client.get(url).status_code == 200
    for person in (citizen, municipal_admin):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url + "besked/", {"body": "Hej"}).status_code == 404
    assert not CollaborationMessage.objects.exists()
    client.logout()
    assert "/accounts/login/" in client.get(url)["Location"]


def test_message_status_hours_feedback(client, collaboration):
    url = collaboration.get_absolute_url()
    client.force_login(collaboration.need_owner)
    client.post(url + "besked/", {"body": "Skal vi ses på tirsdag?"})
    assert CollaborationMessage.objects.get().body == "Skal vi ses på tirsdag?"
    assert Notification.objects.filter(
        recipient=collaboration.offer_owner, kind="resources.collaboration_message"
    ).exists()
    client.post(url + "status/", {"status": "ongoing"})
    collaboration.refresh_from_db()
    assert collaboration.status == "ongoing"
    client.post(url + "tilbagemelding/", {"text": "For tidligt"})
    assert not collaboration.feedback.exists()
    client.post(url + "timer/", {"hours": "2.5", "on": dt.date.today().isoformat()})
    assert HoursEntry.objects.get().hours == 2.5
    client.post(url + "status/", {"status": "finished"})
    collaboration.refresh_from_db()
    assert collaboration.finished_at is not None
    client.post(url + "tilbagemelding/", {"text": "Rigtig god hjælp."})
    assert collaboration.feedback.get().text == "Rigtig god hjælp."
    assert "Rigtig god hjælp." in client.get(url).text


@pytest.mark.parametrize(
    "path,data",
    [
        ("besked/", {"body": ""}),
        ("status/", {"status": "exploded"}),
        ("timer/", {"hours": "-3", "on": "2026-01-01"}),
        ("timer/", {"hours": "2", "on": "i går"}),
    ],
)
def test_bad_input_changes_nothing(client, collaboration, path, data):
    client.force_login(collaboration.need_owner)
    response = client.post(collaboration.get_absolute_url() + path, data)
    assert response.status_code == 302
    collaboration.refresh_from_db()
    assert collaboration.status == "agreed"
    assert not CollaborationMessage.objects.exists()
    assert not HoursEntry.objects.exists()


def test_non_member_in_same_municipality_cannot_post(
    client, municipality, collaboration
):
    other = MembershipFactory(municipality=municipality).user
    client.force_login(other)
    assert (
        client.post(
            collaboration.get_absolute_url() + "status/", {"status": "finished"}
        ).status_code
        == 404
    )


def test_both_sides_are_offered_to_write_a_good_story(
    client, municipality, collaboration
):
    story_url = tenant_reverse(
        "initiatives:story_create_collaboration",
        municipality,
        collaboration_pk=collaboration.pk,
    )
    for person in (collaboration.need_owner, collaboration.offer_owner):
        client.force_login(person)
        assert story_url in client.get(collaboration.get_absolute_url()).text
        assert client.get(story_url).status_code == 200


def test_listing_links_to_the_forloeb_only_for_those_who_may_open_it(
    client, municipality, collaboration, employee
):
    """Employees see every listing's proposals; the private forløb only its own."""
    url = collaboration.need.get_absolute_url()
    client.force_login(employee)  # the facilitator
    assert collaboration.get_absolute_url() in client.get(url).text
    colleague = MembershipFactory(municipality=municipality, is_employee=True).user
    client.force_login(colleague)
    page = client.get(url).text
    assert "Forslag og svar" in page
    assert collaboration.get_absolute_url() not in page
    proposal_page = client.get(collaboration.proposal.get_absolute_url())
    assert proposal_page.status_code == 200
    assert collaboration.get_absolute_url() not in proposal_page.text
    assert client.get(collaboration.get_absolute_url()).status_code == 404
