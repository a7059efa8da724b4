"""Issue 11, item 6: when nothing fits, the page offers real next steps — ask the
municipality's facilitators (they are told), make the post public, and communities
about the same thing (never an invitation-only group to an outsider)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import Membership
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Community
from faelles.core.models import AuditEntry
from faelles.notifications.models import Notification
from faelles.resources import selectors, services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Proposal, Visibility

pytestmark = pytest.mark.django_db


def _lonely_need(municipality, owner):
    return NeedFactory(
        municipality=municipality,
        owner=owner,
        title="Stille dage efter min kone døde",
        text="Siden min kone døde, er jeg meget alene og savner nogen at drikke "
        "kaffe og snakke med.",
        kind="time",
        visibility=Visibility.MEMBERS,
    )


def _facilitated(municipality, employee):
    """``employee`` facilitated a match in the municipality recently."""
    need = NeedFactory(municipality=municipality)
    offer = ListingFactory(municipality=municipality)
    Proposal.objects.create(
        municipality=municipality, need=need, offer=offer, facilitator=employee
    )


def test_asking_tells_the_facilitators_on_duty_after_commit(
    municipality, citizen, employee, municipal_admin, django_capture_on_commit_callbacks
):
    need = _lonely_need(municipality, citizen)
    _facilitated(municipality, employee)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        told = services.facilitator_ask(listing=need, actor=citizen)
    assert told == 1
    # Nobody is told before the transaction commits.
    assert not Notification.objects.filter(kind="resources.ask_facilitator").exists()
    for callback in callbacks:
        callback()
    notes = Notification.objects.filter(kind="resources.ask_facilitator")
    assert [n.recipient for n in notes] == [employee]
    assert notes[0].url == need.get_absolute_url()
    assert "Stille dage" in notes[0].title
    assert AuditEntry.objects.filter(action="resources.ask_facilitator").count() == 1


def test_without_recent_facilitators_the_administrators_are_told(
    municipality, citizen, employee, municipal_admin, django_capture_on_commit_callbacks
):
    need = _lonely_need(municipality, citizen)
    with django_capture_on_commit_callbacks(execute=True):
        services.facilitator_ask(listing=need, actor=citizen)
    recipients = set(
        Notification.objects.filter(kind="resources.ask_facilitator").values_list(
            "recipient", flat=True
        )
    )
    assert recipients == {municipal_admin.pk}


def test_asking_twice_is_refused_and_only_the_holder_may_ask(
    municipality, citizen, employee, django_capture_on_commit_callbacks
):
    need = _lonely_need(municipality, citizen)
    _facilitated(municipality, employee)
    with pytest.raises(PermissionDenied):
        services.facilitator_ask(listing=need, actor=employee)
    with django_capture_on_commit_callbacks(execute=True):
        services.facilitator_ask(listing=need, actor=citizen)
    with pytest.raises(services.AlreadyAsked):
        services.facilitator_ask(listing=need, actor=citizen)
    assert Notification.objects.filter(kind="resources.ask_facilitator").count() == 1


def test_a_closed_listing_cannot_ask(municipality, citizen, employee):
    need = _lonely_need(municipality, citizen)
    _facilitated(municipality, employee)
    need.is_active = False
    need.save()
    with pytest.raises(ValidationError):
        services.facilitator_ask(listing=need, actor=citizen)
    assert not Notification.objects.exists()


def test_facilitators_on_duty_are_this_municipality_staff_only(
    municipality, other_municipality, employee, other_admin
):
    _facilitated(municipality, employee)
    assert selectors.facilitators_on_duty(municipality=municipality) == [employee.pk]
    assert selectors.facilitators_on_duty(municipality=other_municipality) == [
        other_admin.pk
    ]
    Membership.objects.filter(user=employee).update(is_employee=False, department=None)
    assert selectors.facilitators_on_duty(municipality=municipality) == []


def test_the_page_offers_the_button_and_it_tells_the_municipality(
    client, municipality, citizen, employee, django_capture_on_commit_callbacks
):
    need = _lonely_need(municipality, citizen)
    _facilitated(municipality, employee)
    client.force_login(citizen)
    url = f"/odense/ressourcer/{need.pk}/"
    page = client.get(url).text
    assert "Bed kommunen om hjælp til at finde et match" in page
    assert f"/odense/ressourcer/{need.pk}/spoerg-kommunen/" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/odense/ressourcer/{need.pk}/spoerg-kommunen/", follow=True
        )
    assert "Kommunen har fået besked" in response.text
    assert Notification.objects.filter(
        kind="resources.ask_facilitator", recipient=employee
    ).exists()
    # The page now says so instead of offering the button again.
    assert "Du bad kommunen om hjælp til at finde et match den" in response.text
    assert "Bed kommunen om hjælp til at finde et match" not in response.text
    again = client.post(f"/odense/ressourcer/{need.pk}/spoerg-kommunen/", follow=True)
    assert "allerede bedt kommunen" in again.text


def test_someone_else_cannot_ask_for_a_listing(client, municipality, citizen, employee):
    need = _lonely_need(municipality, citizen)
    need.visibility = Visibility.PUBLIC
    need.save()
    _facilitated(municipality, employee)
    other = MembershipFactory(municipality=municipality).user
    client.force_login(other)
    page = client.get(f"/odense/ressourcer/{need.pk}/").text
    assert "Bed kommunen om hjælp" not in page
    response = client.post(f"/odense/ressourcer/{need.pk}/spoerg-kommunen/")
    assert response.status_code == 403
    assert not Notification.objects.exists()


def test_related_communities_match_the_text_and_hide_private_ones(
    client, municipality, citizen
):
    need = _lonely_need(municipality, citizen)
    open_one = CommunityFactory(
        municipality=municipality,
        name="Kaffeklubben for enker og enkemænd",
        description="Vi drikker kaffe og snakker sammen hver tirsdag. For dig, der "
        "har mistet din ægtefælle og er alene.",
        theme="talk",
    )
    CommunityFactory(
        municipality=municipality,
        name="Kaffe for enkemænd (kun efter invitation)",
        description="En lukket kreds af enkemænd, der drikker kaffe og snakker.",
        theme="talk",
        access=Community.Access.INVITATION,
    )
    CommunityFactory(
        municipality=municipality,
        name="Mountainbike i skoven",
        description="Vi cykler på stierne i skoven om søndagen.",
        theme="movement",
    )
    found = selectors.related_communities(listing=need, user=citizen)
    assert [c.pk for c in found] == [open_one.pk]
    client.force_login(citizen)
    page = client.get(f"/odense/ressourcer/{need.pk}/").text
    assert "Fællesskaber om det samme" in page
    assert "Kaffeklubben for enker og enkemænd" in page
    assert "kun efter invitation" not in page
    assert "Mountainbike" not in page


def test_no_related_community_keeps_the_link_to_all(client, municipality, citizen):
    need = _lonely_need(municipality, citizen)
    client.force_login(citizen)
    page = client.get(f"/odense/ressourcer/{need.pk}/").text
    assert "Fællesskaber om det samme" not in page
    assert "Find et fællesskab, der arbejder med det samme" in page
