"""The private parents "invitation-only community" and "staff-only community"
and what hangs off them, for tests/test_visibility.py."""

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import (
    Community,
    CommunityMember,
    Post,
    Referral,
    SharedFile,
)
from faelles.core.visibility import Look, private_parent_case, visibility_case


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


@private_parent_case("communities.Community", name="invitation_only")
def invitation_only_community(municipality):
    host = MembershipFactory(municipality=municipality).user
    insider = MembershipFactory(municipality=municipality).user
    community = CommunityFactory(
        municipality=municipality,
        name="Samtalegruppe for efterladte 8127",
        access=Community.Access.INVITATION,
        host=host,
    )
    CommunityMember.objects.create(community=community, user=insider, status="active")
    return community, insider


@private_parent_case("communities.Community", name="staff_only", staff_see=True)
def staff_only_community(municipality):
    """An open community for the municipality's staff (a LederForum): every
    employee sees it; the insider is an employee who is a member."""
    host = MembershipFactory(municipality=municipality, is_employee=True).user
    insider = MembershipFactory(municipality=municipality, is_employee=True).user
    community = CommunityFactory(
        municipality=municipality,
        name="LederForum for tovholdere 4410",
        staff_only=True,
        host=host,
    )
    CommunityMember.objects.create(community=community, user=insider, status="active")
    return community, insider


def _own(parent) -> dict:
    return {"pk": parent.pk}


@visibility_case(
    "communities.CommunityMember",
    views=["faelles.communities.views"],
    not_shown={
        "communities:list": "lists only listed communities (tested in test_views)",
        "communities:create": "a form without communities",
        "communities:edit": "the community's own form: the parent, 404 via view rule",
        "communities:join": "the parent's action, 404 via the view rule",
        "communities:leave": "the parent's action, 404 via the view rule",
        "communities:contact": "the parent's action, 404 via the view rule",
        "communities:decide": "the parent's action, 404 via the view rule",
        "communities:invite": "the parent's action, 404 via the view rule",
        "communities:host": "the parent's action, 404 via the view rule",
    },
)
def member(parent, field, *, insider, outsider):
    # The insider's own row exists already (the parent case); the page lists
    # members to hosts only, and one's own communities under "Mine".
    return [
        Look(_url("communities:detail", parent.municipality, **_own(parent))),
        Look(_url("communities:mine", parent.municipality), shows=parent.name),
    ]


@visibility_case("communities.Post")
def post(parent, field, *, insider, outsider):
    item = Post.objects.create(
        community=parent, author=insider, body="Tak for i går 6617"
    )
    municipality = parent.municipality
    return [
        Look(_url("communities:detail", municipality, **_own(parent))),
        Look(_url("communities:post_create", municipality, **_own(parent)), "", "post"),
        Look(
            _url(
                "communities:post_delete", municipality, pk=parent.pk, post_pk=item.pk
            ),
            method="post",
            members_see=False,  # only the author and the hosts delete
        ),
    ]


@visibility_case("communities.SharedFile")
def shared_file(parent, field, *, insider, outsider):
    item = SharedFile(
        community=parent, title="Sange", size=4, content_type="text/plain"
    )
    item.file.save("sange.txt", ContentFile(b"Hej\n"), save=True)
    municipality = parent.municipality
    return [
        Look(
            _url(
                "communities:file_download", municipality, pk=parent.pk, file_pk=item.pk
            )
        ),
        Look(_url("communities:file_upload", municipality, **_own(parent)), "", "post"),
    ]


@visibility_case("communities.Referral")
def referral(parent, field, *, insider, outsider):
    municipality = parent.municipality
    Referral.objects.create(
        municipality=municipality,
        community=parent,
        citizen=insider,
        consent_at=timezone.now(),
    )
    return [
        Look(
            _url("communities:refer", municipality, **_own(parent)), members_see=False
        ),
        Look(
            _url("communities:referral_decline", municipality, **_own(parent)),
            method="post",
        ),
        # An employee's own referrals: the outsiders made none.
        Look(
            _url("communities:referrals", municipality),
            shows=parent.name,
            members_see=False,
        ),
    ]
