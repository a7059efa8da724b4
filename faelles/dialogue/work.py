"""Reported comments and appeals for moderators' workspace (core/work_sources.py)."""

from datetime import date

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import WorkItem, WorkSource
from faelles.municipalities.tenancy import tenant_reverse

from .models import Appeal, Comment


def _reported(user, municipality):
    return (
        Comment.objects.filter(
            hearing__municipality=municipality,
            is_hidden=False,
            reports__handled_at__isnull=True,
        )
        .select_related("hearing")
        .order_by("id")
        .distinct()
    )


def _reported_item(comment, today: date) -> WorkItem:
    return WorkItem(
        title=Truncator(comment.body).chars(90),
        url=tenant_reverse("dialogue:moderation", comment.hearing.municipality_id),
        state=str(_("Anmeldt")),
        context=comment.hearing.title,
    )


def _appeals(user, municipality):
    return (
        Appeal.objects.filter(
            comment__hearing__municipality=municipality, decided_at__isnull=True
        )
        .select_related("comment__hearing")
        .order_by("id")
    )


def _appeal_item(appeal, today: date) -> WorkItem:
    return WorkItem(
        title=Truncator(appeal.comment.body).chars(90),
        url=tenant_reverse(
            "dialogue:moderation", appeal.comment.hearing.municipality_id
        ),
        state=str(_("Klage over skjult kommentar")),
        context=appeal.comment.hearing.title,
    )


def _may_moderate(user, municipality) -> bool:
    return user.has_perm("dialogue.moderate", municipality)


SOURCES = [
    WorkSource(
        key="dialogue_reported",
        label=_("Anmeldte kommentarer i høringer"),
        order=70,
        applies=_may_moderate,
        queryset=_reported,
        item=_reported_item,
        more_url=lambda m: tenant_reverse("dialogue:moderation", m),
    ),
    WorkSource(
        key="dialogue_appeals",
        label=_("Klager over skjulte kommentarer"),
        order=71,
        applies=_may_moderate,
        queryset=_appeals,
        item=_appeal_item,
        more_url=lambda m: tenant_reverse("dialogue:moderation", m),
    ),
]
