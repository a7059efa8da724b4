"""A paradigm round (``Assessment``) for one department, each person's own
placements (``Answer``) and the placements the group agreed on (``Agreement``).

An answer is seen only by the person who gave it; the group sees counts and a
median per row from 5 people (docs/paradigm.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel
from faelles.municipalities.tenancy import tenant_reverse

from .table import ROWS, STEPS

ROW_CHOICES = [(row.key, row.label) for row in ROWS]
STEP_CHOICES = [(s, f"{s // 10}.{s % 10}") for s in STEPS]


class Assessment(TenantModel):
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("afdeling"),
    )
    title = models.CharField(_("titel"), max_length=120)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("åbnet af"),
    )
    opened_at = models.DateTimeField(_("åbnet"))
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)

    class Meta:
        verbose_name = _("paradigmerunde")
        verbose_name_plural = _("paradigmerunder")
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["municipality", "department", "opened_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def get_absolute_url(self) -> str:
        return tenant_reverse("paradigm:detail", self.municipality, pk=self.pk)


class Answer(models.Model):
    """One person's placement of the practice on one row of the table."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    row = models.CharField(_("række"), max_length=20, choices=ROW_CHOICES)
    step = models.PositiveSmallIntegerField(_("placering"), choices=STEP_CHOICES)
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("egen placering")
        verbose_name_plural = _("egne placeringer")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "user", "row"], name="paradigm_one_answer_a_row"
            ),
            models.CheckConstraint(
                condition=models.Q(step__in=STEPS), name="paradigm_answer_step"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.row}: {self.value}"

    @property
    def value(self) -> float:
        """The placement as a number, 1.0 … 3.0."""
        return self.step / 10


class Agreement(models.Model):
    """The placement the group agreed on for one row, with the reason."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="agreements"
    )
    row = models.CharField(_("række"), max_length=20, choices=ROW_CHOICES)
    step = models.PositiveSmallIntegerField(_("placering"), choices=STEP_CHOICES)
    reason = models.CharField(_("begrundelse"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("registreret"), auto_now=True)

    class Meta:
        verbose_name = _("fælles placering")
        verbose_name_plural = _("fælles placeringer")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "row"], name="paradigm_one_agreement_a_row"
            ),
            models.CheckConstraint(
                condition=models.Q(step__in=STEPS), name="paradigm_agreement_step"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.row}: {self.value}"

    @property
    def value(self) -> float:
        """The placement as a number, 1.0 … 3.0."""
        return self.step / 10
