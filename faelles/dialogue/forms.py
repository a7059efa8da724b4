from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from faelles.accounts.models import postcode_validator
from faelles.budgeting.models import BudgetRound
from faelles.committees.models import TaskCommittee
from faelles.initiatives.models import Initiative
from faelles.municipalities.themes import focus_area_field, theme_field

from .models import AgeBand, Hearing, Reaction
from .services import HEARING_FIELDS

DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)


class HearingForm(forms.ModelForm):
    draft = forms.CharField(
        label=_("Udkast i afsnit"),
        required=False,
        max_length=60000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "En linje, der begynder med # og et mellemrum, er en overskrift. "
            "En tom linje skiller afsnit ad; hvert afsnit kan kommenteres for "
            "sig. Teksten kan ikke ændres, når høringen er åbnet."
        ),
    )

    class Meta:
        model = Hearing
        fields = list(HEARING_FIELDS)
        widgets = {
            "question": forms.Textarea(attrs={"rows": 4}),
            "announced_at": DATETIME_WIDGET,
            "opens_at": DATETIME_WIDGET,
            "closes_at": DATETIME_WIDGET,
        }

    def __init__(self, *args, municipality, draft_locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["initiative"]).queryset = (
            # A public hearing is never about an internal (staff-only) initiative.
            Initiative.objects.for_municipality(municipality)
            .filter(staff_only=False)
            .order_by("-id")
        )
        cast(
            forms.ModelChoiceField, self.fields["budget_round"]
        ).queryset = BudgetRound.objects.for_municipality(municipality).order_by("-id")
        cast(
            forms.ModelChoiceField, self.fields["committee"]
        ).queryset = TaskCommittee.objects.for_municipality(municipality).order_by(
            "-id"
        )
        # The municipality's own themes, posted by key (docs/themes.md).
        current = self.instance if self.instance.pk else None
        self.fields["theme"] = theme_field(
            municipality,
            required=False,
            current=[current.theme] if current else (),
            help_text=_("Tomt ved input til et opgaveudvalg: udvalgets tema."),
        )
        self.fields["focus_area"] = focus_area_field(
            municipality, current=current.focus_area if current else None
        )
        if draft_locked:
            self.fields["draft"].disabled = True

    def clean(self):
        data = super().clean()
        area, theme = data.get("focus_area"), data.get("theme")
        if area is not None and theme is not None and area.theme_id != theme.pk:
            self.add_error(
                "focus_area",
                _("Indsatsområdet hører under temaet “%(theme)s”.")
                % {"theme": area.theme.name_local},
            )
        announced, opens, closes = (
            data.get("announced_at"),
            data.get("opens_at"),
            data.get("closes_at"),
        )
        if announced and opens and announced > opens:
            self.add_error(
                "announced_at", _("Høringen skal annonceres, før den åbner.")
            )
        if opens and closes and opens >= closes:
            self.add_error("closes_at", _("Høringen skal lukke, efter den åbner."))
        return data


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Din kommentar"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    paragraph = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    postcode = forms.CharField(
        label=_("Dit postnummer (frivilligt)"),
        max_length=4,
        required=False,
        validators=[postcode_validator],
    )
    age_band = forms.ChoiceField(
        label=_("Din aldersgruppe (frivilligt)"),
        choices=[("", _("Vil ikke oplyse"))] + list(AgeBand.choices),
        required=False,
    )


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Hvad er galt med kommentaren?"), max_length=300)


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Hvorfor skjules kommentaren?"),
        max_length=300,
        help_text=_("Begrundelsen vises i stedet for kommentaren."),
    )


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Hvorfor skal kommentaren vises igen?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AppealDecisionForm(forms.Form):
    restore = forms.TypedChoiceField(
        label=_("Afgørelse"),
        choices=[
            ("1", _("Vis kommentaren igen")),
            ("0", _("Kommentaren forbliver skjult")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    decision = forms.CharField(
        label=_("Begrundelse til den, der klagede"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    heard = forms.CharField(
        label=_("Det hørte vi"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    changed = forms.CharField(
        label=_("Det ændrede vi"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    not_changed = forms.CharField(
        label=_("Det ændrede vi ikke, og derfor"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150, required=False)
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, Word (docx), ODT, tekst, PNG eller JPEG – højst 10 MB."),
    )
