"""Municipalities are the tenants; every tenant-owned row points at one."""

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

hex_colour = RegexValidator(
    re.compile(r"^#[0-9A-Fa-f]{6}$"), _("Angiv en farve som #RRGGBB, fx #004A7C.")
)


def validate_not_reserved(value: str) -> None:
    if value in settings.FAELLES_RESERVED_SLUGS:
        raise ValidationError(
            _("Adressen “%(slug)s” er reserveret."), params={"slug": value}
        )


municipality_codes_validator = RegexValidator(
    r"^\s*(\d{3}\s*(,\s*\d{3}\s*)*)?$",
    _("Skriv kommunekoder med tre cifre, adskilt af komma, fx 175."),
)


class MunicipalityQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Municipality(models.Model):
    name = models.CharField(_("navn"), max_length=120)
    slug = models.SlugField(
        _("adresse"), max_length=40, unique=True, validators=[validate_not_reserved]
    )
    programme_name = models.CharField(_("fællesskabsprogrammets navn"), max_length=120)
    programme_name_en = models.CharField(
        _("programmets navn på engelsk"), max_length=120, blank=True
    )
    programme_text = models.TextField(_("om programmet"), blank=True)
    programme_text_en = models.TextField(_("om programmet på engelsk"), blank=True)
    contact_email = models.EmailField(_("kontakt-e-mail"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    address = models.CharField(_("adresse (post)"), max_length=200, blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    primary_colour = models.CharField(
        _("primærfarve"), max_length=7, default="#004A7C", validators=[hex_colour]
    )
    accent_colour = models.CharField(
        _("accentfarve"), max_length=7, default="#C9E3F2", validators=[hex_colour]
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    initiative_intake = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("afdeling der tager imod nye initiativer"),
        help_text=_(
            "Medarbejderne i afdelingen får besked, når nogen foreslår et initiativ. "
            "Uden en afdeling får kommunens administratorer besked."
        ),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The residence check of decisions that require a verified identity
    # (faelles/accounts/eligibility.py): the municipality codes (kommunekoder) an
    # identity's address must have. Usually the municipality's own, e.g. 175.
    residence_codes = models.CharField(
        _("kommunekoder for bopæl"),
        max_length=60,
        blank=True,
        default="",
        # Also in the table: code at an earlier migration state (the data
        # migrations' tests) inserts municipalities without the column.
        db_default="",
        validators=[municipality_codes_validator],
        help_text=_(
            "Kommunens kommunekode med tre cifre, fx 175 for Rødovre. Bruges, når en "
            "afstemning kræver bopæl i kommunen ifølge MitID. Flere adskilles med komma."
        ),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("municipalities:home", kwargs={"municipality_slug": self.slug})

    @property
    def theme_version(self) -> str:
        """Changes whenever the colours do, so tema.css can be cached for long and a
        new colour is seen at once (the address carries it)."""
        colours = f"{self.primary_colour}{self.accent_colour}".encode()
        return hashlib.sha256(colours).hexdigest()[:10]

    @property
    def residence_code_list(self) -> list[str]:
        return [c.strip() for c in self.residence_codes.split(",") if c.strip()]

    @property
    def programme_name_local(self) -> str:
        if get_language() == "en" and self.programme_name_en:
            return self.programme_name_en
        return self.programme_name

    @property
    def programme_text_local(self) -> str:
        if get_language() == "en" and self.programme_text_en:
            return self.programme_text_en
        return self.programme_text


class Principle(models.Model):
    """One of the municipality's principles or values, in the order it gives them."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="principles"
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    title = models.CharField(_("titel"), max_length=120)
    title_en = models.CharField(_("titel på engelsk"), max_length=120, blank=True)
    text = models.TextField(_("tekst"), blank=True)
    text_en = models.TextField(_("tekst på engelsk"), blank=True)

    class Meta:
        ordering = ["municipality", "position", "id"]
        verbose_name = _("princip")
        verbose_name_plural = _("principper")

    def __str__(self) -> str:
        # In the reader's language: choice lists (the principles an initiative
        # supports) show principles by their str().
        return self.title_local

    @property
    def title_local(self) -> str:
        return self.title_en if get_language() == "en" and self.title_en else self.title

    @property
    def text_local(self) -> str:
        return self.text_en if get_language() == "en" and self.text_en else self.text


class TenantQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)


class TenantModel(models.Model):
    """Base for every tenant-owned model: the municipality is never optional."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("kommune"),
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True


class ThemeQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def active(self):
        return self.filter(is_active=True)


class Theme(models.Model):
    """One theme of the municipality's own strategy (see docs/themes.md).

    Initiatives, communities, budget projects — anything a municipality wants to
    follow by its strategy — point here. The key is the theme's address in filters
    (``?theme=<key>``) and never changes once made, so links keep working.
    """

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="themes",
        verbose_name=_("kommune"),
    )
    key = models.SlugField(
        _("nøgle"),
        max_length=40,
        help_text=_(
            "Små bogstaver, tal og bindestreger; bruges i adresser og kan ikke ændres."
        ),
    )
    name = models.CharField(_("navn"), max_length=120)
    name_en = models.CharField(_("navn på engelsk"), max_length=120, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=2000)
    description_en = models.TextField(
        _("beskrivelse på engelsk"), blank=True, max_length=2000
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    is_active = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_(
            "Et inaktivt tema kan ikke vælges til noget nyt, men det, der allerede "
            "hører under det, beholder det."
        ),
    )

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "position", "id"]
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "key"],
                name="theme_key_once",
                violation_error_message=_(
                    "Kommunen har allerede et tema med den nøgle."
                ),
            )
        ]

    def __str__(self) -> str:
        # Choice lists show a theme by its str(), in the reader's language.
        return self.name_local

    @property
    def name_local(self) -> str:
        return self.name_en if get_language() == "en" and self.name_en else self.name

    @property
    def description_local(self) -> str:
        if get_language() == "en" and self.description_en:
            return self.description_en
        return self.description


