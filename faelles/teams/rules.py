"""Who may do what with cross-department teams.

Teams are for staff: every employee of the municipality (and its
administrators) sees the list and each team's page — purpose, members and the
open call; to a citizen or a politician a team does not exist (404), an
anonymous visitor gets the login page.

* An employee with a department creates a team; it is owned by their
  department and they become its leader (and first member).
* Any employee may volunteer while the call is open ("Jeg byder ind").
* The team's leader accepts or declines volunteers, opens and closes the call,
  starts the team and closes it with the evaluation. When the leader is gone or
  away, the leader of the owning department (``Membership.is_leader`` over it
  or a unit above it) and the administrators may do the same.
* The team's space (messages, files, tasks) is read by its members and by
  those who may lead it; members write in it until the team is closed.
"""

from __future__ import annotations

from typing import Any

import rules

from faelles.accounts.rules import can_administer, is_employee
from faelles.accounts.selectors import membership_for
from faelles.organisations.selectors import departments_led_by

from .models import State, TeamMember


def member_ids(team: Any) -> set[int]:
    """The team's members' user ids, read once per team object."""
    cached = getattr(team, "_member_ids", None)
    if cached is None:
        cached = set(
            TeamMember.objects.filter(team_id=team.pk).values_list("user_id", flat=True)
        )
        team._member_ids = cached
    return cached


@rules.predicate
def has_department(user, municipality) -> bool:
    membership = membership_for(user, municipality)
    return bool(membership and membership.is_employee and membership.department_id)


@rules.predicate
def is_team_member(user, team) -> bool:
    return bool(user.is_authenticated and user.pk in member_ids(team))


@rules.predicate
def is_team_leader(user, team) -> bool:
    return bool(user.is_authenticated and team.leader_id == user.pk)


@rules.predicate
def leads_owner(user, team) -> bool:
    return team.department_id in departments_led_by(user, team.municipality)


@rules.predicate
def is_open(user, team) -> bool:
    return team.state != State.CLOSED


@rules.predicate
def takes_volunteers(user, team) -> bool:
    return bool(team.takes_volunteers)


may_see = is_employee | can_administer
may_lead = (is_team_leader & is_employee) | leads_owner | can_administer
may_see_space = is_team_member | may_lead

rules.add_perm("teams.use", may_see)
rules.add_perm("teams.view", may_see)
rules.add_perm("teams.create", has_department)
rules.add_perm("teams.volunteer", is_employee & takes_volunteers & ~is_team_member)
rules.add_perm("teams.lead", may_lead & is_open)
rules.add_perm("teams.see_space", may_see_space)
rules.add_perm("teams.write", (is_team_member | may_lead) & is_open)
rules.add_perm("teams.download", may_see_space)
rules.add_perm("teams.leave", is_team_member & ~is_team_leader & is_open)
