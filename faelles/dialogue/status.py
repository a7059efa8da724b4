"""Hearings and debates on the status page (``faelles.core.status_sources``;
docs/status.md): announced ones only, as on the site."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.core.status_sources import StatusFilter, StatusItem, StatusSource, as_date

from .models import Hearing

# A hearing that closed this long ago without the municipality's answer is overdue.
ANSWER_WEEKS = 8


def _answer_by(today: date) -> datetime:
    start = timezone.make_aware(datetime.combine(today, time.min))
    return start - timedelta(weeks=ANSWER_WEEKS)


def hearings(municipality, f: StatusFilter):
    if f.department is not None:
        return None  # a hearing has no owning department
    qs = Hearing.objects.filter(municipality=municipality).announced()
    if f.theme is not None:
        qs = qs.filter(theme=f.theme)
    if f.focus_area is not None:
        qs = qs.filter(focus_area=f.focus_area)
    if f.person is not None:
        qs = qs.filter(created_by=f.person)
    return qs.select_related("committee", "theme", "focus_area", "municipality")


def hearing_item(hearing, today: date) -> StatusItem:
    overdue = hearing.answered_at is None and hearing.closes_at < _answer_by(today)
    phase = hearing.current_phase
    now = timezone.now()
    updated = hearing.answered_at or max(
        (d for d in (hearing.announced_at, hearing.opens_at, hearing.closes_at)
         if d <= now),
        default=hearing.announced_at,
    )  # fmt: skip
    return StatusItem(
        kind="hearings",
        title=hearing.title,
        url=hearing.get_absolute_url(),
        state=str(phase.name) if phase else "",
        owner=hearing.committee.title
        if hearing.committee
        else hearing.municipality.name,
        theme=hearing.theme.name_local if hearing.theme else "",
        focus_area=hearing.focus_area.name_local if hearing.focus_area else "",
        updated=as_date(updated),
        due=as_date(hearing.closes_at) if hearing.answered_at is None else None,
        overdue=overdue,
        overdue_reason=str(_("Kommunens svar mangler")) if overdue else "",
        detail=str(hearing.get_kind_display()),
    )


SOURCES = [
    StatusSource(
        key="hearings",
        label=_("Høringer og debatter"),
        order=60,
        queryset=hearings,
        overdue=lambda today: Q(
            answered_at__isnull=True, closes_at__lt=_answer_by(today)
        ),
        item=hearing_item,
        theme_path="theme",
        overdue_rule=_(
            "En høring er forsinket, når den lukkede for mere end otte uger siden, "
            "og kommunen endnu ikke har offentliggjort sit svar."
        ),
        order_by=("-opens_at", "-pk"),
        depends_on=("dialogue.Hearing",),
    ),
]
