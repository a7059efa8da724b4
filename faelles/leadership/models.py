"""A unit's goals for the Kommunen 3.0 work (``Goal``) and how they are followed
up over time (``CheckIn``): "klare mål for, hvordan Kommunen 3.0 omsættes på
ledernes områder" (docs/leaders.md).

A goal belongs to one department (a unit in the tree). Its ``status`` and
``next_check_in_on`` are kept by the services from its latest check-in, so the
leaders' page and the owner's workspace read them without looking at the
history.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel, TenantQuerySet
from faelles.municipalities.tenancy import tenant_reverse


class Status(models.TextChoices):
    ON_TRACK = "on_track", _("På vej")
    DELAYED = "delayed", _("Forsinket")
    ACHIEVED = "achieved", _("Nået")
    ABANDONED = "abandoned", _("Opgivet")


# A goal with one of these is finished: no more check-ins are due.
FINISHED = (Status.ACHIEVED, Status.ABANDONED)
DEFAULT_CHECK_IN_DAYS = 30


class GoalQuerySet(TenantQuerySet):
    def active(self):
        return self.exclude(status__in=FINISHED)

    def check_in_overdue(self, today: date):
        return self.active().filter(next_check_in_on__lt=today)


GoalManager = models.Manager.from_queryset(GoalQuerySet)


class Goal(TenantModel):
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("enhed"),
        limit_choices_to={"kind": "department"},
    )
    title = models.CharField(_("mål"), max_length=160)
    description = models.TextField(_("beskrivelse"), max_length=3000, blank=True)
    success = models.TextField(_("sådan ser det ud, når det lykkes"), max_length=2000)
    target_date = models.DateField(_("måldato"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ansvarlig"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ON_TRACK
    )
    check_in_days = models.PositiveSmallIntegerField(
        _("opfølgning hver (dage)"),
        default=DEFAULT_CHECK_IN_DAYS,
        validators=[MinValueValidator(7), MaxValueValidator(180)],
    )
    next_check_in_on = models.DateField(_("næste opfølgning"))
    last_check_in_on = models.DateField(_("seneste opfølgning"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("oprettet"))
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects: ClassVar[GoalManager] = GoalManager()

    class Meta:
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        ordering = ["target_date", "id"]
        indexes = [
            models.Index(fields=["municipality", "department", "target_date"]),
            models.Index(fields=["municipality", "owner", "next_check_in_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in Status]),
                name="leadership_goal_status",
            ),
            models.CheckConstraint(
                condition=models.Q(check_in_days__gte=7, check_in_days__lte=180),
                name="leadership_goal_check_in_days",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("leadership:goal", self.municipality_id, pk=self.pk)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    def is_late(self, today: date) -> bool:
        """Past its target date and not finished: shown as "Forsinket"."""
        return not self.is_finished and self.target_date < today

    def shown_status(self, today: date) -> str:
        if self.is_late(today):
            return str(Status.DELAYED.label)
        return self.get_status_display()

    def check_in_overdue(self, today: date) -> bool:
        return not self.is_finished and self.next_check_in_on < today


class CheckIn(models.Model):
    """One follow-up of a goal: how it stands on ``date`` and what was learned."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="check_ins")
    date = models.DateField(_("dato"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    note = models.TextField(_("hvordan går det"), max_length=3000)
    learned = models.TextField(_("hvad vi har lært"), max_length=3000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registreret"), auto_now_add=True)

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["goal", "-date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in Status]),
                name="leadership_check_in_status",
            )
        ]

    def __str__(self) -> str:
        return f"{self.goal} – {self.date:%Y-%m-%d}"
