"""Every write about communities: join rules, hosts, board, files, referrals."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.models import User
from faelles.accounts.rules import is_staff_member
from faelles.core.audit import audit
from faelles.core.files import document_content_type
from faelles.core.models import AuditEntry
from faelles.core.services import model_update
from faelles.municipalities.models import FocusArea, Theme
from faelles.municipalities.themes import (
    check_theme,
    resolve_focus_area,
    resolve_themes,
)
from faelles.notifications.services import notify
from faelles.participation.models import Rung
from faelles.participation.services import record_participation

from .models import Community, CommunityMember, Post, Referral, SharedFile

# First messages to the hosts: at most this many per person and community a day.
CONTACTS_PER_DAY = 3
# Shared files: the allow-list and checks are core.files'; the limit is ours.
MAX_FILE_BYTES = 10 * 1024 * 1024


def _hosts(community):
    return [
        m.user for m in community.members.filter(is_host=True).select_related("user")
    ]


def _notify_all(users, **kwargs) -> None:
    for user in users:
        notify(recipient=user, **kwargs)


@transaction.atomic
def community_create(
    *,
    municipality,
    actor,
    name: str,
    description: str,
    theme: Theme | str,
    focus_area: FocusArea | str | None = None,
    access: str = Community.Access.OPEN,
    place: str = "",
    area: str = "",
    postcode: str = "",
    meeting_rhythm: str = "",
    age_group: str = "all",
    life_situation: str = "any",
    target_group: str = "",
    staff_only: bool = False,
) -> Community:
    if staff_only and not is_staff_member(actor, municipality):
        raise ValidationError(
            {
                "staff_only": _(
                    "Kun kommunens medarbejdere kan lave noget, der kun er for "
                    "medarbejdere."
                )
            }
        )
    (theme,) = resolve_themes(municipality, [theme])
    focus_area = resolve_focus_area(municipality, focus_area)
    check_theme(municipality, theme, focus_area)
    community = Community(
        municipality=municipality,
        name=name,
        description=description,
        theme=theme,
        focus_area=focus_area,
        access=access,
        place=place,
        area=area,
        postcode=postcode,
        meeting_rhythm=meeting_rhythm,
        age_group=age_group,
        life_situation=life_situation,
        target_group=target_group,
        staff_only=staff_only,
        created_by=actor,
        member_count=1,
    )
    community.full_clean()
    community.save()
    CommunityMember.objects.create(
        community=community,
        user=actor,
        status=CommunityMember.Status.ACTIVE,
        is_host=True,
        joined_at=timezone.now(),
    )
    audit(
        action="communities.create",
        actor=actor,
        municipality=municipality,
        target=community,
    )
    if not is_staff_member(actor, municipality):  # hosting as staff is their work
        record_participation(
            municipality=municipality,
            user=actor,
            action="communities.host",
            rung=Rung.CIVIL_SOCIETY,
            source=community,
        )
    return community


@transaction.atomic
def community_update(*, community: Community, actor, **fields) -> Community:
    """Change the community. ``staff_only`` only opens it (True → False):
    a space once open to citizens is never closed behind their backs
    (docs/staff-only.md)."""
    municipality = community.municipality
    if fields.get("staff_only") and not community.staff_only:
        raise ValidationError(
            {
                "staff_only": _(
                    "Et fællesskab, der er åbent for borgerne, kan ikke gøres "
                    "til kun for medarbejdere."
                )
            }
        )
    if "theme" in fields:
        (fields["theme"],) = resolve_themes(municipality, [fields["theme"]])
    if "focus_area" in fields:
        fields["focus_area"] = resolve_focus_area(municipality, fields["focus_area"])
    check_theme(
        municipality,
        fields.get("theme", community.theme),
        fields.get("focus_area", community.focus_area),
    )
    return model_update(
        community, fields=fields, actor=actor, action="communities.update"
    )


def _activate(membership: CommunityMember) -> None:
    membership.status = CommunityMember.Status.ACTIVE
    membership.joined_at = timezone.now()
    if membership.pk is None:
        membership.full_clean()
        membership.save()
    else:
        membership.save(update_fields=["status", "joined_at"])
    Community.objects.filter(pk=membership.community_id).update(
        member_count=F("member_count") + 1
    )
    _close_referrals(membership.community, membership.user, Referral.Status.JOINED)
    record_participation(
        municipality=membership.community.municipality,
        user=membership.user,
        action="communities.join",
        rung=Rung.CLOSE_NETWORK,
        source=membership.community,
    )


def _close_referrals(community, user, status: str) -> None:
    Referral.objects.filter(
        community=community, citizen=user, status=Referral.Status.PENDING
    ).update(status=status, answered_at=timezone.now())


@transaction.atomic
def community_join(*, community: Community, user, message: str = "") -> CommunityMember:
    """Join an open community, or ask to join a closed one.

    An invitation to any kind of community is accepted by joining.
    """
    membership = (
        CommunityMember.objects.select_for_update()
        .filter(community=community, user=user)
        .first()
    )
    if membership and membership.status == CommunityMember.Status.ACTIVE:
        return membership
    if membership and membership.status == CommunityMember.Status.INVITED:
        _activate(membership)
        audit(
            action="communities.accept_invitation",
            actor=user,
            municipality=community.municipality,
            target=community,
        )
        return membership
    if community.access == Community.Access.INVITATION:
        raise PermissionDenied(_("Man kan kun blive medlem efter invitation."))
    if membership and membership.status == CommunityMember.Status.REQUESTED:
        return membership
    if community.access == Community.Access.OPEN:
        membership = CommunityMember(community=community, user=user)
        _activate(membership)
        audit(
            action="communities.join",
            actor=user,
            municipality=community.municipality,
            target=community,
        )
        return membership
    membership = CommunityMember(
        community=community,
        user=user,
        status=CommunityMember.Status.REQUESTED,
        message=message[:1000],
    )
    membership.full_clean()
    membership.save()
    audit(
        action="communities.request",
        actor=user,
        municipality=community.municipality,
        target=community,
    )
    url = community.get_absolute_url()
    hosts = _hosts(community)
    transaction.on_commit(
        lambda: _notify_all(
            hosts,
            municipality=community.municipality,
            kind="communities.join_requested",
            title=lambda: (
                _("%(name)s vil gerne være med i %(community)s")
                % {"name": user, "community": community.name}
            ),
            body=message[:1000],
            url=url,
            dedupe_key=f"community-request:{membership.pk}",
        )
    )
    return membership


@transaction.atomic
def community_leave(*, community: Community, user) -> None:
    membership = (
        CommunityMember.objects.select_for_update()
        .filter(community=community, user=user)
        .first()
    )
    if membership is None:
        return
    if (
        membership.is_host
        and community.members.filter(is_host=True).exclude(pk=membership.pk).count()
        == 0
    ):
        raise ValidationError(
            _("Fællesskabet skal have mindst én vært. Udpeg en anden vært først.")
        )
    was_active = membership.status == CommunityMember.Status.ACTIVE
    membership.delete()
    if was_active:
        Community.objects.filter(pk=community.pk).update(
            member_count=F("member_count") - 1
        )
    audit(
        action="communities.leave",
        actor=user,
        municipality=community.municipality,
        target=community,
    )


@transaction.atomic
def membership_decide(
    *, community: Community, actor, user_id: int, approve: bool
) -> None:
    """A host approves or declines a request to join a closed community."""
    membership = (
        CommunityMember.objects.select_for_update()
        .filter(
            community=community,
            user_id=user_id,
            status=CommunityMember.Status.REQUESTED,
        )
        .select_related("user")
        .first()
    )
    if membership is None:
        raise ValidationError(_("Der er ingen anmodning fra den person."))
    person = membership.user
    if approve:
        _activate(membership)
    else:
        membership.delete()

    def title():
        if approve:
            return _("Du er nu medlem af %(community)s") % {"community": community.name}
        return _(
            "Din anmodning om at blive medlem af %(community)s blev ikke godkendt"
        ) % {"community": community.name}

    audit(
        action="communities.approve" if approve else "communities.decline",
        actor=actor,
        municipality=community.municipality,
        target=community,
        data={"user": user_id},
    )
    url = community.get_absolute_url()
    transaction.on_commit(
        lambda: notify(
            recipient=person,
            municipality=community.municipality,
            kind="communities.request_answered",
            title=title,
            url=url,
        )
    )


@transaction.atomic
def member_invite(*, community: Community, actor, user) -> CommunityMember:
    membership, created = CommunityMember.objects.get_or_create(
        community=community,
        user=user,
        defaults={"status": CommunityMember.Status.INVITED},
    )
    if not created:
        return membership
    audit(
        action="communities.invite",
        actor=actor,
        municipality=community.municipality,
        target=community,
        data={"user": user.pk},
    )
    url = community.get_absolute_url()
    transaction.on_commit(
        lambda: notify(
            recipient=user,
            municipality=community.municipality,
            kind="communities.invited",
            title=lambda: (
                _("Du er inviteret med i %(community)s") % {"community": community.name}
            ),
            url=url,
        )
    )
    return membership


@transaction.atomic
def host_set(*, community: Community, actor, user_id: int, is_host: bool) -> None:
    membership = (
        CommunityMember.objects.select_for_update()
        .filter(
            community=community, user_id=user_id, status=CommunityMember.Status.ACTIVE
        )
        .first()
    )
    if membership is None:
        raise ValidationError(_("Personen er ikke medlem af fællesskabet."))
    if (
        not is_host
        and membership.is_host
        and community.members.filter(is_host=True).count() <= 1
    ):
        raise ValidationError(_("Fællesskabet skal have mindst én vært."))
    membership.is_host = is_host
    membership.save(update_fields=["is_host"])
    audit(
        action="communities.host_set",
        actor=actor,
        municipality=community.municipality,
        target=community,
        data={"user": user_id, "is_host": is_host},
    )


@transaction.atomic
def host_hand_over(
    *, community: Community, leaving: CommunityMember
) -> CommunityMember | None:
    """The last host is leaving without naming a successor (their account is
    deleted): the longest-standing active member takes over, or the community is
    closed when nobody is left. Returns the new host, if any.

    Does nothing while another host remains.
    """
    others = CommunityMember.objects.filter(community=community).exclude(pk=leaving.pk)
    if others.filter(is_host=True).exists():
        return None
    successor = (
        others.select_for_update()
        .filter(status=CommunityMember.Status.ACTIVE)
        .order_by("joined_at", "id")
        .first()
    )
    if successor is None:
        community_close(community=community, actor=None)
        return None
    successor.is_host = True
    successor.save(update_fields=["is_host"])
    audit(
        action="communities.host_set",
        actor=None,
        municipality=community.municipality,
        target=community,
        data={"user": successor.user_id, "is_host": True},
    )
    return successor


@transaction.atomic
def community_close(*, community: Community, actor: User | None) -> None:
    """Close a community: it leaves every list and page; its rows stay."""
    Community.objects.filter(pk=community.pk).update(is_active=False)
    community.is_active = False
    audit(
        action="communities.close",
        actor=actor,
        municipality=community.municipality,
        target=community,
    )


@transaction.atomic
def membership_forget(*, user: User) -> None:
    """Account deletion (``gdpr.delete_personal_data``): leave every community.

    Unlike ``community_leave`` the last host may go: ``host_hand_over`` finds a
    successor or closes the community (both audited). Member counts shrink for
    active memberships. Leaving itself is participation, which the log does not
    keep (``communities.leave``); the deletion is audited as ``account.delete``.
    """
    memberships = (
        CommunityMember.objects.select_for_update(of=("self",))
        .filter(user=user)
        .select_related("community__municipality")
    )
    for membership in memberships:
        community = membership.community
        if membership.is_host:
            host_hand_over(community=community, leaving=membership)
        if membership.status == CommunityMember.Status.ACTIVE:
            Community.objects.filter(pk=community.pk).update(
                member_count=F("member_count") - 1
            )
    CommunityMember.objects.filter(user=user).delete()


def contact_hosts(*, community: Community, sender, message: str) -> int:
    """A first message to the hosts, delivered as a notification.

    Neither side's e-mail address is shown to the other; the hosts see the sender's
    name and can answer through the community page or by inviting the person.
    """
    message = message.strip()
    if not message:
        raise ValidationError(_("Skriv en besked til værterne."))
    if len(message) > 2000:
        raise ValidationError(_("Beskeden må højst være 2000 tegn."))
    recent = AuditEntry.objects.filter(
        actor=sender,
        action="communities.contact_hosts",
        target_type="communities.community",
        target_id=str(community.pk),
        created_at__gte=timezone.now() - timedelta(days=1),
    ).count()
    if recent >= CONTACTS_PER_DAY:
        raise ValidationError(
            _(
                "Du har skrevet til værterne %(count)s gange det seneste døgn. "
                "Giv dem tid til at svare."
            ),
            params={"count": recent},
        )
    with transaction.atomic():
        audit(
            action="communities.contact_hosts",
            actor=sender,
            municipality=community.municipality,
            target=community,
        )
        hosts = _hosts(community)
        url = community.get_absolute_url()
        transaction.on_commit(
            lambda: _notify_all(
                hosts,
                municipality=community.municipality,
                kind="communities.contact",
                title=lambda: (
                    _("Ny besked fra %(name)s om %(community)s")
                    % {"name": sender, "community": community.name}
                ),
                body=message,
                url=url,
            )
        )
    return len(hosts)


@transaction.atomic
def post_create(*, community: Community, author, body: str) -> Post:
    post = Post(community=community, author=author, body=body.strip())
    post.full_clean()
    post.save()
    audit(
        action="communities.post",
        actor=author,
        municipality=community.municipality,
        target=post,
    )
    return post


@transaction.atomic
def post_delete(*, post: Post, actor) -> None:
    audit(
        action="communities.post_delete",
        actor=actor,
        municipality=post.community.municipality,
        target=post,
    )
    post.delete()


def validate_shared_file(upload) -> str:
    """Return the content type to store, or raise ValidationError."""
    return document_content_type(upload, max_bytes=MAX_FILE_BYTES)


@transaction.atomic
def file_upload(*, community: Community, actor, title: str, upload) -> SharedFile:
    content_type = validate_shared_file(upload)
    shared = SharedFile(
        community=community,
        uploaded_by=actor,
        title=title.strip() or upload.name,
        file=upload,
        content_type=content_type,
        size=upload.size,
    )
    shared.full_clean()
    shared.save()
    audit(
        action="communities.file_upload",
        actor=actor,
        municipality=community.municipality,
        target=shared,
    )
    return shared


@transaction.atomic
def referral_create(
    *, community: Community, actor, citizen, note: str = "", consent: bool
) -> Referral:
    """An employee refers a citizen who has agreed to it; the citizen is asked."""
    if not consent:
        raise ValidationError(
            _("Borgeren skal have givet samtykke, før du kan henvise.")
        )
    if community.staff_only:
        raise ValidationError(
            _("Et fællesskab kun for medarbejdere kan ikke anbefales til borgere.")
        )
    if community.members.filter(
        user=citizen, status=CommunityMember.Status.ACTIVE
    ).exists():
        raise ValidationError(_("Borgeren er allerede medlem af fællesskabet."))
    referral = Referral(
        municipality=community.municipality,
        community=community,
        citizen=citizen,
        referred_by=actor,
        note=note,
        consent_at=timezone.now(),
    )
    referral.full_clean()
    referral.save()
    audit(
        action="communities.refer",
        actor=actor,
        municipality=community.municipality,
        target=referral,
    )
    url = community.get_absolute_url()
    transaction.on_commit(
        lambda: notify(
            recipient=citizen,
            municipality=community.municipality,
            kind="communities.referred",
            title=lambda: (
                _("%(employee)s foreslår dig fællesskabet %(community)s")
                % {"employee": actor, "community": community.name}
            ),
            body=note,
            url=url,
            dedupe_key=f"referral:{referral.pk}",
        )
    )
    return referral


@transaction.atomic
def referral_decline(*, community: Community, user) -> int:
    """The citizen says no thanks; the employee sees it on the referral."""
    count = Referral.objects.filter(
        community=community, citizen=user, status=Referral.Status.PENDING
    ).update(status=Referral.Status.DECLINED, answered_at=timezone.now())
    if count:
        audit(
            action="communities.referral_declined",
            actor=user,
            municipality=community.municipality,
            target=community,
        )
    return count
