"""Task committees, their recommendations and follow-up on the status page
(``faelles.core.status_sources``; docs/status.md). Only public committees take part."""

from datetime import date

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from faelles.core.status_sources import (
    NEVER,
    StatusFilter,
    StatusItem,
    StatusSource,
    as_date,
)

from .models import (
    OPEN_STATUSES,
    CommitteeMember,
    FollowUpAction,
    Recommendation,
    TaskCommittee,
)
from .phases import COMMITTEE_PHASES, Phase

PUBLIC = COMMITTEE_PHASES.keys_permitting("public")
# Still working on its recommendations: past its period, that is overdue.
WORKING = [Phase.CALL, Phase.WORK]


def _local(obj) -> str:
    return obj.name_local if obj is not None else ""


def _member_of(person):
    return CommitteeMember.objects.filter(user=person).values("committee_id")


def committees(municipality, f: StatusFilter):
    if f.department is not None:
        return None  # a committee has no department; its follow-up has
    qs = TaskCommittee.objects.filter(municipality=municipality, phase__in=PUBLIC)
    if f.theme is not None:
        qs = qs.filter(theme=f.theme)
    if f.focus_area is not None:
        qs = qs.filter(focus_area=f.focus_area)
    if f.person is not None:
        qs = qs.filter(Q(chair=f.person) | Q(pk__in=_member_of(f.person)))
    return qs.select_related("chair", "theme", "focus_area")


def committee_item(committee, today: date) -> StatusItem:
    overdue = committee.phase in WORKING and committee.period_end < today
    return StatusItem(
        kind="committees",
        title=committee.title,
        url=committee.get_absolute_url(),
        state=str(committee.get_phase_display()),
        owner=str(committee.chair) if committee.chair else "",
        theme=_local(committee.theme),
        focus_area=_local(committee.focus_area),
        updated=as_date(committee.phase_changed_at),
        due=committee.period_end,
        overdue=overdue,
        overdue_reason=str(_("Perioden er slut, anbefalingerne mangler"))
        if overdue
        else "",
    )


def _recommendation_theme(prefix: str, f: StatusFilter) -> Q:
    """A recommendation serves its own theme, or else its committee's."""
    q = Q()
    if f.theme is not None:
        q &= Q(**{f"{prefix}theme": f.theme}) | Q(
            **{f"{prefix}theme__isnull": True, f"{prefix}committee__theme": f.theme}
        )
    if f.focus_area is not None:
        q &= Q(**{f"{prefix}focus_area": f.focus_area}) | Q(
            **{
                f"{prefix}focus_area__isnull": True,
                f"{prefix}committee__focus_area": f.focus_area,
            }
        )
    return q


def recommendations(municipality, f: StatusFilter):
    qs = Recommendation.objects.filter(
        municipality=municipality, committee__phase__in=PUBLIC
    ).filter(_recommendation_theme("", f))
    if f.department is not None:
        qs = qs.filter(
            pk__in=FollowUpAction.objects.filter(owner=f.department).values(
                "recommendation_id"
            )
        )
    if f.person is not None:
        qs = qs.filter(
            Q(committee__chair=f.person)
            | Q(committee_id__in=_member_of(f.person))
            | Q(
                pk__in=FollowUpAction.objects.filter(responsible=f.person).values(
                    "recommendation_id"
                )
            )
        )
    return qs.select_related(
        "committee", "theme", "focus_area", "committee__theme", "committee__focus_area"
    )


def recommendation_item(recommendation, today: date) -> StatusItem:
    committee = recommendation.committee
    if recommendation.decision != "pending":
        state = str(recommendation.get_decision_display())
    elif committee.handed_over_at:
        state = str(_("Hos byrådet"))
    else:
        state = str(_("Udvalget arbejder på den"))
    return StatusItem(
        kind="recommendations",
        title=str(recommendation),
        url=recommendation.get_absolute_url(),
        state=state,
        owner=committee.title,
        theme=_local(recommendation.theme or committee.theme),
        focus_area=_local(recommendation.focus_area or committee.focus_area),
        updated=recommendation.decided_at
        or as_date(committee.handed_over_at)
        or as_date(recommendation.created_at),
        detail=recommendation.decision_reason,
        context=committee.title,
    )


def actions(municipality, f: StatusFilter):
    qs = FollowUpAction.objects.filter(
        municipality=municipality, recommendation__committee__phase__in=PUBLIC
    ).filter(_recommendation_theme("recommendation__", f))
    if f.department is not None:
        qs = qs.filter(owner=f.department)
    if f.person is not None:
        qs = qs.filter(responsible=f.person)
    return qs.select_related(
        "owner",
        "responsible",
        "recommendation__committee__theme",
        "recommendation__committee__focus_area",
        "recommendation__theme",
        "recommendation__focus_area",
    )


def action_item(action, today: date) -> StatusItem:
    recommendation = action.recommendation
    committee = recommendation.committee
    overdue = action.is_overdue(today)
    owner = action.owner.name
    if action.responsible_id:
        owner = f"{owner} · {action.responsible}"
    return StatusItem(
        kind="actions",
        title=action.title,
        url=action.get_absolute_url(),
        state=f"{action.get_status_display()} ({action.progress} %)",
        owner=owner,
        theme=_local(recommendation.theme or committee.theme),
        focus_area=_local(recommendation.focus_area or committee.focus_area),
        updated=as_date(action.updated_at),
        due=action.due_date,
        overdue=overdue,
        overdue_reason=str(_("Fristen er overskredet")) if overdue else "",
        context=f"{committee.title}: {recommendation}",
    )


SOURCES = [
    StatusSource(
        key="committees",
        label=_("Opgaveudvalg"),
        order=10,
        queryset=committees,
        overdue=lambda today: Q(phase__in=WORKING, period_end__lt=today),
        item=committee_item,
        theme_path="theme",
        overdue_rule=_(
            "Et udvalg er forsinket, når dets periode er slut, og det endnu ikke "
            "har afleveret sine anbefalinger."
        ),
        order_by=("-period_start", "-pk"),
        depends_on=("committees.TaskCommittee", "committees.CommitteeMember"),
    ),
    StatusSource(
        key="recommendations",
        label=_("Anbefalinger og byrådets beslutninger"),
        order=20,
        queryset=recommendations,
        overdue=lambda today: NEVER,
        item=recommendation_item,
        theme_path=Coalesce("theme", "committee__theme"),
        order_by=("committee_id", "number"),
        depends_on=(
            "committees.TaskCommittee",
            "committees.Recommendation",
            "committees.CommitteeMember",
            "committees.FollowUpAction",
        ),
    ),
    StatusSource(
        key="actions",
        label=_("Opfølgning på vedtagne anbefalinger"),
        order=30,
        queryset=actions,
        overdue=lambda today: Q(status__in=OPEN_STATUSES, due_date__lt=today),
        item=action_item,
        theme_path=Coalesce(
            "recommendation__theme", "recommendation__committee__theme"
        ),
        overdue_rule=_(
            "En handling er forsinket, når den ikke er gennemført eller stoppet, og "
            "fristen er overskredet."
        ),
        order_by=("due_date", "pk"),
        depends_on=(
            "committees.TaskCommittee",
            "committees.Recommendation",
            "committees.FollowUpAction",
            "committees.Milestone",
            "committees.ActionUpdate",
        ),
    ),
]
