"""Who may do what in a borgerbudget (django-rules)."""

import rules

from faelles.accounts.rules import can_administer, is_member, is_staff_member

from .models import Phase


def _round_of(target):
    return getattr(target, "round", target)


@rules.predicate
def round_is_public(user, target) -> bool:
    budget_round = _round_of(target)
    return budget_round is not None and budget_round.phase != Phase.DRAFT


@rules.predicate
def round_has_results(user, target) -> bool:
    budget_round = _round_of(target)
    return budget_round is not None and budget_round.has_results


@rules.predicate
def proposals_open(user, target) -> bool:
    return _round_of(target).proposals_open()


@rules.predicate
def voting_open(user, target) -> bool:
    return _round_of(target).voting_open()


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
