from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from faelles.accounts.models import LANGUAGE_CHOICES, Membership
from faelles.matching import taxonomy
from faelles.matching.records import DAYS, PARTS_OF_DAY, SLOTS, slot_label

from . import widgets
from .models import (
    MODE_FIELDS,
    Collaboration,
    ConsentMethod,
    Kind,
    Listing,
    Side,
    Visibility,
    is_special_category,
    mask_to_slots,
    slots_to_mask,
)

if TYPE_CHECKING:
    from faelles.organisations.models import Organisation

MODE_CHOICES = [
    ("in_person", _("Fysisk fremmøde")),
    ("online", _("Online")),
    ("phone", _("Telefon")),
]


class DateInput(forms.DateInput):
    """A browser date picker: its value must be ISO (2026-05-04), whatever the
    language, or the browser shows the field empty."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _language() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


def slot_choices():
    return [(s, slot_label(s, _language())) for s in SLOTS]


def day_choices():
    i = 1 if _language() == "en" else 0
    return [(key, names[i]) for key, names in DAYS.items()]


def part_choices():
    i = 1 if _language() == "en" else 0
    return [(key, names[i].capitalize()) for key, names in PARTS_OF_DAY.items()]


def slot_grid():
    return widgets.SlotGrid(days=day_choices, parts=part_choices)


def category_choices():
    return taxonomy.choices(_language())


class ListingForm(forms.ModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Kategorier"),
        required=False,
        choices=category_choices,
        widget=widgets.CollapsibleCheckboxes(summary=_("Vælg kategorier")),
        help_text=_("Vælg en eller flere."),
    )
    modes = forms.MultipleChoiceField(
        label=_("Hvordan kan I mødes?"),
        choices=MODE_CHOICES,
        widget=widgets.CheckboxSelectMultiple,
        initial=["in_person"],
    )
    slots = forms.MultipleChoiceField(
        label=_("Hvornår på ugen passer det?"),
        required=False,
        choices=slot_choices,
        widget=slot_grid(),
        help_text=_("Lad felterne stå tomme, hvis tidspunktet er fleksibelt."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Sprog"),
        required=False,
        choices=LANGUAGE_CHOICES,
        widget=widgets.CollapsibleCheckboxes(summary=_("Vælg sprog")),
    )
    special_consent = forms.BooleanField(
        label=_(
            "Jeg giver samtykke til, at Fælles gemmer og viser oplysninger om "
            "helbred eller levet erfaring i dette opslag, for de personer jeg "
            "vælger ovenfor. Jeg kan trække samtykket tilbage ved at slette opslaget."
        ),
        required=False,
        help_text=_(
            "Kræves kun, hvis opslaget handler om helbred eller levet erfaring."
        ),
    )

    # Details most people leave empty, folded under "Flere oplysninger" so the
    # form is short; the fold opens by itself when one holds a value or an error.
    folded = [
        "available_from",
        "available_until",
        "commitment",
        "capacity",
        "min_age",
        "languages",
    ]

    def folded_fields(self):
        return [self[name] for name in self.folded if name in self.fields]

    def unfolded_fields(self):
        return [f for f in self if f.name not in self.folded]

    def folded_open(self) -> bool:
        return any(
            self[name].errors or self[name].value() not in (None, "", [])
            for name in self.folded
            if name in self.fields
        )

    class Meta:
        model = Listing
        fields = [
            "kind",
            "title",
            "text",
            "categories",
            "modes",
            "postcode",
            "radius_km",
            "slots",
            "available_from",
            "available_until",
            "commitment",
            "capacity",
            "min_age",
            "languages",
            "requires_child_certificate",
            "visibility",
            "special_consent",
        ]
        widgets = {
            "kind": widgets.Select,
            "commitment": widgets.Select,
            "visibility": widgets.Select,
            "text": forms.Textarea(attrs={"rows": 6}),
            "available_from": DateInput(),
            "available_until": DateInput(),
        }
        help_texts = {
            "postcode": _("Vises kun som et omtrentligt område, aldrig en adresse."),
            "visibility": _(
                "Oplysninger om helbred og levet erfaring kan aldrig vises for alle."
            ),
            "requires_child_certificate": _(
                "Hjælperen skal have en børneattest, som en organisation har "
                "kontrolleret."
            ),
        }

    def __init__(self, *args, side: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.side = side
        # Model fields with choices get a ChoiceField.
        cast(forms.ChoiceField, self.fields["kind"]).choices = Kind.choices
        self.fields["commitment"].required = False
        if side == Side.OFFER:
            del self.fields["requires_child_certificate"]
        instance = self.instance
        if instance.pk:
            self.initial["modes"] = instance.modes
            self.initial["slots"] = mask_to_slots(instance.availability)
            self.initial["special_consent"] = instance.special_consent_at is not None
        cast(forms.ChoiceField, self.fields["visibility"]).choices = Visibility.choices

    def clean(self):
        data = super().clean()
        kind = data.get("kind", "")
        cats = data.get("categories") or []
        if is_special_category(kind, cats):
            if not data.get("special_consent"):
                self.add_error(
                    "special_consent",
                    _(
                        "Opslag om helbred eller levet erfaring kræver, at du sætter "
                        "kryds i samtykket."
                    ),
                )
            if data.get("visibility") == Visibility.PUBLIC:
                self.add_error(
                    "visibility",
                    _(
                        "Opslag om helbred eller levet erfaring kan ikke vises for "
                        "alle. Vælg medlemmer eller medarbejdere."
                    ),
                )
        return data

    def _post_clean(self):
        # The model is validated by the service, with consent applied first.
        pass

    def service_fields(self) -> dict:
        d = self.cleaned_data
        fields = {
            name: d.get(name)
            for name in [
                "kind",
                "title",
                "text",
                "categories",
                "postcode",
                "radius_km",
                "available_from",
                "available_until",
                "commitment",
                "capacity",
                "min_age",
                "languages",
                "visibility",
            ]
        }
        fields["commitment"] = fields["commitment"] or ""
        fields["languages"] = list(fields["languages"] or [])
        fields["categories"] = list(fields["categories"] or [])
        fields["postcode"] = fields["postcode"] or ""
        fields["availability"] = slots_to_mask(d.get("slots") or [])
        for mode, field in MODE_FIELDS.items():
            fields[field] = mode in (d.get("modes") or [])
        fields["requires_child_certificate"] = bool(d.get("requires_child_certificate"))
        return fields


class BehalfForm(forms.Form):
    """An employee posts for a citizen, with the citizen's consent on record."""

    citizen_email = forms.EmailField(label=_("Borgerens e-mail"))
    consent_by = forms.CharField(
        label=_("Hvem gav samtykke?"),
        max_length=120,
        help_text=_("Fx borgeren selv eller en værge."),
    )
    consent_method = forms.ChoiceField(
        label=_("Hvordan blev samtykket givet?"), choices=ConsentMethod.choices
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, prefix="behalf", **kwargs)
        self.municipality = municipality

    def clean_citizen_email(self):
        email = self.cleaned_data["citizen_email"].lower()
        membership = (
            Membership.objects.select_related("user")
            .filter(municipality=self.municipality, user__email=email)
            .first()
        )
        if membership is None:
            raise forms.ValidationError(
                _("Personen er ikke medlem i kommunen. Opret dem først.")
            )
        self.citizen = membership.user
        return email


