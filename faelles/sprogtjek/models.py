"""The language check's page keeps two things, neither of them a text:

* a municipality's own lexicon entries (``OwnEntry``), used together with the
  shipped lexicon in ``faelles/languagecheck/lexicon/``;
* counts per department and month (``MonthlyChecks``, ``MonthlyTerm``): how many
  checks were run and how often each term was found. Never who ran a check, never
  the text, never anything finer than a month (docs/language-check.md).
"""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel


class Paradigm(models.TextChoices):
    KOMMUNE_10 = "1.0", _("Kommune 1.0 (myndighed)")
    KOMMUNE_20 = "2.0", _("Kommune 2.0 (servicevirksomhed)")


class OwnEntry(TenantModel):
    """A word or phrase the municipality adds to the check, or a name of its own
    that must never be flagged (its "Servicecenter", a shop called "Kunden")."""

    class Kind(models.TextChoices):
        FLAG = "flag", _("Ord, der skal markeres")
        NAME = "name", _("Navn, der aldrig markeres")

    kind = models.CharField(
        _("slags"), max_length=10, choices=Kind.choices, default=Kind.FLAG
    )
    term = models.CharField(
        _("ord eller udtryk"),
        max_length=80,
        help_text=_(
            "Et ord (fx “sagsbunke”) eller et udtryk på flere ord "
            "(fx “levere pakker”). Bøjninger findes af sig selv."
        ),
    )
    paradigm = models.CharField(
        _("paradigme"), max_length=3, choices=Paradigm.choices, blank=True
    )
    reason = models.CharField(
        _("hvorfor"),
        max_length=300,
        blank=True,
        help_text=_("Én sætning, som medarbejderen ser ved ordet."),
    )
    reason_en = models.CharField(
        _("hvorfor (engelsk)"),
        max_length=300,
        blank=True,
        help_text=_("Valgfri. Uden den vises den danske forklaring."),
    )
    suggestions = models.TextField(
        _("skriv i stedet"),
        blank=True,
        max_length=1000,
        help_text=_("Ét forslag pr. linje."),
    )
    compounds = models.BooleanField(
        _("også i sammensatte ord"),
        default=False,
        help_text=_(
            "Markér også ordet som første eller sidste led, fx “sagsbunke” i "
            "“sagsbunkerne” og “mailsagsbunke”."
        ),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("egen ordlistepost")
        verbose_name_plural = _("egne ordlisteposter")
        ordering = ["kind", "term", "id"]
        constraints = [
            models.UniqueConstraint(
                "municipality",
                Lower("term"),
                name="sprogtjek_own_entry_unique_term",
                violation_error_message=_("Ordet findes allerede i kommunens liste."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="name") | ~models.Q(paradigm=""),
                name="sprogtjek_flag_has_paradigm",
                violation_error_message=_(
                    "Vælg, om ordet hører til Kommune 1.0 eller 2.0."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.term

    @property
    def suggestion_list(self) -> list[str]:
        return [s.strip() for s in self.suggestions.splitlines() if s.strip()]


class MonthlyChecks(TenantModel):
    """How many checks the employees of one department ran in one month."""

    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("afdeling"),
    )
    month = models.DateField(_("måned"))  # always the first day of the month
    checks = models.PositiveIntegerField(_("tjek"), default=0)

    class Meta:
        verbose_name = _("tjek pr. måned")
        verbose_name_plural = _("tjek pr. måned")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "month"], name="sprogtjek_one_count_per_month"
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="sprogtjek_checks_month_start"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "month"])]


class MonthlyTerm(TenantModel):
    """How often one term was found in one department's checks in one month."""

    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("afdeling"),
    )
    month = models.DateField(_("måned"))
    term = models.CharField(_("ord"), max_length=80)
    paradigm = models.CharField(_("paradigme"), max_length=3, choices=Paradigm.choices)
    findings = models.PositiveIntegerField(_("fund"), default=0)

    class Meta:
        verbose_name = _("fundne ord pr. måned")
        verbose_name_plural = _("fundne ord pr. måned")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "month", "term"],
                name="sprogtjek_one_term_count_per_month",
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="sprogtjek_terms_month_start"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "month"])]
