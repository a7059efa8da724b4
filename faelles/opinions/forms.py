from django import forms
from django.utils.translation import gettext_lazy as _

from faelles.core.params import parse_id

from .models import STATEMENT_MAX, STATEMENT_MIN, OpinionMap, StatementStatus, VoteValue
from .phases import MAP_PHASES
from .services import MAP_FIELDS

DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)


class MapForm(forms.ModelForm):
    class Meta:
        model = OpinionMap
        fields = list(MAP_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "opens_at": DATETIME_WIDGET,
            "closes_at": DATETIME_WIDGET,
            "moderation": forms.RadioSelect,
            "export_access": forms.RadioSelect,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this municipality's hearings and debates can be chosen.
        hearings = OpinionMap._meta.get_field("hearing").related_model._default_manager
        field = self.fields["hearing"]
        field.queryset = hearings.filter(municipality=municipality)
        field.help_text = _(
            "Vælg en høring eller debat, hvis kortet er en del af den. Høringens "
            "side viser så kortet."
        )


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("Fase"), choices=MAP_PHASES.choices)


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Dit udsagn"),
        min_length=STATEMENT_MIN,
        max_length=STATEMENT_MAX,
        help_text=_(
            "Ét kort udsagn, som andre kan være enige eller uenige i "
            "(højst %(max)s tegn)."
        )
        % {"max": STATEMENT_MAX},
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": STATEMENT_MAX}),
    )


class VoteForm(forms.Form):
    statement = forms.CharField()
    value = forms.TypedChoiceField(
        choices=[(str(v), label) for v, label in VoteValue.choices], coerce=int
    )

    def clean_statement(self) -> int:
        pk = parse_id(self.cleaned_data["statement"])
        if pk is None:
            raise forms.ValidationError(_("Udsagnet findes ikke."))
        return pk


class ModerateForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (StatementStatus.ACCEPTED, _("Godkend")),
            (StatementStatus.REJECTED, _("Afvis")),
        ]
    )
    note = forms.CharField(label=_("Begrundelse"), max_length=300, required=False)
