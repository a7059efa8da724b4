"""Hearings on the insight dashboards (``core/insight_sources.py``): hearings
opened, and how many were heard (one count per person and hearing)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightSource

from .models import Hearing, Participant


def _hearings(municipality):
    return Hearing.objects.filter(municipality=municipality).announced()


def _heard(municipality):
    return Participant.objects.filter(hearing__municipality=municipality)


SOURCES = [
    InsightSource(
        key="dialogue.hearings",
        label=_("Høringer åbnet"),
        group="dialogue",
        order=700,
        queryset=_hearings,
        when="opens_at",
        person=None,
        theme="theme",
    ),
    InsightSource(
        key="dialogue.heard",
        label=_("Hørt i høringer"),
        group="dialogue",
        order=710,
        queryset=_heard,
        when="first_at",
        person="user",
        theme="hearing__theme",
        help_text=_("Én gang pr. person og høring."),
    ),
]
