import rules

from faelles.accounts.rules import can_administer, is_member, is_staff_member
from faelles.communities.rules import is_host
from faelles.core.visibility import is_staff_only, parents_visible


@rules.predicate
def is_organiser(user, event) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and event is not None
        and event.organiser_id == user.pk
    )


@rules.predicate
def hosts_its_community(user, event) -> bool:
    return bool(
        event is not None and event.community_id and is_host(user, event.community)
    )


can_manage_event = is_organiser | hosts_its_community | can_administer

# Members create events for themselves and their communities; the municipality's
# own events (no community, no movement) are created by staff.
# An event is as visible as what it belongs to (an invitation-only community's
# events only to its members); everything else about it is checked after that.
# A staff-only event is for the municipality's staff only (docs/staff-only.md).
can_view_event = parents_visible & (~is_staff_only | is_staff_member)
rules.add_perm("events.view_event", can_view_event)
rules.add_perm("events.create_event", is_member)
rules.add_perm("events.create_municipal_event", is_staff_member)
rules.add_perm("events.manage_event", can_manage_event)
rules.add_perm("events.signup", is_member & can_view_event)