def theme_key(*, required: bool = False, **options) -> models.ForeignKey:
    """The key by which an object is filed under one of the municipality's themes
    (docs/themes.md). PROTECT: a theme in use cannot be deleted, only deactivated.
    Optional unless ``required``; ``options`` add e.g. a ``help_text``."""
    if not required:
        options.update(null=True, blank=True)
    return models.ForeignKey(
        "municipalities.Theme",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("tema"),
        **options,
    )


def focus_area_key() -> models.ForeignKey:
    """The optional key to one of the municipality's focus areas (indsatsområder)."""
    return models.ForeignKey(
        "municipalities.FocusArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indsatsområde"),
    )


class FocusArea(models.Model):
    """A focus area (indsatsområde) within a theme."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("kommune"),
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.CASCADE,
        related_name="focus_areas",
        verbose_name=_("tema"),
    )
    key = models.SlugField(_("nøgle"), max_length=40)
    name = models.CharField(_("navn"), max_length=120)
    name_en = models.CharField(_("navn på engelsk"), max_length=120, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=2000)
    description_en = models.TextField(
        _("beskrivelse på engelsk"), blank=True, max_length=2000
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("indsatsområde")
        verbose_name_plural = _("indsatsområder")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "key"],
                name="focus_area_key_once",
                violation_error_message=_(
                    "Kommunen har allerede et indsatsområde med den nøgle."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name_local

    def clean(self) -> None:
        if (
            self.theme_id
            and self.municipality_id
            and self.theme.municipality_id != self.municipality_id
        ):
            raise ValidationError({"theme": _("Temaet hører ikke til kommunen.")})

    @property
    def name_local(self) -> str:
        return self.name_en if get_language() == "en" and self.name_en else self.name

    @property
    def description_local(self) -> str:
        if get_language() == "en" and self.description_en:
            return self.description_en
        return self.description