class SuggestForm(forms.Form):
    need = forms.IntegerField(label=_("Behov (nummer)"), min_value=1)
    offer = forms.IntegerField(label=_("Ressource (nummer)"), min_value=1)
    note = forms.CharField(
        label=_("Hvorfor passer de sammen?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RespondForm(forms.Form):
    offer = forms.ChoiceField(
        label=_("Hvilken af dine ressourcer?"), widget=widgets.Select
    )
    note = forms.CharField(
        label=_("Besked til den, der har behovet"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].choices = [(str(o.pk), o.title) for o in offers]


class AdjustForm(forms.Form):
    """A facilitator picks another offer: one of the engine's alternatives, or any
    offer by its number."""

    offer = forms.ChoiceField(
        label=_("Andre ressourcer, der passer"),
        required=False,
        widget=forms.RadioSelect,
    )
    number = forms.IntegerField(
        label=_("… eller ressourcens nummer"),
        required=False,
        min_value=1,
        help_text=_("Nummeret står i adressen på opslaget."),
    )

    def __init__(self, *args, alternatives=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].choices = [
            (str(f.listing.pk), f.listing.title) for f in alternatives
        ]
        if not alternatives:
            del self.fields["offer"]

    def clean(self):
        data = super().clean()
        chosen = data.get("offer") or None
        number = data.get("number")
        if bool(chosen) == bool(number):
            raise forms.ValidationError(
                _("Vælg en anden ressource, eller skriv dens nummer.")
            )
        self.offer_id = int(chosen or number)
        return data


class CertificateForm(forms.Form):
    """That an organisation has seen a person's børneattest — never the attest."""

    email = forms.EmailField(label=_("Personens e-mail"))
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Kontrolleret af organisation"), queryset=None, widget=widgets.Select
    )
    verified_on = forms.DateField(label=_("Kontrolleret den"), widget=DateInput())
    valid_until = forms.DateField(
        label=_("Gyldig til"),
        widget=DateInput(),
        help_text=_("Hvornår attesten skal indhentes igen."),
    )

    def __init__(self, *args, municipality, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["organisation"].queryset = organisations.order_by("name")

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        membership = (
            Membership.objects.select_related("user")
            .filter(municipality=self.municipality, user__email__iexact=email)
            .first()
        )
        if membership is None:
            raise forms.ValidationError(_("Personen er ikke medlem i kommunen."))
        self.person = membership.user
        return email

    def clean(self):
        data = super().clean()
        start, end = data.get("verified_on"), data.get("valid_until")
        if start and end and end < start:
            self.add_error(
                "valid_until", _("Gyldig til ligger før datoen for kontrollen.")
            )
        return data


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Skriv en besked"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Collaboration.Status.choices)


class HoursForm(forms.Form):
    hours = forms.DecimalField(
        label=_("Timer"), min_value=0.5, max_value=100, decimal_places=1
    )
    on = forms.DateField(label=_("Dato"), widget=DateInput())


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label=_("Hvordan gik det?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SearchForm(forms.Form):
    is_filter = True  # filters are all optional; no "(frivilligt)" on each

    q = forms.CharField(label=_("Søg"), required=False, max_length=200)

    @property
    def more_active(self) -> bool:
        """Open the folded filters when one of them is in use, so a filter that
        narrows the results is never hidden."""
        return any(self.data.get(k) for k in self.data if k in self.fields and k != "q")

    side = forms.ChoiceField(
        label=_("Vis"),
        required=False,
        choices=[("", _("Ressourcer og behov")), *Side.choices],
        widget=widgets.Select,
    )
    kind = forms.ChoiceField(
        label=_("Slags"),
        required=False,
        choices=[("", _("Alle")), *Kind.choices],
        widget=widgets.Select,
    )
    category = forms.ChoiceField(
        label=_("Kategori"),
        required=False,
        choices=lambda: [("", _("Alle")), *category_choices()],
        widget=widgets.Select,
    )
    postcode = forms.RegexField(
        label=_("Postnummer"), required=False, regex=r"^\d{4}$", max_length=4
    )
    km = forms.TypedChoiceField(
        label=_("Område"),
        required=False,
        coerce=int,
        empty_value=0,  # type: ignore[arg-type]  # any value is allowed; stubs say str
        choices=[
            ("0", _("Kun postnummeret")),
            ("5", _("Inden for 5 km")),
            ("10", _("Inden for 10 km")),
            ("25", _("Inden for 25 km")),
        ],
        widget=widgets.Select,
    )
    mode = forms.ChoiceField(
        label=_("Måde"),
        required=False,
        choices=[("", _("Alle")), *MODE_CHOICES],
        widget=widgets.Select,
    )
    slots = forms.MultipleChoiceField(
        label=_("Tidspunkt"),
        required=False,
        choices=slot_choices,
        widget=slot_grid(),
    )
