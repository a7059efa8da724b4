"""Reads about task committees, always within one municipality."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from faelles.accounts.models import Membership
from faelles.core.visibility import visible_rows
from faelles.municipalities.themes import theme_key

from .models import (
    ADOPTED,
    CommitteeMember,
    Decision,
    DrawStatus,
    FollowUpAction,
    Meeting,
    Recommendation,
    TaskCommittee,
)
from .phases import COMMITTEE_PHASES, Phase

#: Statistics never show groups smaller than this (docs/architecture.md).
SMALLEST_GROUP = 5


def committee_list(*, municipality, viewer, theme: str = "") -> list[TaskCommittee]:
    """The committees the viewer may open; ``theme`` a theme's key, or all."""
    qs = TaskCommittee.objects.filter(municipality=municipality).select_related(
        "chair", "theme"
    )
    if theme := theme_key(theme):
        qs = qs.filter(theme__key=theme)
    if not viewer.has_perm("committees.view_all_committees", municipality):
        # What the person may open: public committees and those they run.
        public = qs.public()
        if viewer.is_authenticated:
            public = qs.filter(
                Q(phase__in=COMMITTEE_PHASES.keys_permitting("public"))
                | Q(chair=viewer)
                | Q(members__user=viewer, members__role="secretariat")
            ).distinct()
        qs = public
    return list(
        qs.annotate(
            n_members=Count("members", distinct=True),
            n_recommendations=Count("recommendations", distinct=True),
        )
    )


def open_calls(*, municipality, now=None) -> list[TaskCommittee]:
    now = now or timezone.now()
    return list(
        TaskCommittee.objects.filter(
            municipality=municipality,
            phase=Phase.CALL,
            call_opens__lte=now,
            call_closes__gt=now,
        ).order_by("call_closes", "id")[:5]
    )


def memberships_by_user(*, municipality, user_ids) -> dict[int, Membership]:
    """Each person's membership here, for role badges (one query)."""
    return {
        m.user_id: m
        for m in Membership.objects.filter(
            municipality=municipality, user_id__in=set(user_ids)
        )
    }


def committee_members(*, committee: TaskCommittee) -> list[CommitteeMember]:
    members = list(committee.members.select_related("user", "organisation"))
    roles = memberships_by_user(
        municipality=committee.municipality, user_ids=[m.user_id for m in members]
    )
    for member in members:
        member.membership = roles.get(member.user_id)
        member.is_chair = member.user_id == committee.chair_id
    members.sort(
        key=lambda m: (
            m.user_id != committee.chair_id,
            m.role != "politician",
            str(m.user),
        )
    )
    return members


def committee_meetings(*, committee: TaskCommittee) -> list[Meeting]:
    return list(committee.meetings.annotate(n_documents=Count("documents")))


def committee_recommendations(
    *, committee: TaskCommittee, user=None
) -> list[Recommendation]:
    """The recommendations with the follow-up actions the person may see (one
    carried by an internal initiative is for staff only, docs/staff-only.md)."""
    actions = visible_rows(
        FollowUpAction.objects.all(),
        user or AnonymousUser(),
        committee.municipality,
    )
    return list(
        committee.recommendations.select_related("theme").prefetch_related(
            Prefetch("actions", queryset=actions.select_related("owner"))
        )
    )


def decision_counts(recommendations) -> dict[str, int]:
    counts = Counter(r.decision for r in recommendations)
    return {d: counts.get(d, 0) for d in Decision.values}


def finished_draw(committee: TaskCommittee):
    return committee.draws.filter(status=DrawStatus.DONE).first()


def pool_counts(
    pool: dict, strata: list[str]
) -> dict[str, list[tuple[str, int | None]]]:
    """Applicants per value of each stratum; counts under five are ``None``."""
    out = {}
    for stratum in strata:
        counts = Counter(row[stratum] for row in pool.values())
        out[stratum] = [
            (value, n if n >= SMALLEST_GROUP else None)
            for value, n in sorted(counts.items())
        ]
    return out


def politician_committees(*, municipality, user) -> list[TaskCommittee]:
    return list(
        TaskCommittee.objects.filter(municipality=municipality)
        .public()
        .filter(Q(chair=user) | Q(members__user=user))
        .distinct()
        .order_by("-period_start", "-id")
    )


def actions_responsible(*, municipality, user) -> list[FollowUpAction]:
    return list(
        FollowUpAction.objects.filter(municipality=municipality, responsible=user)
        .filter(
            recommendation__committee__phase__in=COMMITTEE_PHASES.keys_permitting(
                "public"
            )
        )
        .select_related("recommendation__committee", "owner")
        .order_by("due_date", "id")
    )


def follow_up_summary(*, committee: TaskCommittee) -> dict:
    actions = FollowUpAction.objects.filter(
        recommendation__committee=committee, recommendation__decision__in=ADOPTED
    )
    return {
        "total": actions.count(),
        "done": actions.filter(status="done").count(),
        "overdue": actions.overdue().count(),
    }
