"""Who may do what with an opinion map (django-rules)."""

import rules

from faelles.accounts.rules import can_moderate, is_member, is_staff_member
from faelles.core.phases import phase_permits

from . import phases  # noqa: F401  (registers the map's phases)
from .models import ExportAccess


def _map_of(target):
    return getattr(target, "map", target)


map_is_public = phase_permits("public", of=_map_of)
map_is_closed = phase_permits("closed", of=_map_of)
map_is_open = phase_permits("take_part", of=_map_of)


@rules.predicate
def export_always(user, target) -> bool:
    return _map_of(target).export_access == ExportAccess.ALWAYS


@rules.predicate
def export_after_close(user, target) -> bool:
    return _map_of(target).export_access == ExportAccess.AFTER_CLOSE


rules.add_perm("opinions.create_map", is_staff_member)
rules.add_perm("opinions.view_map", map_is_public | is_staff_member)
rules.add_perm("opinions.change_map", is_staff_member)
rules.add_perm("opinions.take_part", is_member & map_is_open)
rules.add_perm("opinions.moderate", can_moderate | is_staff_member)
# The open-data export (pseudonymous ids only): staff always; everyone once the map
# has closed, or while it is open if the map says so.
rules.add_perm(
    "opinions.export",
    is_staff_member
    | (map_is_public & export_always)
    | (map_is_closed & export_after_close),
)
