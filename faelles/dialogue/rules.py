"""Who may do what in hearings and debates (django-rules).

What a hearing permits depends on its phase (``phases.py``); the predicates ask
the phase, never compare keys. Targets are a hearing or one of its comments.
"""

import rules

from faelles.accounts.rules import can_moderate, is_member, is_staff_member
from faelles.core.phases import phase_permits

from . import phases  # noqa: F401  (registers the hearing's phases)


def _hearing_of(target):
    return getattr(target, "hearing", target)


hearing_is_public = phase_permits("public", of=_hearing_of)
comments_open = phase_permits("comment", of=_hearing_of)
reactions_open = phase_permits("react", of=_hearing_of)
reports_open = phase_permits("report", of=_hearing_of)
answer_due = phase_permits("answer", of=_hearing_of)
before_open = phase_permits("prepare", of=_hearing_of)


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return bool(
        user.is_authenticated
        and comment is not None
        and getattr(comment, "author_id", None) == user.pk
    )


@rules.predicate
def is_hidden(user, comment) -> bool:
    return bool(getattr(comment, "is_hidden", False))


@rules.predicate
def not_yet_public(user, hearing) -> bool:
    """In preparation: no phase yet (before the announcement)."""
    from faelles.core.phases import current_phase

    return hearing is not None and current_phase(_hearing_of(hearing)) is None


rules.add_perm("dialogue.create_hearing", is_staff_member)
rules.add_perm("dialogue.view_hearing", hearing_is_public | is_staff_member)
rules.add_perm("dialogue.change_hearing", is_staff_member)
# The draft's text is fixed once comments may point at its paragraphs.
rules.add_perm(
    "dialogue.change_draft", is_staff_member & (not_yet_public | before_open)
)
rules.add_perm("dialogue.add_attachment", is_staff_member)
rules.add_perm("dialogue.comment", is_member & comments_open)
rules.add_perm("dialogue.react", is_member & reactions_open)
rules.add_perm("dialogue.report", is_member & reports_open)
rules.add_perm("dialogue.moderate", can_moderate)
rules.add_perm("dialogue.appeal", is_comment_author & is_hidden)
rules.add_perm("dialogue.answer", is_staff_member & answer_due)
