"""Reads of the team reflection kit, always within one municipality.

Notes: a person reads only their own (``own_notes`` takes the reader), and the
team reads the notes their authors chose to share — without the author, in an
order that says nothing about who wrote first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from faelles.accounts.selectors import membership_for
from faelles.municipalities.models import Municipality
from faelles.organisations.models import Organisation

from .models import Action, ActionStatus, FollowUp, Note, QuestionSet, Session


def departments(*, municipality: Municipality) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        municipality=municipality, kind=Organisation.Kind.DEPARTMENT
    ).order_by("name", "id")


def sessions_for(*, municipality: Municipality, user: Any) -> QuerySet[Session]:
    """The sessions the person may see: their team's, or every team's for an
    administrator (``all_teams``). Newest first."""
    qs = Session.objects.filter(municipality=municipality).select_related("department")
    if user.has_perm("reflection.create_any", municipality):
        return qs
    membership = membership_for(user, municipality)
    if membership is None or not membership.is_employee:
        return qs.none()
    return qs.filter(department_id=membership.department_id)


def own_open_actions(*, municipality: Municipality, user: Any) -> QuerySet[Action]:
    return (
        Action.objects.filter(
            municipality=municipality, owner=user, status=ActionStatus.OPEN
        )
        .select_related("session")
        .order_by("due", "id")
    )


def question_sets(*, municipality: Municipality) -> QuerySet[QuestionSet]:
    return QuestionSet.objects.filter(municipality=municipality).order_by("title", "id")


def own_notes(*, session: Session, user: Any) -> dict[int, Note]:
    """The person's own notes, by question id."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return {
        n.question_id: n
        for n in Note.objects.filter(question__session=session, author=user)
    }


def shared_notes(*, session: Session) -> dict[int, list[str]]:
    """The texts of the notes shared with the team, by question id — no author,
    ordered by text so the order tells nothing."""
    out: dict[int, list[str]] = {}
    for question_id, text in (
        Note.objects.filter(question__session=session, shared=True)
        .order_by("question_id", "text")
        .values_list("question_id", "text")
    ):
        out.setdefault(question_id, []).append(text)
    return out


def writers(*, session: Session) -> int:
    """How many have written at least one note (never who, never what)."""
    return (
        Note.objects.filter(question__session=session)
        .values("author")
        .distinct()
        .count()
    )


@dataclass
class FollowUpItem:
    action: Action
    history: list[FollowUp] = field(default_factory=list)  # earlier sessions'
    this_session: FollowUp | None = None


def follow_up(*, session: Session) -> list[FollowUpItem]:
    """The actions of the team's earlier sessions this session follows up:
    those still open, and those it has already followed up. Oldest first, each
    with the follow-up history. Two queries, however many actions."""
    actions = list(
        Action.objects.filter(
            municipality_id=session.municipality_id,
            session__department_id=session.department_id,
            session__created_at__lt=session.created_at,
        )
        .filter(Q(status=ActionStatus.OPEN) | Q(follow_ups__session=session))
        .exclude(session=session)
        .select_related("session", "owner")
        .distinct()
        .order_by("session__created_at", "due", "id")
    )
    items = {a.pk: FollowUpItem(a) for a in actions}
    for record in (
        FollowUp.objects.filter(action__in=actions)
        .select_related("session")
        .order_by("session__created_at", "id")
    ):
        item = items[record.action_id]
        if record.session_id == session.pk:
            item.this_session = record
        else:
            item.history.append(record)
    return list(items.values())


def actions(*, session: Session) -> list[Action]:
    """The actions agreed in this session, with how later sessions followed them
    up (prefetched)."""
    return list(
        Action.objects.filter(session=session)
        .select_related("owner")
        .prefetch_related("follow_ups__session")
        .order_by("due", "id")
    )


def shared_summaries(
    *, municipality: Municipality, limit: int = 20
) -> QuerySet[Session]:
    """The summaries teams chose to share to the learning library, newest first."""
    return (
        Session.objects.filter(
            municipality=municipality, summary_shared_at__isnull=False
        )
        .select_related("department")
        .only(
            "title",
            "date",
            "set_title",
            "summary",
            "summary_shared_at",
            "department__name",
        )
        .order_by("-summary_shared_at", "-id")[:limit]
    )


def session_counts(qs: QuerySet[Session]) -> QuerySet[Session]:
    return qs.annotate(n_actions=Count("actions", distinct=True))
