"""Who may see the leaders' page and the units' goals (docs/leaders.md).

* The leaders' page is for leaders (an employee with ``is_leader``: their own
  department and every unit under it) and the municipality's administrators
  (any department). To everyone else logged in it does not exist (404); an
  anonymous visitor goes to the login page.
* A goal is open inside the organisation: every employee of the municipality
  (and its administrators) reads the goals and their follow-up — Kommunen 3.0
  favours openness. Citizens, politicians and other municipalities' people get
  404.
* A goal is written (created, changed, followed up) by a leader of its unit —
  anyone who leads the unit's department or a department above it — and by the
  administrators.
"""

import rules

from faelles.accounts.rules import can_administer, is_employee, is_leader
from faelles.organisations.selectors import departments_led_by


def _led(user, municipality) -> set[int]:
    """The departments the user leads here, once per request and municipality."""
    cache = user.__dict__.setdefault("_leadership_led", {})
    if municipality.pk not in cache:
        cache[municipality.pk] = departments_led_by(user, municipality)
    return cache[municipality.pk]


@rules.predicate
def leads_unit(user, obj) -> bool:
    """``obj`` is a department, or has one (a goal): the user leads it."""
    if not user.is_authenticated or obj is None:
        return False
    department_id = getattr(obj, "department_id", None) or obj.pk
    return department_id in _led(user, obj.municipality)


may_view_page = is_leader | can_administer
may_read_goals = is_employee | can_administer
may_write = leads_unit | can_administer

rules.add_perm("leadership.view_page", may_view_page)
rules.add_perm("leadership.view_all", can_administer)
rules.add_perm("leadership.view_goal", may_read_goals)
rules.add_perm("leadership.create_goal", may_write)  # on a department
rules.add_perm("leadership.edit_goal", may_write)  # on a goal
