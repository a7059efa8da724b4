from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import CATEGORIES, OTHER
from .models import EmailFrequency

FOLLOW = ""


class PreferenceForm(forms.Form):
    """The general e-mail choice plus an optional choice per category."""

    email_frequency = forms.ChoiceField(
        label=_("Som udgangspunkt vil jeg have e-mail om nye beskeder"),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Alle beskeder kan altid ses her på siden. En samlet e-mail sendes "
            "kl. 7 – hver dag eller hver mandag."
        ),
    )

    def __init__(self, *args, preference, **kwargs):
        initial = {"email_frequency": preference.email_frequency}
        chosen = preference.kind_frequencies or {}
        choices = [(FOLLOW, _("Som ovenfor")), *EmailFrequency.choices]
        super().__init__(*args, initial=initial, **kwargs)
        for category, label in [*CATEGORIES.items(), (OTHER, _("Andet"))]:
            self.fields[f"kind_{category}"] = forms.ChoiceField(
                label=label, choices=choices, required=False
            )
            self.initial[f"kind_{category}"] = chosen.get(category, FOLLOW)

    def kind_fields(self):
        return [f for f in self if f.name.startswith("kind_")]

    def kind_frequencies(self) -> dict[str, str]:
        return {
            name.removeprefix("kind_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("kind_")
        }
