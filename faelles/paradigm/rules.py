"""Who may use the paradigm self-assessment.

The municipality's own people — employees, politicians and administrators — see
the rounds, the group results (from 5 people) and the comparison; citizens do
not (an anonymous visitor is sent to the login page, a citizen gets 403).

* An employee of the round's department answers, while the round is open.
* An employee of the department or an administrator opens and closes a round.
* The facilitator — the person who opened the round — or an administrator
  records the agreed placements.
"""

import rules

from faelles.accounts.rules import can_administer, is_employee, is_politician
from faelles.accounts.selectors import membership_for

may_use = is_employee | is_politician | can_administer


@rules.predicate
def in_department(user, assessment) -> bool:
    membership = membership_for(user, getattr(assessment, "municipality", None))
    return bool(
        membership
        and membership.is_employee
        and membership.department_id == assessment.department_id
    )


@rules.predicate
def has_department(user, municipality) -> bool:
    membership = membership_for(user, municipality)
    return bool(membership and membership.is_employee and membership.department_id)


@rules.predicate
def is_open(user, assessment) -> bool:
    return assessment.closed_at is None


@rules.predicate
def is_facilitator(user, assessment) -> bool:
    return bool(user.is_authenticated and assessment.opened_by_id == user.pk)


rules.add_perm("paradigm.use", may_use)
rules.add_perm("paradigm.view", may_use)
rules.add_perm("paradigm.open", has_department | can_administer)
rules.add_perm("paradigm.open_any", can_administer)
rules.add_perm("paradigm.close", in_department | can_administer)
rules.add_perm("paradigm.answer", in_department & is_open)
rules.add_perm("paradigm.agree", is_facilitator | can_administer)
