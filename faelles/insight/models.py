"""The insight dashboards' stored figures: published counts (rollups), the
municipality's population by area and age band, and a person's birth year
given for statistics. See docs/insight.md."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel


class AgeBand(models.TextChoices):
    UNDER_18 = "u18", _("under 18 år")
    FROM_18 = "18-29", _("18–29 år")
    FROM_30 = "30-49", _("30–49 år")
    FROM_50 = "50-64", _("50–64 år")
    FROM_65 = "65+", _("65 år og derover")


# (first age, last age) of each band; 65+ runs to any age.
AGE_LIMITS = {
    AgeBand.UNDER_18: (0, 17),
    AgeBand.FROM_18: (18, 29),
    AgeBand.FROM_30: (30, 49),
    AgeBand.FROM_50: (50, 64),
    AgeBand.FROM_65: (65, 200),
}
UNKNOWN = "?"  # an area outside the population table, or no age given


def age_band(age: int) -> str:
    for band, (low, high) in AGE_LIMITS.items():
        if low <= age <= high:
            return band.value
    return UNKNOWN


class Rollup(TenantModel):
    """One published figure: a source's count for a period, area, age band and
    theme ("" = all of them). ``count`` is None when it is hidden (small, or
    hidden so that a small group cannot be worked out); only published
    figures are stored, never the hidden true counts."""

    source = models.CharField(max_length=60)
    period = models.CharField(max_length=8, blank=True)
    area = models.CharField(max_length=8, blank=True)
    age_band = models.CharField(max_length=8, blank=True)
    theme = models.CharField(max_length=12, blank=True)
    count = models.PositiveIntegerField(null=True)
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "municipality",
                    "source",
                    "period",
                    "area",
                    "age_band",
                    "theme",
                ],
                name="insight_rollup_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.period}/{self.area}/{self.age_band}/{self.theme}"


class TrendPoint(TenantModel):
    """One point of a series an app publishes itself (``InsightTrend``: the
    pulse's closed rounds), stored by the refresh as the app gave it — already
    suppressed by the app's own rules: ``count`` None is hidden, and so are the
    values then."""

    source = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=200)
    day = models.DateField()
    count = models.PositiveIntegerField(null=True)
    values = models.JSONField(default=list)  # one number (or null) per column

    class Meta:
        ordering = ["source", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "source", "position"],
                name="insight_trend_point",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.label}"


class Refresh(models.Model):
    """When the municipality's figures were last computed, and over what."""

    municipality = models.OneToOneField(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    refreshed_at = models.DateTimeField(default=timezone.now)
    duration_ms = models.PositiveIntegerField(default=0)
    periods = models.JSONField(default=list)  # ["2025K1", …], oldest first
    areas = models.JSONField(default=list)  # [["5300", "Kerteminde"], …]
    themes = models.JSONField(default=list)  # [["12", "Natur"], …]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.refreshed_at:%Y-%m-%d %H:%M}"


class PopulationImport(TenantModel):
    """The population table now in use (one per municipality: a new import
    replaces the figures)."""

    imported_at = models.DateTimeField(default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    filename = models.CharField(max_length=200, blank=True)
    # Fictional figures written for the demo: the page says so.
    fictional = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.filename}"


class PopulationFigure(TenantModel):
    postcode = models.CharField(max_length=4)
    area_name = models.CharField(max_length=80, blank=True)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "postcode", "age_band"],
                name="insight_population_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.postcode} {self.age_band}: {self.count}"


class BirthYear(models.Model):
    """A person's birth year, given by themselves for the statistics alone (age
    band in suppressed counts). Not on the profile, never shown to anyone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="insight_birth_year",
    )
    year = models.PositiveSmallIntegerField(
        _("fødselsår"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    given_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return str(self.year)
