from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .instrument import CHOICES, SCALES

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoundForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=120,
        help_text=_("Fx “Pulsmåling forår 2027”."),
    )
    opens_on = forms.DateField(label=_("Åbner"), widget=DATE_WIDGET)
    closes_on = forms.DateField(
        label=_("Lukker"),
        widget=DATE_WIDGET,
        help_text=_(
            "Sidste dag, man kan svare. Resultaterne vises, når runden er lukket."
        ),
    )


class AnswerForm(forms.Form):
    """One radio group per item, grouped by scale in the template."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(value), gettext(label)) for value, label in CHOICES]
        self.groups = []
        for scale in SCALES:
            names = []
            for item in scale.items:
                name = f"item_{item.key}"
                self.fields[name] = forms.ChoiceField(
                    label=gettext(item.text),
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Vælg et svar.")},
                )
                names.append(name)
            self.groups.append((scale, [self[n] for n in names]))

    def answers(self) -> dict[str, str]:
        return {
            name.removeprefix("item_"): value
            for name, value in self.cleaned_data.items()
        }


class ConcernForm(forms.Form):
    title = forms.CharField(label=_("Overskrift"), max_length=140)
    body = forms.CharField(
        label=_("Hvad vil du sige fra over?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Skriv ikke dit eget eller andres navn, og intet der afslører, hvem du er."
        ),
    )
    department: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Afdeling"),
        queryset=None,
        required=False,
        empty_label=_("Ingen bestemt afdeling – hele kommunens ledelse"),
        help_text=_(
            "Kun afdelinger med mindst 5 medarbejdere kan vælges, så valget ikke "
            "peger på nogen. Afdelingens ledere og kommunens administratorer svarer."
        ),
    )

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


class ConcernAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Ledelsens svar"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Svaret kan læses af alle kommunens medarbejdere."),
    )


class ConcernHideForm(forms.Form):
    hidden_reason = forms.CharField(
        label=_("Hvorfor skjules henvendelsen?"),
        max_length=300,
        help_text=_("Fx krænkende indhold eller navngivne personer."),
    )
