from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from faelles.accounts.models import User
from faelles.core.params import parse_id

from . import nominees
from .models import MESSAGE_MAX, STARS, Award

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IdModelChoiceField(forms.ModelChoiceField):
    """A choice whose value is an id: anything that cannot be one is "not a
    valid choice" before it reaches the database."""

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        if parse_id(value) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ThanksForm(forms.Form):
    message = forms.CharField(
        label=_("Din tak"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    for_what = forms.CharField(
        label=_("For hvad"),
        max_length=160,
        required=False,
        help_text=_("Fx “for hjælpen med at flytte” – vises som overskrift."),
    )
    public_requested = forms.BooleanField(
        label=_("Jeg vil gerne have, at takken vises på fejringssiden"),
        required=False,
        help_text=_(
            "Takken bliver først vist, når modtageren har sagt ja. "
            "Ellers ser kun I to den."
        ),
    )


class OrganisationThanksForm(ThanksForm):
    field_order = ["recipient_organisation", "for_what", "message", "public_requested"]

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient_organisation"] = IdModelChoiceField(
            label=_("Hvem vil du takke?"),
            queryset=organisations,
            empty_label=_("Vælg en forening, virksomhed, institution eller afdeling"),
        )
        self.order_fields(self.field_order)


class AwardForm(forms.ModelForm):
    class Meta:
        model = Award
        fields = [
            "name",
            "description",
            "criteria",
            "nominations_open",
            "nominations_close",
            "announce_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "criteria": forms.Textarea(attrs={"rows": 4}),
            "nominations_open": DATE,
            "nominations_close": DATE,
            "announce_on": DATE,
        }
        help_texts = {
            "name": _("Fx “Årets prøvehandling” eller “Årets frivillige forening”."),
            "criteria": _("Hvad juryen lægger vægt på."),
        }

    def clean(self):
        data = super().clean()
        opens, closes, announce = (
            data.get("nominations_open"),
            data.get("nominations_close"),
            data.get("announce_on"),
        )
        if opens and closes and closes < opens:
            self.add_error(
                "nominations_close", _("Nomineringen skal lukke efter, den åbner.")
            )
        elif closes and announce and announce < closes:
            self.add_error(
                "announce_on",
                _("Vinderen kan først offentliggøres, når nomineringen er lukket."),
            )
        return data


class JuryForm(forms.Form):
    members = forms.CharField(
        label=_("Jurymedlemmer"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E-mailadresser på kommunens folk, én pr. linje."),
        max_length=5000,
    )
    chair = forms.EmailField(
        label=_("Formand"), help_text=_("En af jurymedlemmernes e-mailadresser.")
    )

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean(self):
        data = super().clean()
        text = data.get("members") or ""
        emails = {line.strip().lower() for line in text.replace(",", "\n").splitlines()}
        emails.discard("")
        if len(emails) > 25:
            raise forms.ValidationError(_("En jury har højst 25 medlemmer."))
        people = {
            u.email.lower(): u
            for u in User.objects.filter(
                email__in=emails,
                is_active=True,
                memberships__municipality=self.municipality,
            )
        }
        unknown = sorted(emails - set(people))
        if unknown:
            self.add_error(
                "members",
                _("Ikke fundet blandt kommunens folk: %(emails)s")
                % {"emails": ", ".join(unknown)},
            )
        data["people"] = list(people.values())
        chair = (data.get("chair") or "").lower()
        data["chair_user"] = people.get(chair)
        if chair and chair not in people and not unknown:
            self.add_error("chair", _("Formanden skal være medlem af juryen."))
        return data


KIND_CHOICES = [
    (k, label) for k, (_f, label) in nominees.KINDS.items() if k != "person"
]


class NomineeSearchForm(forms.Form):
    """Finding an organisation, an initiative or a community by name (GET)."""

    slags = forms.ChoiceField(
        label=_("Hvad vil du nominere?"), choices=KIND_CHOICES, widget=forms.RadioSelect
    )
    q = forms.CharField(label=_("Søg efter navn"), required=False, max_length=100)


class NominationForm(forms.Form):
    """The nominee found (or the person whose page the nomination came from)
    and the reason."""

    nominee = forms.TypedChoiceField(
        label=_("Vælg, hvem du nominerer"), coerce=int, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Hvorfor fortjener de prisen?"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(
        self,
        *args: Any,
        kind: str = "person",
        choices: list[tuple[int, str]] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind == "person":
            del self.fields["nominee"]
        else:
            field: Any = self.fields["nominee"]
            field.choices = choices or []


class ScoreForm(forms.Form):
    stars = forms.TypedChoiceField(
        label=_("Stjerner"),
        choices=[(s, str(s)) for s in STARS],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Kommentar (kun for juryen)"), max_length=500, required=False
    )


class WinnerForm(forms.Form):
    motivation = forms.CharField(
        label=_("Motivation"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vises på fejringssiden, når vinderen er nævnt."),
    )
