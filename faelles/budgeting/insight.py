"""Participatory budgeting on the insight dashboards (``core/insight_sources.py``):
people who voted (from the receipts, which say that someone voted, never what)
and projects proposed."""

from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightSource

from .models import BallotReceipt, BudgetRound, Project


def _voters(municipality):
    return BallotReceipt.objects.filter(municipality=municipality)


def _projects(municipality):
    return Project.objects.filter(
        municipality=municipality, round__in=_visible(municipality)
    )


def _visible(municipality):
    return BudgetRound.objects.visible().filter(municipality=municipality)


SOURCES = [
    InsightSource(
        key="budgeting.voters",
        label=_("Personer der stemte"),
        group="budgeting",
        order=500,
        queryset=_voters,
        when="voted_on",
        person="user",
        people=True,
    ),
    InsightSource(
        key="budgeting.projects",
        label=_("Projekter foreslået"),
        group="budgeting",
        order=510,
        queryset=_projects,
        when="created_at",
        person="proposed_by",
        theme="theme",
    ),
]
