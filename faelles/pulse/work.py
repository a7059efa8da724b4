"""The pulse in the employee's workspace (faelles/core/work_sources.py): a round
waiting for one's answer, concerns waiting for leadership's answer, and the
two tools."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import WorkItem, WorkSource, WorkTool
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors


def _waiting(user, municipality):
    return selectors.rounds_waiting_for(
        user=user, municipality=municipality, today=timezone.localdate()
    )


def _round_item(round_, today: date) -> WorkItem:
    return WorkItem(
        title=round_.title,
        url=round_.get_absolute_url(),
        state=gettext("Venter på dit svar"),
        due=round_.closes_on,
        overdue=False,
    )


def _concerns(user, municipality):
    return selectors.concerns_to_answer(user=user, municipality=municipality)


def _concern_item(concern, today: date) -> WorkItem:
    return WorkItem(
        title=concern.title,
        url=concern.get_absolute_url(),
        state=concern.get_status_display(),
        context=concern.department.name if concern.department else "",
    )


SOURCES = [
    WorkSource(
        key="pulse_waiting",
        label=_("Pulsmåling venter"),
        order=15,
        applies=lambda user, m: user.has_perm("pulse.answer", m),
        queryset=_waiting,
        item=_round_item,
        help_text=_(
            "Korte, anonyme spørgsmål om tillid, retfærdighed og samarbejde. "
            "Ingen kan se, hvad du svarer."
        ),
    ),
    WorkSource(
        key="pulse_concerns",
        label=_("Sig fra: henvendelser, der venter på svar"),
        order=25,
        applies=lambda user, m: user.has_perm("pulse.export", m),
        queryset=_concerns,
        item=_concern_item,
        more_url=lambda m: tenant_reverse("pulse:concerns", m),
        help_text=_(
            "Medarbejdere har sagt fra uden navn. Svar offentligt – alle "
            "medarbejdere kan læse svaret."
        ),
    ),
]

TOOLS = [
    WorkTool(
        key="pulse",
        label=_("Pulsmåling"),
        description=_("tillid, retfærdighed og samarbejde – resultater og udvikling"),
        url_name="pulse:index",
        order=45,
        applies=lambda user, m: user.has_perm("pulse.use", m),
    ),
    WorkTool(
        key="pulse_concerns",
        label=_("Sig fra"),
        description=_("sig fra over for ledelsen uden navn og få et offentligt svar"),
        url_name="pulse:concerns",
        order=46,
        applies=lambda user, m: user.has_perm("pulse.use", m),
    ),
]
