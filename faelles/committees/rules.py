"""Who may do what with task committees (django-rules).

Politicians and administrators set committees up; the chair, the secretariat
(members with the secretariat role) and administrators run them — the call,
the selection, the meetings and the recommendations; the council's decision is
recorded by the municipality's staff; follow-up is updated by the owning
department's employees, the person responsible, or an administrator.
"""

import rules

from faelles.accounts.rules import (
    can_administer,
    is_member,
    is_politician,
    is_staff_member,
)
from faelles.accounts.selectors import membership_for
from faelles.core.phases import phase_permits

from . import phases  # noqa: F401  (registers the committee's phases)
from .models import TaskCommittee


def committee_of(target):
    """The committee a meeting, recommendation, action, draw … belongs to."""
    if target is None or isinstance(target, TaskCommittee):
        return target
    if hasattr(target, "committee"):  # member, application, draw, meeting, …
        return target.committee
    if hasattr(target, "meeting"):  # a meeting's document
        return target.meeting.committee
    if hasattr(target, "recommendation"):  # a follow-up action
        return target.recommendation.committee
    if hasattr(target, "action"):  # a milestone or progress update
        return target.action.recommendation.committee
    return None


@rules.predicate
def is_chair(user, target) -> bool:
    committee = committee_of(target)
    return bool(user.is_authenticated and committee and committee.chair_id == user.pk)


@rules.predicate
def is_secretariat(user, target) -> bool:
    if not user.is_authenticated or target is None:
        return False
    committee = committee_of(target)
    return bool(
        committee and committee.members.filter(user=user, role="secretariat").exists()
    )


@rules.predicate
def is_committee_member(user, target) -> bool:
    if not user.is_authenticated or target is None:
        return False
    committee = committee_of(target)
    return bool(committee and committee.members.filter(user=user).exists())


@rules.predicate
def owns_action(user, action) -> bool:
    """An employee of the owning department, or the person responsible."""
    if not user.is_authenticated or action is None:
        return False
    if action.responsible_id == user.pk:
        return True
    membership = membership_for(user, action.municipality)
    return bool(
        membership
        and membership.is_employee
        and membership.department_id == action.owner_id
    )


is_public = phase_permits("public", of=committee_of)
may_edit_mandate = phase_permits("edit_mandate", of=committee_of)
call_open = phase_permits("apply", of=committee_of)
may_select = phase_permits("select", of=committee_of)
meetings_held = phase_permits("meetings", of=committee_of)
may_recommend = phase_permits("recommend", of=committee_of)
council_decides = phase_permits("decide", of=committee_of)
has_results = phase_permits("results", of=committee_of)
in_follow_up = phase_permits("follow_up", of=committee_of)

runs_committee = is_chair | is_secretariat | can_administer

rules.add_perm("committees.create_committee", is_politician | can_administer)
rules.add_perm("committees.view_committee", is_public | runs_committee)
rules.add_perm("committees.view_all_committees", can_administer)
rules.add_perm("committees.change_committee", runs_committee & may_edit_mandate)
rules.add_perm("committees.set_phase", runs_committee)
rules.add_perm("committees.manage_members", runs_committee)
rules.add_perm("committees.apply", is_member & call_open)
rules.add_perm("committees.view_applications", runs_committee)
rules.add_perm("committees.select", runs_committee & may_select)
rules.add_perm("committees.manage_meetings", runs_committee & meetings_held)
rules.add_perm("committees.recommend", runs_committee & may_recommend)
rules.add_perm("committees.decide", is_staff_member & council_decides)
rules.add_perm("committees.create_action", is_staff_member & in_follow_up)
rules.add_perm(
    "committees.update_action", (owns_action | can_administer) & in_follow_up
)
