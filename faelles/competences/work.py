"""Questions from colleagues in the workspace, and the directory as a staff
tool (faelles/core/work_sources.py)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from faelles.accounts.rules import is_employee
from faelles.core.work_sources import WorkItem, WorkSource, WorkTool
from faelles.municipalities.tenancy import tenant_reverse

from .models import Question


def _questions(user, municipality):
    return (
        Question.objects.filter(municipality=municipality)
        .waiting_for(user)
        .select_related("asker")
        .order_by("created_at", "id")
    )


def _item(question, today: date) -> WorkItem:
    return WorkItem(
        title=question.text[:120],
        url=question.get_absolute_url(),
        state=question.get_status_display(),
        context=question.asker.display_name,
    )


SOURCES = [
    WorkSource(
        key="competences_questions",
        label=_("Spørgsmål fra kolleger"),
        order=65,
        applies=lambda user, m: is_employee(user, m),
        queryset=_questions,
        item=_item,
        more_url=lambda m: tenant_reverse("competences:questions", m),
        help_text=_(
            "Kolleger, der har spurgt dig om noget, du kan; svar, eller sig venligt "
            "nej tak."
        ),
    ),
]

TOOLS = [
    WorkTool(
        key="competences",
        label=_("Kompetencer"),
        description=_(
            "find kolleger, der kan noget bestemt, på tværs af afdelinger – og "
            "fortæl, hvad du selv kan"
        ),
        url_name="competences:index",
        order=50,
        applies=lambda user, m: user.has_perm("competences.use", m),
    ),
]
