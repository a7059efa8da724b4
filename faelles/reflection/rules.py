"""Who may use the team reflection kit.

A session is a staff-only team space. It is seen by the employees of its team
(the department) and by the municipality's administrators; to everyone else it
does not exist (404). The index is for employees, politicians and
administrators; a citizen gets 403, an anonymous visitor the login page.

* An employee with a department creates a session for their own team; an
  administrator for any team. The creator is the facilitator.
* The facilitator — or an administrator, when the facilitator has left — moves
  the phases, records the shared answers, the actions, the follow-up and the
  summary.
* Each team member writes their own notes in the individual phase and may share
  them with the team without name in the shared phase. Nobody else ever reads a
  note: there is no permission for it, and no page or export reads another
  person's note (selectors.own_notes takes the reader).
* Administrators manage the municipality's own question sets.
"""

import rules

from faelles.accounts.rules import can_administer, is_employee, is_politician
from faelles.accounts.selectors import membership_for

from .models import Phase

# Politicians may read the index and the question sets (the language check's
# page, which they see, links here); the sessions stay the teams'.
may_use = is_employee | is_politician | can_administer


@rules.predicate
def in_team(user, session) -> bool:
    membership = membership_for(user, getattr(session, "municipality", None))
    return bool(
        membership
        and membership.is_employee
        and membership.department_id == session.department_id
    )


@rules.predicate
def has_team(user, municipality) -> bool:
    membership = membership_for(user, municipality)
    return bool(membership and membership.is_employee and membership.department_id)


@rules.predicate
def is_facilitator(user, session) -> bool:
    return bool(user.is_authenticated and session.facilitator_id == user.pk)


@rules.predicate
def individual_phase(user, session) -> bool:
    return session.phase == Phase.INDIVIDUAL


@rules.predicate
def shared_phase(user, session) -> bool:
    return session.phase == Phase.SHARED


may_view = in_team | can_administer
may_facilitate = (is_facilitator & in_team) | can_administer

rules.add_perm("reflection.use", may_use)
rules.add_perm("reflection.view", may_view)
rules.add_perm("reflection.create", has_team | can_administer)
rules.add_perm("reflection.create_any", can_administer)
rules.add_perm("reflection.facilitate", may_facilitate)
rules.add_perm("reflection.write_notes", in_team & individual_phase)
rules.add_perm("reflection.share_notes", in_team & shared_phase)
rules.add_perm("reflection.read_shared_notes", in_team)
rules.add_perm("reflection.manage_sets", can_administer)
