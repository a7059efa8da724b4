"""Named predicates for roles in a municipality (django-rules).

Every predicate takes ``(user, target)`` where the target is a municipality or an
object that belongs to one; other apps compose these with ``&`` and ``|``.
"""

import rules

from faelles.municipalities.models import Municipality

from .selectors import membership_for


def municipality_of(target):
    if target is None:
        return None
    if isinstance(target, Municipality):
        return target
    return getattr(target, "municipality", None)


def _role(field: str):
    def check(user, target=None) -> bool:
        membership = membership_for(user, municipality_of(target))
        return bool(membership and getattr(membership, field))

    check.__name__ = field
    return rules.predicate(check, name=field)


is_platform_admin = rules.predicate(
    lambda user: bool(user.is_authenticated and user.is_superuser),
    name="is_platform_admin",
)


@rules.predicate
def is_member(user, target=None) -> bool:
    return membership_for(user, municipality_of(target)) is not None


is_citizen = _role("is_citizen")
is_employee = _role("is_employee")
# A leader of their department and the units under it (always an employee).
is_leader = _role("is_leader") & is_employee
is_politician = _role("is_politician")
is_moderator = _role("is_moderator")
is_municipal_admin = _role("is_administrator")

can_administer = is_municipal_admin | is_platform_admin
can_moderate = is_moderator | can_administer
is_staff_member = is_employee | can_administer

rules.add_perm("municipalities.change_settings", can_administer)
rules.add_perm("municipalities.manage_themes", can_administer)
rules.add_perm("accounts.manage_roles", can_administer)
rules.add_perm("accounts.view_member_list", is_staff_member)
rules.add_perm("municipalities.view_audit_log", can_administer)
rules.add_perm("accounts.moderate", can_moderate)
