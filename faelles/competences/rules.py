"""Who may use the competence directory and the questions between colleagues.

The directory is the employees' own: for everyone else — a citizen, a
politician, another municipality's employee — it does not exist (404); an
anonymous visitor is sent to log in. A profile is seen by the employees of its
municipality while its owner is one of them, and only with what the owner
shares. A question is seen by whoever asked it and whoever it was put to.
"""

import rules

from faelles.accounts.rules import is_employee

from .models import QuestionStatus


@rules.predicate
def owner_is_employee(user, profile) -> bool:
    from .selectors import is_listed

    return is_listed(profile)


@rules.predicate
def is_own_profile(user, profile) -> bool:
    return bool(user.is_authenticated and profile.user_id == user.pk)


@rules.predicate
def is_asker(user, question) -> bool:
    return bool(user.is_authenticated and question.asker_id == user.pk)


@rules.predicate
def is_asked(user, question) -> bool:
    """The recipient, or one of those asked a question to anyone who knows."""
    if not user.is_authenticated:
        return False
    if question.recipient_id is not None:
        return question.recipient_id == user.pk
    return question.invited.filter(pk=user.pk).exists()


@rules.predicate
def is_open(user, question) -> bool:
    return question.status == QuestionStatus.OPEN


@rules.predicate
def is_answered(user, question) -> bool:
    return question.status == QuestionStatus.ANSWERED


@rules.predicate
def not_thanked(user, question) -> bool:
    return question.thanked_at is None


rules.add_perm("competences.use", is_employee)
rules.add_perm(
    "competences.view_profile", is_employee & (is_own_profile | owner_is_employee)
)
rules.add_perm("competences.ask", is_employee & ~is_own_profile & owner_is_employee)
rules.add_perm("competences.view_question", is_employee & (is_asker | is_asked))
rules.add_perm("competences.answer", is_employee & is_asked & is_open)
rules.add_perm("competences.decline", is_employee & is_asked & is_open)
rules.add_perm("competences.withdraw", is_asker & is_open)
rules.add_perm("competences.thank", is_asker & is_answered & not_thanked)
