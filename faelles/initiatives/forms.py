from typing import TYPE_CHECKING, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.core.images import ImageUploadField
from faelles.core.params import IdModelMultipleChoiceField
from faelles.municipalities.models import Principle
from faelles.municipalities.themes import focus_area_field, theme_field

if TYPE_CHECKING:
    from faelles.accounts.models import User

from .models import (
    Initiative,
    InitiativeSettings,
    Need,
    Outcome,
    PhotoConsent,
    State,
    Story,
)

CRITERIA_ROWS = 4


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:20]


class InitiativeForm(forms.ModelForm):
    # Replaced per municipality in __init__ (its own themes, posted by key).
    themes = forms.MultipleChoiceField(required=False)
    focus_area = forms.ChoiceField(required=False)
    principles = IdModelMultipleChoiceField(
        label=_("Hvilke af kommunens principper understøtter det?"),
        queryset=Principle.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    needs_roles = forms.CharField(
        label=_("Hvilke roller søger I?"),
        help_text=_("Én pr. linje, fx “Tømrer til at bygge broen”."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    needs_resources = forms.CharField(
        label=_("Hvilke ressourcer har I brug for?"),
        help_text=_("Én pr. linje, fx “Et lokale tirsdag aften”."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    image = ImageUploadField(
        label=_("Billede"),
        help_text=_("JPEG, PNG eller WebP, højst 5 MB."),
        required=False,
    )
    image_alt = forms.CharField(
        label=_("Beskrivelse af billedet"),
        help_text=_("Til dem, der ikke kan se billedet."),
        max_length=200,
        required=False,
    )

    staff_only = forms.BooleanField(
        label=_("Kun for medarbejdere"),
        help_text=_(
            "Et internt initiativ eller en intern prøvehandling: kun kommunens "
            "medarbejdere kan se det, indtil I åbner det for borgerne."
        ),
        required=False,
    )

    class Meta:
        model = Initiative
        fields = ["title", "challenge", "idea", "target_group", "postcode", "place"]
        widgets = {
            "challenge": forms.Textarea(attrs={"rows": 4}),
            "idea": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "challenge": _("Hvad er det, der ikke fungerer eller mangler i dag?"),
            "idea": _("Hvad vil I gøre, og hvordan kan andre hjælpe?"),
        }

    def __init__(self, *args, municipality, staff: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance if self.instance.pk else None
        if not staff or instance is not None:
            # Staff make an initiative internal when they propose it; it is
            # opened by its own action. Citizens never see the field.
            del self.fields["staff_only"]
        self.fields["themes"] = theme_field(
            municipality,
            multiple=True,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            current=[t.theme for t in instance.themes.select_related("theme")]
            if instance
            else (),
        )
        self.fields["focus_area"] = focus_area_field(
            municipality, current=instance.focus_area if instance else None
        )
        cast(
            forms.ModelMultipleChoiceField, self.fields["principles"]
        ).queryset = Principle.objects.filter(municipality=municipality)

    def clean(self):
        data = super().clean()
        area = data.get("focus_area")
        if area is not None and area.theme not in list(data.get("themes") or ()):
            self.add_error(
                "focus_area",
                _("Vælg også det tema, indsatsområdet hører under (%(theme)s).")
                % {"theme": area.theme.name_local},
            )
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error(
                "image_alt", _("Beskriv billedet for dem, der ikke kan se det.")
            )
        return data

    def needs(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {"kind": Need.Kind.ROLE, "title": t[:160]}
            for t in _lines(data.get("needs_roles", ""))
        ] + [
            {"kind": Need.Kind.RESOURCE, "title": t[:160]}
            for t in _lines(data.get("needs_resources", ""))
        ]


class InitiativeEditForm(InitiativeForm):
    """The description only: needs and images have their own pages."""

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        for name in ("needs_roles", "needs_resources", "image", "image_alt"):
            del self.fields[name]
        if not self.is_bound:
            self.initial["themes"] = list(
                instance.themes.values_list("theme__key", flat=True)
            )
            if instance.focus_area_id:
                self.initial["focus_area"] = instance.focus_area.key
            self.initial["principles"] = list(
                instance.principles.values_list("pk", flat=True)
            )


class NeedPublishForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Hvad slags behov er det?"),
        help_text=_("Bruges til at finde de tilbud, der passer."),
    )

    def __init__(self, *args, **kwargs):
        from faelles.resources.models import Kind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (k, label) for k, label in Kind.choices if k != Kind.LIVED_EXPERIENCE
        ]


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = ["kind", "title", "description", "quantity"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class ImageForm(forms.Form):
    image = ImageUploadField(
        label=_("Billede"),
        help_text=_("JPEG, PNG eller WebP, højst 5 MB."),
    )
    alt_text = forms.CharField(label=_("Beskrivelse af billedet"), max_length=200)


class JoinForm(forms.Form):
    role = forms.CharField(
        label=_("Jeg vil være med som …"),
        max_length=160,
        help_text=_("Fx “tovholder”, “hjælper en lørdag” eller “den der bager kage”."),
    )
    need = forms.ModelChoiceField(
        label=_("Udfylder du et af initiativets behov?"),
        queryset=Need.objects.none(),
        required=False,
        empty_label=_("Nej, noget andet"),
    )

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["need"]
        field.queryset = initiative.needs.filter(is_open=True, kind=Need.Kind.ROLE)
        prefetched = getattr(initiative, "_prefetched_objects_cache", {}).get("needs")
        if prefetched is not None and not self.is_bound:
            # Rendering only: the choices come from the needs already loaded.
            field.choices = [("", field.empty_label)] + [
                (n.pk, str(n))
                for n in prefetched
                if n.is_open and n.kind == Need.Kind.ROLE
            ]


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Din kommentar"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class HideCommentForm(forms.Form):
    reason = forms.CharField(label=_("Hvorfor skjules kommentaren?"), max_length=300)


class FacilitatorForm(forms.Form):
    facilitator: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Facilitator"), queryset=None
    )
    team = IdModelMultipleChoiceField(
        label=_("Tværgående team"),
        queryset=None,
        required=False,
        help_text=_("Medarbejdere fra andre afdelinger, der hjælper til."),
    )

    def __init__(self, *args, municipality, **kwargs):
        from faelles.accounts.models import User

        super().__init__(*args, **kwargs)
        employees = User.objects.filter(
            memberships__municipality=municipality, memberships__is_employee=True
        ).order_by("display_name", "id")
        self.fields["facilitator"].queryset = employees
        self.fields["team"].queryset = employees


class TransitionForm(forms.Form):
    target = forms.ChoiceField(label=_("Ny fase"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Hvorfor?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(t, State(t).label) for t in targets]


class TrialForm(forms.Form):
    we_believe = forms.CharField(
        label=_("Vi tror, at …"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    will_lead_to = forms.CharField(
        label=_("… vil føre til …"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    what_is_tried = forms.CharField(
        label=_("Hvad afprøver vi?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    starts_on = forms.DateField(label=_("Periode fra"), widget=DateInput())
    ends_on = forms.DateField(label=_("Periode til"), widget=DateInput())

    def __init__(self, *args, running: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if running:
            # Adjusting a running trial is allowed, but never without saying why.
            self.fields["reason"] = forms.CharField(
                label=_("Hvorfor justerer I prøvehandlingen?"),
                help_text=_(
                    "Vises sammen med ændringen på initiativets side, så alle kan "
                    "følge med i, hvad der er ændret undervejs."
                ),
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        for n in range(1, CRITERIA_ROWS + 1):
            self.fields[f"indicator_{n}"] = forms.CharField(
                label=_("Succeskriterium %(n)d: indikator") % {"n": n},
                max_length=200,
                required=n == 1,
            )
            self.fields[f"target_{n}"] = forms.CharField(
                label=_("Succeskriterium %(n)d: målværdi") % {"n": n},
                max_length=100,
                required=n == 1,
            )

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("Perioden skal slutte efter, den begynder."))
        for n in range(1, CRITERIA_ROWS + 1):
            if data.get(f"indicator_{n}") and not data.get(f"target_{n}"):
                self.add_error(f"target_{n}", _("Angiv en målværdi."))
        return data

    def criteria(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [
            (data[f"indicator_{n}"], data[f"target_{n}"])
            for n in range(1, CRITERIA_ROWS + 1)
            if data.get(f"indicator_{n}")
        ]

    @classmethod
    def initial_from(cls, trial) -> dict:
        if trial is None:
            return {}
        initial = {
            "we_believe": trial.we_believe,
            "will_lead_to": trial.will_lead_to,
            "what_is_tried": trial.what_is_tried,
            "starts_on": trial.starts_on,
            "ends_on": trial.ends_on,
        }
        for n, c in enumerate(trial.criteria.all()[:CRITERIA_ROWS], 1):
            initial[f"indicator_{n}"] = c.indicator
            initial[f"target_{n}"] = c.target
        return initial


MET_CHOICES = [("yes", _("Ja")), ("no", _("Nej")), ("unknown", _("Ved ikke"))]


class EvaluationForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Virkede det?"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    learned = forms.CharField(
        label=_("Hvad lærte vi?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    do_differently = forms.CharField(
        label=_("Hvad ville vi gøre anderledes?"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, trial, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(trial.criteria.all())
        for c in self.criteria:
            self.fields[f"result_{c.pk}"] = forms.CharField(
                label=_("Resultat for “%(i)s” (mål: %(t)s)")
                % {"i": c.indicator, "t": c.target},
                max_length=100,
            )
            self.fields[f"met_{c.pk}"] = forms.ChoiceField(
                label=_("Blev målet for “%(i)s” nået?") % {"i": c.indicator},
                choices=MET_CHOICES,
                widget=forms.RadioSelect,
            )

    def results(self) -> dict:
        met = {"yes": True, "no": False, "unknown": None}
        return {
            c.pk: (
                self.cleaned_data[f"result_{c.pk}"],
                met[self.cleaned_data[f"met_{c.pk}"]],
            )
            for c in self.criteria
        }


class SettingsForm(forms.ModelForm):
    class Meta:
        model = InitiativeSettings
        fields = ["response_days", "library_public"]


class StoryForm(forms.ModelForm):
    """Title, lead and body; what the story is about is given by the URL."""

    class Meta:
        model = Story
        fields = ["title", "lead", "body"]
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 10}),
        }


class StoryPhotoForm(forms.Form):
    image = ImageUploadField(
        label=_("Foto"),
        help_text=_("JPEG, PNG eller WebP, højst 5 MB."),
    )
    caption = forms.CharField(label=_("Billedtekst"), max_length=300)
    shows_people = forms.BooleanField(
        label=_("Der er genkendelige personer på fotoet"), required=False, initial=True
    )


class ConsentForm(forms.ModelForm):
    class Meta:
        model = PhotoConsent
        fields = ["person_name", "consented_on", "method", "note"]
        widgets = {"consented_on": DateInput()}

    def clean_consented_on(self):
        value = self.cleaned_data["consented_on"]
        if value > timezone.localdate():
            raise ValidationError(_("Et samtykke kan ikke være givet i fremtiden."))
        return value


class NewspaperForm(forms.Form):
    start = forms.DateField(label=_("Fra"), widget=DateInput())
    end = forms.DateField(label=_("Til"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end"):
            if data["end"] < data["start"]:
                self.add_error("end", _("Perioden skal slutte efter, den begynder."))
            elif (data["end"] - data["start"]).days > 366:
                self.add_error("end", _("Vælg højst et år ad gangen."))
        return data
