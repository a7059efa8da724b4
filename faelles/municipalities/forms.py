import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from faelles.core.images import ImageUploadField
from faelles.organisations.models import Organisation

from .models import FocusArea, Municipality, Principle, Theme


class MunicipalitySettingsForm(forms.ModelForm):
    # Re-encoded as PNG (keeps transparency), at most 600 px: the header shows it small.
    logo = ImageUploadField(
        label=_("Logo"),
        help_text=_("PNG, JPEG eller WebP, højst 2 MB."),
        required=False,
        max_side=600,
        max_bytes=2 * 1024 * 1024,
        output="PNG",
    )

    class Meta:
        model = Municipality
        fields = [
            "name",
            "programme_name",
            "programme_name_en",
            "programme_text",
            "programme_text_en",
            "contact_email",
            "contact_phone",
            "address",
            "website",
            "primary_colour",
            "accent_colour",
            "logo",
            "initiative_intake",
            "residence_codes",
        ]
        widgets = {
            "programme_text": forms.Textarea(attrs={"rows": 6}),
            "programme_text_en": forms.Textarea(attrs={"rows": 6}),
            "primary_colour": forms.TextInput(attrs={"type": "color"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
        }
        help_texts = {
            "primary_colour": _(
                "Bruges i sidehovedet med hvid tekst; vælg en mørk farve."
            ),
            "accent_colour": _(
                "Baggrund for mærkater og fremhævninger med sort tekst; vælg en lys farve."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative_intake"].queryset = Organisation.objects.filter(
            municipality=self.instance, kind=Organisation.Kind.DEPARTMENT
        ).order_by("name")

    def clean_primary_colour(self):
        colour = self.cleaned_data["primary_colour"]
        ratio = contrast_ratio(colour, WHITE)
        if ratio < 4.5:
            raise ValidationError(
                _(
                    "Farven er for lys til hvid tekst (kontrast %(ratio)s:1, mindst %(minimum)s:1 kræves)."
                ),
                params=_contrast_params(ratio),
            )
        return colour

    def clean_accent_colour(self):
        colour = self.cleaned_data["accent_colour"]
        ratio = contrast_ratio(colour, TEXT)
        if ratio < 4.5:
            raise ValidationError(
                _(
                    "Farven er for mørk til sort tekst (kontrast %(ratio)s:1, mindst %(minimum)s:1 kræves)."
                ),
                params=_contrast_params(ratio),
            )
        return colour


def _contrast_params(ratio: float) -> dict[str, str]:
    """Both figures in the reader's number format (1,4:1 and 4,5:1 in Danish)."""
    return {
        "ratio": number_format(round(ratio, 1), decimal_pos=1),
        "minimum": number_format(4.5, decimal_pos=1),
    }


HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
WHITE = "#FFFFFF"
TEXT = "#1A1A1A"  # body text colour of DKFDS, used on the accent colour


def relative_luminance(colour: str) -> float | None:
    """WCAG relative luminance of ``#RRGGBB``; None if it is not such a colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    if not isinstance(colour, str) or not HEX_COLOUR.fullmatch(colour):
        return None
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(colour: str, other: str) -> float:
    """WCAG contrast ratio between two ``#RRGGBB`` colours (0 if one is invalid)."""
    a, b = relative_luminance(colour), relative_luminance(other)
    if a is None or b is None:
        return 0.0
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def contrast_with_white(colour: str) -> float:
    return contrast_ratio(colour, WHITE)


#: A programme states a handful of principles; the cap also keeps a forged
#: ``principles-TOTAL_FORMS`` from making the server build thousands of forms
#: (Django's own cap is 1,000 more than ``max_num``: 14 s for one request).
MAX_PRINCIPLES = 20

PrincipleFormSet = forms.inlineformset_factory(
    Municipality,
    Principle,
    fields=["position", "title", "title_en", "text", "text_en"],
    extra=1,
    can_delete=True,
    max_num=MAX_PRINCIPLES,
    absolute_max=MAX_PRINCIPLES,
    validate_max=True,
    widgets={
        "text": forms.Textarea(attrs={"rows": 2}),
        "text_en": forms.Textarea(attrs={"rows": 2}),
    },
)


THEME_WIDGETS = {
    "description": forms.Textarea(attrs={"rows": 3}),
    "description_en": forms.Textarea(attrs={"rows": 3}),
}


class ThemeCreateForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["key", "name", "name_en", "description", "description_en"]
        widgets = THEME_WIDGETS


class ThemeEditForm(forms.ModelForm):
    """Everything but the key, which addresses keep using."""

    class Meta:
        model = Theme
        fields = ["name", "name_en", "description", "description_en", "is_active"]
        widgets = THEME_WIDGETS


class FocusAreaCreateForm(forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["key", "name", "name_en", "description", "description_en"]
        widgets = THEME_WIDGETS
        help_texts = {
            "key": _("Små bogstaver, tal og bindestreger; kan ikke ændres bagefter.")
        }


class FocusAreaEditForm(forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["name", "name_en", "description", "description_en", "is_active"]
        widgets = THEME_WIDGETS
