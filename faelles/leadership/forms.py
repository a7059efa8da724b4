from django import forms
from django.utils.translation import gettext_lazy

from faelles.core.forms import LongModelChoiceField

from .models import DEFAULT_CHECK_IN_DAYS, Status

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CHECK_IN_CHOICES = [
    (14, gettext_lazy("Hver 14. dag")),
    (30, gettext_lazy("Hver måned")),
    (60, gettext_lazy("Hver anden måned")),
    (90, gettext_lazy("Hvert kvartal")),
]


class GoalForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Mål"),
        max_length=160,
        help_text=gettext_lazy(
            "Kort og klart, fx “Borgerne er med fra start i vores projekter”."
        ),
    )
    description = forms.CharField(
        label=gettext_lazy("Beskrivelse"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Hvorfor målet er vigtigt for jer, og hvordan det hænger sammen med "
            "Kommunen 3.0."
        ),
    )
    success = forms.CharField(
        label=gettext_lazy("Sådan ser det ud, når det lykkes"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Hvad kan I se, høre eller tælle, når målet er nået?"),
    )
    target_date = forms.DateField(label=gettext_lazy("Måldato"), widget=DATE_WIDGET)
    # A department's employees with its units' are many hundred.
    owner: forms.ModelChoiceField = LongModelChoiceField(
        label=gettext_lazy("Ansvarlig"),
        queryset=None,
        empty_label=gettext_lazy("Vælg en medarbejder"),
        label_field="display_name",
    )
    check_in_days = forms.TypedChoiceField(
        label=gettext_lazy("Følg op"),
        choices=CHECK_IN_CHOICES,
        coerce=int,
        initial=DEFAULT_CHECK_IN_DAYS,
        help_text=gettext_lazy(
            "Den ansvarlige får opfølgningen på sin liste i “Mit arbejde”, når "
            "den er forfalden."
        ),
    )

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class CheckInForm(forms.Form):
    date = forms.DateField(label=gettext_lazy("Dato"), widget=DATE_WIDGET)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=Status.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Hvordan går det?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    learned = forms.CharField(
        label=gettext_lazy("Hvad har I lært?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Også når noget ikke lykkedes – det er dér, vi lærer mest."
        ),
    )
