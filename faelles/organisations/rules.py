import rules

from faelles.accounts.rules import can_administer, is_member


@rules.predicate
def is_organisation_admin(user, organisation) -> bool:
    if not user.is_authenticated or organisation is None:
        return False
    return organisation.members.filter(user=user, is_admin=True).exists()


@rules.predicate
def is_organisation_member(user, organisation) -> bool:
    if not user.is_authenticated or organisation is None:
        return False
    return organisation.members.filter(user=user).exists()


rules.add_perm(
    "organisations.change_organisation", is_organisation_admin | can_administer
)
rules.add_perm("organisations.create_organisation", is_member)
rules.add_perm("organisations.act_as", is_organisation_member)
rules.add_perm("organisations.manage_departments", can_administer)
