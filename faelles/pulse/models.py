"""The social-capital pulse and "sig fra" (docs/pulse.md).

The pulse: a municipality's ``Round`` (dates, and once closed its stored,
suppressed results), the anonymous ``Response`` and the ``Receipt`` that says a
person has answered. "Sig fra": a ``Concern`` raised without name, answered in
public by leadership, and the ``ConcernQuota`` that limits how many a person
raises per week without saying who.

Anonymity as for ballots: no row links a person to an answer or a concern. A
``Response`` has no person, no time finer than its round and a random primary
key (nothing orders it against the receipts); a ``Receipt`` has no link to the
response and no time; a ``Concern`` has no person and only the month it was
raised; the quota is keyed by a keyed hash of person and week, deleted when
the week is over (docs/pulse.md, "Anonymity").
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel
from faelles.municipalities.tenancy import tenant_reverse


class Round(TenantModel):
    """One pulse round in a municipality: open from ``opens_on`` to ``closes_on``
    (both included), or until an administrator closes it early (``closed_on``).

    ``results`` is filled once the round is closed (``services.round_results``):
    the suppressed counts and scores per unit, computed once and kept, so a page
    never runs the suppression and later changes to the department tree do not
    change a published round.
    """

    title = models.CharField(_("titel"), max_length=120)
    opens_on = models.DateField(_("åbner"))
    closes_on = models.DateField(_("lukker"))
    closed_on = models.DateField(_("lukket før tid"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    results = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("pulsmåling")
        verbose_name_plural = _("pulsmålinger")
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="pulse_round_closes_after_it_opens",
            )
        ]
        indexes = [models.Index(fields=["municipality", "-opens_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("pulse:answer", self.municipality_id, pk=self.pk)

    @property
    def last_day(self) -> date:
        return self.closed_on or self.closes_on

    def is_open(self, today: date) -> bool:
        return self.closed_on is None and self.opens_on <= today <= self.closes_on

    def is_closed(self, today: date) -> bool:
        return self.closed_on is not None or today > self.closes_on

    def is_upcoming(self, today: date) -> bool:
        return not self.is_closed(today) and today < self.opens_on


class Response(TenantModel):
    """One anonymous answer: the round, the unit the respondent belonged to, and
    the answers (item key → 1–5). Nothing else — no person, no time, a random id.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": "department"},
    )
    answers = models.JSONField()

    class Meta:
        verbose_name = _("svar på pulsmåling")
        verbose_name_plural = _("svar på pulsmålinger")
        # No ordering: there is no order that means anything.

    def __str__(self) -> str:
        return str(self.round)


class Receipt(models.Model):
    """That a person has answered a round: nothing about what, nor when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="receipts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("kvittering for svar")
        verbose_name_plural = _("kvitteringer for svar")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "user"], name="pulse_one_answer_per_person"
            )
        ]

    def __str__(self) -> str:
        return str(self.round)


class ConcernStatus(models.TextChoices):
    OPEN = "open", _("Venter på svar")
    ANSWERED = "answered", _("Besvaret")
    HIDDEN = "hidden", _("Skjult")


class Concern(TenantModel):
    """Something an employee raises with leadership without name ("sig fra"),
    answered in public. Optionally about a department big enough (at least 5
    employees) not to point at anyone."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "department"},
        verbose_name=_("afdeling"),
    )
    title = models.CharField(_("overskrift"), max_length=140)
    body = models.TextField(_("hvad vil du sige fra over?"), max_length=3000)
    # The first day of the month it was raised: no finer time is kept.
    month = models.DateField(_("måned"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ConcernStatus.choices,
        default=ConcernStatus.OPEN,
    )
    answer = models.TextField(_("ledelsens svar"), max_length=4000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("begrundelse"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sig fra")
        verbose_name_plural = _("sig fra")
        indexes = [models.Index(fields=["municipality", "status", "-month"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="answered") | ~models.Q(answer=""),
                name="pulse_answered_concern_has_an_answer",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="hidden") | ~models.Q(hidden_reason=""),
                name="pulse_hidden_concern_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("pulse:concern", self.municipality_id, pk=self.pk)


class ConcernQuota(TenantModel):
    """How many concerns someone raised this week, under a keyed hash of the
    person and the week (``services.quota_key``): no person, no concern."""

    key = models.CharField(max_length=64, unique=True)
    week = models.DateField()  # the Monday; older weeks are deleted
    count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("grænse for sig fra")
        verbose_name_plural = _("grænser for sig fra")

    def __str__(self) -> str:
        return str(self.week)
