import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from faelles.accounts.factories import MembershipFactory
from faelles.communities import services
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Community, CommunityMember, Referral
from faelles.municipalities.tenancy import tenant_reverse
from faelles.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def host(municipality):
    return MembershipFactory(municipality=municipality).user


def _community(municipality, host, access):
    return CommunityFactory(municipality=municipality, access=access, host=host)


def test_open_community_join_is_immediate(municipality, host, citizen):
    community = _community(municipality, host, Community.Access.OPEN)
    membership = services.community_join(community=community, user=citizen)
    assert membership.status == CommunityMember.Status.ACTIVE
    community.refresh_from_db()
    assert community.member_count == 2
    # Joining twice changes nothing.
    services.community_join(community=community, user=citizen)
    community.refresh_from_db()
    assert community.member_count == 2


def test_closed_community_needs_a_host_to_approve(
    municipality, host, citizen, django_capture_on_commit_callbacks
):
    community = _community(municipality, host, Community.Access.CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.community_join(
            community=community, user=citizen, message="Jeg er ny i byen"
        )
    assert membership.status == CommunityMember.Status.REQUESTED
    community.refresh_from_db()
    assert community.member_count == 1
    note = Notification.objects.get(recipient=host, kind="communities.join_requested")
    assert "Jeg er ny i byen" in note.body
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decide(
            community=community, actor=host, user_id=citizen.pk, approve=True
        )
    membership.refresh_from_db()
    assert membership.status == CommunityMember.Status.ACTIVE
    community.refresh_from_db()
    assert community.member_count == 2
    assert Notification.objects.filter(
        recipient=citizen, kind="communities.request_answered"
    ).exists()


def test_closed_community_declined_request_is_removed(municipality, host, citizen):
    community = _community(municipality, host, Community.Access.CLOSED)
    services.community_join(community=community, user=citizen)
    services.membership_decide(
        community=community, actor=host, user_id=citizen.pk, approve=False
    )
    assert not CommunityMember.objects.filter(
        community=community, user=citizen
    ).exists()
    with pytest.raises(ValidationError):
        services.membership_decide(
            community=community, actor=host, user_id=citizen.pk, approve=True
        )


def test_invitation_only_cannot_be_joined_without_invitation(
    municipality, host, citizen
):
    community = _community(municipality, host, Community.Access.INVITATION)
    with pytest.raises(PermissionDenied):
        services.community_join(community=community, user=citizen)
    assert not citizen.has_perm("communities.join", community)
    assert not citizen.has_perm("communities.view_community", community)
    services.member_invite(community=community, actor=host, user=citizen)
    membership = services.community_join(community=community, user=citizen)
    assert membership.status == CommunityMember.Status.ACTIVE


def test_last_host_cannot_leave(municipality, host, citizen):
    community = _community(municipality, host, Community.Access.OPEN)
    with pytest.raises(ValidationError):
        services.community_leave(community=community, user=host)
    services.community_join(community=community, user=citizen)
    services.host_set(community=community, actor=host, user_id=citizen.pk, is_host=True)
    services.community_leave(community=community, user=host)
    community.refresh_from_db()
    assert community.member_count == 1


def test_contact_hosts_hides_addresses(
    municipality, host, citizen, django_capture_on_commit_callbacks, mailoutbox
):
    community = _community(municipality, host, Community.Access.OPEN)
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_hosts(
            community=community, sender=citizen, message="Må jeg komme og kigge?"
        )
    note = Notification.objects.get(recipient=host, kind="communities.contact")
    assert "Må jeg komme og kigge?" in note.body
    assert citizen.email not in note.title + note.body
    for mail in mailoutbox:
        assert citizen.email not in mail.body
        assert mail.to == [host.email]
    with pytest.raises(ValidationError):
        services.contact_hosts(community=community, sender=citizen, message="  ")


def test_first_contact_is_limited_per_day(client, municipality, host, citizen):
    community = _community(municipality, host, Community.Access.OPEN)
    for i in range(services.CONTACTS_PER_DAY):
        services.contact_hosts(community=community, sender=citizen, message=f"Hej {i}")
    with pytest.raises(ValidationError):
        services.contact_hosts(community=community, sender=citizen, message="Igen")
    client.force_login(citizen)
    response = client.post(
        tenant_reverse("communities:contact", municipality, pk=community.pk),
        {"message": "Og igen"},
        follow=True,
    )
    assert "Giv dem tid til at svare" in response.text


def test_referral_needs_consent_and_tracks_joining(
    municipality, host, citizen, employee, django_capture_on_commit_callbacks
):
    community = _community(municipality, host, Community.Access.CLOSED)
    with pytest.raises(ValidationError):
        services.referral_create(
            community=community, actor=employee, citizen=citizen, consent=False
        )
    assert not Referral.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        referral = services.referral_create(
            community=community, actor=employee, citizen=citizen, consent=True
        )
    assert Notification.objects.filter(
        recipient=citizen, kind="communities.referred"
    ).exists()
    services.community_join(community=community, user=citizen)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.PENDING  # not yet approved
    services.membership_decide(
        community=community, actor=host, user_id=citizen.pk, approve=True
    )
    referral.refresh_from_db()
    assert referral.status == Referral.Status.JOINED


def test_referral_declined(municipality, host, citizen, employee):
    community = _community(municipality, host, Community.Access.OPEN)
    referral = services.referral_create(
        community=community, actor=employee, citizen=citizen, consent=True
    )
    assert services.referral_decline(community=community, user=citizen) == 1
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DECLINED


def test_refer_permission_by_role(municipality, host, citizen, employee, politician):
    community = _community(municipality, host, Community.Access.OPEN)
    assert employee.has_perm("communities.refer", community)
    assert not citizen.has_perm("communities.refer", community)
    assert not politician.has_perm("communities.refer", community)
