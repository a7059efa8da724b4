from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from faelles.accounts.forms import PersonByEmailForm
from faelles.municipalities.themes import focus_area_field, theme_field, theme_options
from faelles.organisations.models import Organisation

from .models import (
    AgeGroup,
    Community,
    LifeSituation,
    Movement,
    MovementAction,
    MovementTeam,
    Pledge,
)


def _blank(choices, label):
    return [("", label), *choices]


class CommunitySearchForm(forms.Form):
    is_filter = True  # filters are all optional; no "(frivilligt)" on each

    q = forms.CharField(label=_("Interesse eller ord"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Tema"), required=False)
    life_situation = forms.ChoiceField(
        label=_("Livssituation"),
        required=False,
        choices=_blank(LifeSituation.choices, _("Alle")),
    )
    age_group = forms.ChoiceField(
        label=_("Aldersgruppe"),
        required=False,
        choices=_blank(AgeGroup.choices, _("Alle")),
    )
    area = forms.CharField(
        label=_("Område eller postnummer"), required=False, max_length=80
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = _blank(
            theme_options(municipality), _("Alle temaer")
        )


OPEN_HELP = _(
    "Fjern fluebenet for at åbne det for borgerne. Det kan ikke gøres om bagefter."
)


class CommunityForm(forms.ModelForm):
    def __init__(self, *args, municipality, staff: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance if self.instance.pk else None
        # "Kun for medarbejdere": staff tick it when they create the community;
        # afterwards it can only be opened to citizens (docs/staff-only.md).
        # Citizens never see the field.
        if not staff or (instance is not None and not instance.staff_only):
            del self.fields["staff_only"]
        elif instance is not None:
            self.fields["staff_only"].help_text = OPEN_HELP
        self.fields["theme"] = theme_field(
            municipality, current=[instance.theme] if instance else ()
        )
        self.fields["focus_area"] = focus_area_field(
            municipality, current=instance.focus_area if instance else None
        )

    def clean(self):
        data = super().clean()
        area, theme = data.get("focus_area"), data.get("theme")
        if area is not None and theme is not None and area.theme_id != theme.pk:
            self.add_error(
                "focus_area",
                _("Indsatsområdet hører under temaet “%(theme)s”.")
                % {"theme": area.theme.name_local},
            )
        return data

    class Meta:
        model = Community
        fields = [
            "name",
            "description",
            "theme",
            "focus_area",
            "access",
            "target_group",
            "age_group",
            "life_situation",
            "meeting_rhythm",
            "place",
            "area",
            "postcode",
            "staff_only",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Besked til værterne"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Din besked til værterne"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Værterne får beskeden på Fælles og kan se dit navn – ikke din e-mail."
        ),
    )


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Skriv på opslagstavlen"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FileForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150, required=False)
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, Word (docx), ODT, tekst, PNG eller JPEG – højst 10 MB."),
    )


class ReferralForm(PersonByEmailForm):
    note = forms.CharField(
        label=_("Hilsen til borgeren"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "Borgeren har givet samtykke til, at jeg henviser til fællesskabet, "
            "og at jeg kan se, om henvisningen blev til noget."
        )
    )


class MovementForm(forms.ModelForm):
    """``led_by`` must be true: a politician's movement is started by a politician,
    an association's by one of its administrators, who names the association."""

    def __init__(self, *args, municipality, user, is_politician: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_politician = is_politician
        cast(
            forms.ModelChoiceField, self.fields["organisation"]
        ).queryset = Organisation.objects.filter(
            municipality=municipality,
            members__user=user,
            members__is_admin=True,
        ).exclude(kind=Organisation.Kind.DEPARTMENT)
        self.fields["organisation"].help_text = _(
            "Kun hvis en forening står bag: de foreninger, du er administrator for."
        )

    def clean(self):
        data = super().clean()
        led_by, organisation = data.get("led_by"), data.get("organisation")
        if led_by == Movement.LedBy.POLITICIAN and not self.is_politician:
            self.add_error(
                "led_by", _("Kun politikere kan starte en bevægelse som politiker.")
            )
        if led_by == Movement.LedBy.ASSOCIATION and organisation is None:
            self.add_error("organisation", _("Vælg den forening, der står bag."))
        if led_by != Movement.LedBy.ASSOCIATION:
            data["organisation"] = None
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Slutdatoen ligger før startdatoen."))
        return data

    class Meta:
        model = Movement
        fields = [
            "title",
            "goal",
            "description",
            "led_by",
            "organisation",
            "unit",
            "target",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_target(self):
        """Said in words here; the database's constraint (target > 0) would
        otherwise show its own name to the person."""
        target = self.cleaned_data["target"]
        if target is not None and target <= 0:
            raise forms.ValidationError(_("Angiv et mål større end 0."))
        return target


class PledgeForm(forms.ModelForm):
    def __init__(self, *args, movement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = movement.teams.all()
        self.fields["team"].required = False
        self.fields["team"].empty_label = _("Intet hold")
        self.fields["amount"].label = _("Jeg lover (%(unit)s)") % {
            "unit": movement.get_unit_display()
        }

    class Meta:
        model = Pledge
        fields = ["amount", "text", "team", "on_leaderboard"]

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is None or amount <= 0:
            raise forms.ValidationError(_("Angiv et tal større end 0."))
        return amount


class ActionForm(forms.ModelForm):
    class Meta:
        model = MovementAction
        fields = ["amount", "description", "done_on"]
        widgets = {
            "done_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        }

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is None or amount <= 0:
            raise forms.ValidationError(_("Angiv et tal større end 0."))
        return amount


class TeamForm(forms.ModelForm):
    class Meta:
        model = MovementTeam
        fields = ["name", "kind", "on_leaderboard"]
