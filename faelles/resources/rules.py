"""Who may see and do what with offers, needs, proposals and collaborations."""

import rules

from faelles.accounts.rules import (
    can_administer,
    is_member,
    is_staff_member,
)

from .models import Collaboration, Listing, Proposal, Visibility


def holds(user, listing: Listing) -> bool:
    """The person answers for the listing: its owner, or a member of its organisation."""
    if not user.is_authenticated:
        return False
    if listing.owner_id == user.pk:
        return True
    if listing.organisation_id:
        cache = user.__dict__.setdefault("_org_ids", None)
        if cache is None:
            from faelles.organisations.models import OrganisationMember

            cache = set(
                OrganisationMember.objects.filter(user=user).values_list(
                    "organisation_id", flat=True
                )
            )
            user.__dict__["_org_ids"] = cache
        return listing.organisation_id in cache
    return False


def visibility_levels(user, municipality) -> list[str]:
    """The visibility levels a person may see in a municipality."""
    if is_staff_member(user, municipality):
        return [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.EMPLOYEES]
    if is_member(user, municipality):
        return [Visibility.PUBLIC, Visibility.MEMBERS]
    return [Visibility.PUBLIC]


@rules.predicate
def is_holder(user, listing) -> bool:
    return isinstance(listing, Listing) and holds(user, listing)


@rules.predicate
def created_for_citizen(user, listing) -> bool:
    return (
        isinstance(listing, Listing)
        and user.is_authenticated
        and listing.created_by_id == user.pk
    )


@rules.predicate
def may_see_listing(user, listing) -> bool:
    return listing.visibility in visibility_levels(user, listing.municipality)


@rules.predicate
def is_proposal_party(user, proposal) -> bool:
    if not isinstance(proposal, Proposal) or not user.is_authenticated:
        return False
    return (
        user.pk in (proposal.proposed_by_id, proposal.facilitator_id)
        or holds(user, proposal.need)
        or holds(user, proposal.offer)
    )


@rules.predicate
def is_collaboration_participant(user, collaboration) -> bool:
    return (
        isinstance(collaboration, Collaboration)
        and user.is_authenticated
        and user.pk in collaboration.participant_ids()
    )


def verifying_organisations(user, municipality):
    """Organisations for which the person may record a verified børneattest.

    Employees and administrators: the municipality's departments and the
    organisations they belong to. Everyone: the organisations they administer.
    (An association records its own volunteers' attests itself.)
    """
    from faelles.organisations.models import Organisation, OrganisationMember

    qs = Organisation.objects.for_municipality(municipality)
    if not user.is_authenticated:
        return qs.none()
    # Ids first, with simple indexed queries; an OR across a join would scan.
    mine = OrganisationMember.objects.filter(
        user=user, organisation__municipality=municipality
    )
    if is_staff_member(user, municipality):
        ids = set(mine.values_list("organisation_id", flat=True))
        ids |= set(qs.departments().values_list("pk", flat=True))
    else:
        ids = set(mine.filter(is_admin=True).values_list("organisation_id", flat=True))
    return qs.filter(pk__in=ids)


@rules.predicate
def administers_an_organisation(user, municipality) -> bool:
    return (
        is_member(user, municipality)
        and verifying_organisations(user, municipality).exists()
    )


can_edit_listing = is_holder | created_for_citizen | can_administer

rules.add_perm("resources.create_listing", is_member)
rules.add_perm("resources.post_on_behalf", is_staff_member)
rules.add_perm(
    "resources.view_listing", is_holder | created_for_citizen | may_see_listing
)
rules.add_perm("resources.change_listing", can_edit_listing)
rules.add_perm("resources.suggest_match", is_member)
rules.add_perm("resources.facilitate", is_staff_member)
rules.add_perm(
    "resources.verify_child_certificate", is_staff_member | administers_an_organisation
)
rules.add_perm("resources.view_proposal", is_proposal_party | is_staff_member)
rules.add_perm("resources.view_collaboration", is_collaboration_participant)
