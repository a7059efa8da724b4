"""Who may do what in a borgerbudget (django-rules)."""

import rules

from faelles.accounts.rules import can_administer, is_member, is_staff_member
from faelles.core.phases import phase_permits

from . import phases  # noqa: F401  (registers the round's phases)


def _round_of(target):
    return getattr(target, "round", target)


# What the round's current phase permits (faelles/budgeting/phases.py).
round_is_public = phase_permits("public", of=_round_of)
round_has_results = phase_permits("results", of=_round_of)
proposals_open = phase_permits("proposals", of=_round_of)
voting_open = phase_permits("vote", of=_round_of)


@rules.predicate
def not_imported(user, target) -> bool:
    return not _round_of(target).is_imported


rules.add_perm("budgeting.create_round", is_staff_member)
rules.add_perm("budgeting.view_round", round_is_public | is_staff_member)
rules.add_perm("budgeting.change_round", is_staff_member & not_imported)
rules.add_perm("budgeting.propose_project", is_member & proposals_open)
rules.add_perm("budgeting.review_project", is_staff_member & not_imported)
rules.add_perm("budgeting.vote", is_member & voting_open)
rules.add_perm("budgeting.enter_paper_ballot", is_staff_member & voting_open)
rules.add_perm("budgeting.view_results", round_has_results)
# Ballots leave the platform only after the close, shuffled (docs/budgeting.md).
rules.add_perm("budgeting.export_round", round_has_results)
rules.add_perm("budgeting.import_round", can_administer)
rules.add_perm("budgeting.post_update", is_staff_member & round_has_results)
