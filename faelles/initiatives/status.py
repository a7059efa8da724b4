"""Initiatives and their trials on the status page (``faelles.core.status_sources``;
docs/status.md). Withdrawn initiatives are not shown, as on the site; nor are
internal (staff-only) ones: the page and its exports are cached once for every
reader, so they hold only what anyone may see (docs/staff-only.md)."""

from datetime import date, datetime, time, timedelta

from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.core.status_sources import StatusFilter, StatusItem, StatusSource, as_date

from .models import Initiative, Outcome, State, Trial
from .selectors import settings_for

OUTCOMES = dict(Outcome.choices)
# Why a row is overdue (the annotation "status_late").
ON_TIME, NO_ANSWER, NOT_EVALUATED = 0, 1, 2


def initiatives(municipality, f: StatusFilter):
    latest = Trial.objects.filter(initiative=OuterRef("pk")).order_by("-round", "-pk")
    days = settings_for(municipality).response_days
    answer_by = timezone.make_aware(datetime.combine(f.today, time.min)) - timedelta(
        days=days
    )
    qs = (
        Initiative.objects.filter(municipality=municipality, staff_only=False)
        .visible()
        .annotate(
            trial_end=Subquery(latest.values("ends_on")[:1]),
            trial_outcome=Subquery(latest.values("outcome")[:1]),
        )
        .annotate(
            status_late=Case(
                When(
                    state=State.IDEA,
                    first_response_at__isnull=True,
                    created_at__lt=answer_by,
                    then=Value(NO_ANSWER),
                ),
                When(
                    state=State.TRYING,
                    trial_end__lt=f.today,
                    trial_outcome__isnull=True,
                    then=Value(NOT_EVALUATED),
                ),
                default=Value(ON_TIME),
                output_field=IntegerField(),
            )
        )
    )
    if f.theme is not None:
        qs = qs.filter(themes__theme=f.theme)
    if f.focus_area is not None:
        qs = qs.filter(focus_area=f.focus_area)
    if f.department is not None:
        qs = qs.filter(department=f.department)
    if f.person is not None:
        team = Initiative.team.through.objects.filter(user=f.person)
        qs = qs.filter(
            Q(facilitator=f.person)
            | Q(proposer=f.person)
            | Q(pk__in=team.values("initiative_id"))
        )
    return qs.select_related(
        "department", "facilitator", "focus_area"
    ).prefetch_related("themes__theme")


def initiative_item(initiative, today: date) -> StatusItem:
    late = initiative.status_late
    owner = ", ".join(
        str(x) for x in (initiative.department and initiative.department.name,
                         initiative.facilitator) if x
    )  # fmt: skip
    due = None
    if initiative.state == State.TRYING and initiative.trial_end:
        due = initiative.trial_end
    detail = ""
    if initiative.trial_outcome:
        detail = str(_("Prøvehandlingen: %(outcome)s")) % {
            "outcome": OUTCOMES.get(initiative.trial_outcome, "")
        }
    return StatusItem(
        kind="initiatives",
        title=initiative.title,
        url=initiative.get_absolute_url(),
        state=str(initiative.get_state_display()),
        owner=owner,
        theme=", ".join(t.theme.name_local for t in initiative.themes.all()),
        focus_area=initiative.focus_area.name_local if initiative.focus_area else "",
        updated=as_date(initiative.state_changed_at or initiative.updated_at),
        due=due,
        overdue=late != ON_TIME,
        overdue_reason=(
            str(_("Venter på kommunens svar"))
            if late == NO_ANSWER
            else str(_("Prøvehandlingen er slut, men ikke evalueret"))
            if late == NOT_EVALUATED
            else ""
        ),
        detail=detail,
    )


SOURCES = [
    StatusSource(
        key="initiatives",
        label=_("Initiativer og prøvehandlinger"),
        order=40,
        queryset=initiatives,
        overdue=lambda today: ~Q(status_late=ON_TIME),
        item=initiative_item,
        theme_path="themes__theme",
        one_theme=False,
        overdue_rule=_(
            "Et initiativ er forsinket, når kommunen ikke har svaret inden for "
            "kommunens svarfrist, eller når dets prøvehandling er slut uden at være "
            "evalueret."
        ),
        order_by=("-updated_at", "-pk"),
        depends_on=(
            "initiatives.Initiative",
            "initiatives.InitiativeTheme",
            "initiatives.Trial",
            "initiatives.InitiativeSettings",
            "initiatives.Initiative.through:team",
        ),
    ),
]
