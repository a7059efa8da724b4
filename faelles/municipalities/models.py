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
