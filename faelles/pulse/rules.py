"""Who may do what with the pulse and "sig fra".

* Employees (and administrators) use the pulse: an employee placed in a
  department answers an open round once; everyone who uses it sees the
  municipality's results and their own unit's. Leaders see the units they lead
  and export them for the MED committee; administrators see and export all,
  and open and close rounds. Citizens and politicians do not see the pulse
  (404 for its objects, 403 for its pages).
* "Sig fra": an employee raises a concern without name; every employee and
  administrator reads the answered ones. Administrators, and the leaders of the
  department a concern is about, answer it or hide it with a reason; a hidden
  concern is seen by them only.
"""

import rules

from faelles.accounts.rules import can_administer, is_employee, is_leader
from faelles.accounts.selectors import membership_for
from faelles.organisations.selectors import departments_led_by

from .models import ConcernStatus


@rules.predicate
def has_unit(user, municipality) -> bool:
    membership = membership_for(user, municipality)
    return bool(membership and membership.is_employee and membership.department_id)


@rules.predicate
def leads_department(user, concern) -> bool:
    if concern.department_id is None:
        return False
    return concern.department_id in departments_led_by(user, concern.municipality)


@rules.predicate
def is_hidden(user, concern) -> bool:
    return concern.status == ConcernStatus.HIDDEN


may_use = is_employee | can_administer
may_respond = (is_employee & leads_department) | can_administer

rules.add_perm("pulse.use", may_use)
rules.add_perm("pulse.answer", has_unit)
rules.add_perm("pulse.manage", can_administer)
rules.add_perm("pulse.export", is_leader | can_administer)
rules.add_perm("pulse.see_all", can_administer)
rules.add_perm("pulse.raise_concern", is_employee)
rules.add_perm("pulse.view_concern", (may_use & ~is_hidden) | may_respond)
rules.add_perm("pulse.respond_concern", may_respond)
