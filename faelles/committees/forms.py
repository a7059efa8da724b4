from typing import Any, cast

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from faelles.accounts.forms import PersonByEmailForm
from faelles.accounts.models import User
from faelles.core.params import IdModelMultipleChoiceField
from faelles.core.visibility import visible_rows
from faelles.municipalities.themes import focus_area_field, theme_field
from faelles.organisations.models import Organisation

from .models import (
    AGE_BANDS,
    ActionStatus,
    Application,
    AppliesAs,
    Decision,
    FollowUpAction,
    Gender,
    MemberRole,
    Recommendation,
    Stratum,
    TaskCommittee,
)
from .services import COMMITTEE_FIELDS, MEETING_FIELDS, RECOMMENDATION_FIELDS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)

# Names people may write for a stratum in the quotas box.
STRATUM_NAMES = {
    "age_band": Stratum.AGE_BAND,
    "alder": Stratum.AGE_BAND,
    "aldersgruppe": Stratum.AGE_BAND,
    "gender": Stratum.GENDER,
    "køn": Stratum.GENDER,
    "area": Stratum.AREA,
    "område": Stratum.AREA,
}


def add_theme_fields(form: forms.ModelForm, municipality) -> None:
    """The municipality's themes and focus areas (posted by key), keeping the
    object's own inactive ones on edit (docs/themes.md)."""
    current = form.instance if form.instance.pk else None
    form.fields["theme"] = theme_field(
        municipality,
        required=False,
        current=[current.theme] if current else (),
        help_text=form.instance._meta.get_field("theme").help_text,
    )
    form.fields["focus_area"] = focus_area_field(
        municipality, current=current.focus_area if current else None
    )


def check_focus_area(form: forms.Form, data: dict) -> None:
    area, theme = data.get("focus_area"), data.get("theme")
    if area is not None and theme is not None and area.theme_id != theme.pk:
        form.add_error(
            "focus_area",
            _("Indsatsområdet hører under temaet “%(theme)s”.")
            % {"theme": area.theme.name_local},
        )


def parse_quotas(text: str) -> dict:
    """``stratum,value,min,max`` per line (``;`` also) → ``{stratum: {value: [lo, hi]}}``."""
    quotas: dict[str, dict[str, list[int]]] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.replace(";", ",").split(",")]
        if len(cells) != 4:
            raise ValidationError(
                _("Linje %(n)s: skriv kriterium, værdi, mindst, højst."),
                params={"n": lineno},
            )
        name, value, lo, hi = cells
        stratum = STRATUM_NAMES.get(name.casefold())
        if stratum is None:
            raise ValidationError(
                _("Linje %(n)s: %(name)s er ikke alder, køn eller område."),
                params={"n": lineno, "name": name},
            )
        if not (lo.isascii() and lo.isdigit() and hi.isascii() and hi.isdigit()):
            raise ValidationError(
                _("Linje %(n)s: mindst og højst skal være hele tal."),
                params={"n": lineno},
            )
        if value in quotas.setdefault(stratum, {}):
            raise ValidationError(
                _("Linje %(n)s: %(value)s står der to gange."),
                params={"n": lineno, "value": value},
            )
        quotas[stratum][value] = [int(lo[:6]), int(hi[:6])]
    return quotas


def format_quotas(quotas: dict) -> str:
    return "\n".join(
        f"{stratum},{value},{lo},{hi}"
        for stratum, values in quotas.items()
        for value, (lo, hi) in values.items()
    )


class CommitteeForm(forms.ModelForm):
    strata = forms.MultipleChoiceField(
        label=_("Det spørger indkaldelsen om"),
        choices=Stratum.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Lodtrækningen sikrer spredning på det, der vælges her. Ansøgerne "
            "svarer kun på det, der spørges om."
        ),
    )
    quotas = forms.CharField(
        label=_("Kvoter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Tom: pladserne fordeles i forhold til ansøgerne. Ellers én linje pr. "
            "værdi: kriterium, værdi, mindst, højst – fx køn,kvinde,4,5."
        ),
    )

    class Meta:
        model = TaskCommittee
        fields = list(COMMITTEE_FIELDS)
        widgets = {
            "mandate": forms.Textarea(attrs={"rows": 6}),
            "questions": forms.Textarea(attrs={"rows": 4}),
            "call_text": forms.Textarea(attrs={"rows": 4}),
            "areas": forms.Textarea(attrs={"rows": 3}),
            "period_start": DATE_WIDGET,
            "period_end": DATE_WIDGET,
            "call_opens": DATETIME_WIDGET,
            "call_closes": DATETIME_WIDGET,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField, self.fields["chair"]
        ).queryset = User.objects.filter(
            memberships__municipality=municipality,
            memberships__is_politician=True,
            is_active=True,
        ).order_by("display_name", "id")
        self.fields["chair"].required = True
        add_theme_fields(self, municipality)
        if self.instance.pk:
            self.initial["quotas"] = format_quotas(self.instance.quotas or {})

    def clean_quotas(self):
        return parse_quotas(self.cleaned_data["quotas"])

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Perioden slutter før den begynder."))
        opens, closes = data.get("call_opens"), data.get("call_closes")
        if opens and closes and closes <= opens:
            self.add_error("call_closes", _("Fristen ligger før ansøgningen åbner."))
        check_focus_area(self, data)
        return data

    def _post_clean(self):
        # The service validates the whole row (with the model's constraints).
        pass


class PhaseForm(forms.Form):
    phase = forms.CharField(max_length=20)


class ApplicationForm(forms.Form):
    applies_as = forms.ChoiceField(
        label=_("Jeg søger som"),
        choices=AppliesAs.choices,
        initial=AppliesAs.CITIZEN,
        widget=forms.RadioSelect,
    )
    organisation = forms.ModelChoiceField(
        label=_("For organisationen"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Kun hvis du søger for en forening eller virksomhed."),
    )
    motivation = forms.CharField(
        label=_("Hvorfor vil du være med, og hvad kan du bidrage med?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, committee: TaskCommittee, user, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = Organisation.objects.civil().filter(
            municipality=committee.municipality, members__user=user
        )
        if orgs.exists():
            cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = orgs
        else:
            del self.fields["organisation"]
            cast(forms.ChoiceField, self.fields["applies_as"]).choices = [
                AppliesAs.choices[0]
            ]
        self.public_note = _(
            "Får du en plads, vises dit navn og din rolle på udvalgets side. "
            "Bliver du ikke udvalgt, vises dit navn ingen steder."
        )
        self.strata_note = ""
        asked = set(committee.strata)
        if Stratum.AGE_BAND in asked:
            self.fields["age_band"] = forms.ChoiceField(
                label=_("Aldersgruppe"),
                choices=[("", "—")] + [(a, a) for a in AGE_BANDS],
            )
        if Stratum.GENDER in asked:
            self.fields["gender"] = forms.ChoiceField(
                label=_("Køn"),
                choices=[("", "—"), *Gender.choices],
            )
        if Stratum.AREA in asked:
            self.fields["area"] = forms.ChoiceField(
                label=_("Område"),
                choices=[("", "—")] + [(a, a) for a in committee.area_list],
            )
        if asked:
            self.strata_note = _(
                "Vi spørger om %(what)s, så lodtrækningen kan sikre et udvalg, der "
                "ligner kommunen. Kun udvalgets formand, sekretariat og kommunens "
                "administratorer ser dine svar; offentligt vises kun antal på mindst fem."
            ) % {
                "what": _listed(
                    [str(Stratum(s).label).lower() for s in committee.strata]
                )
            }


def _listed(words: list[str]) -> str:
    """ "alder, køn og område" / "age, gender and area"."""
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s og %(last)s") % {
        "first": ", ".join(words[:-1]),
        "last": words[-1],
    }


class ApplicantsField(IdModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user)


class SelectForm(forms.Form):
    applications = ApplicantsField(
        label=_("Ansøgere byrådet udpeger"),
        queryset=Application.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, committee: TaskCommittee, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast(ApplicantsField, self.fields["applications"])
        field.queryset = committee.applications.filter(status="pending").select_related(
            "user"
        )


class DrawForm(forms.Form):
    seed = forms.IntegerField(
        label=_("Frø (seed)"),
        min_value=1,
        max_value=2**63 - 1,
        help_text=_(
            "Et helt tal, offentliggjort før lodtrækningen – fx tallene fra "
            "Lotto-trækningen efter ansøgningsfristen. Samme frø og samme "
            "ansøgere giver altid samme udvalg."
        ),
    )


class MemberForm(PersonByEmailForm):
    role = forms.ChoiceField(label=_("Rolle"), choices=MemberRole.choices)


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=160)
    starts_at = forms.DateTimeField(label=_("Tidspunkt"), widget=DATETIME_WIDGET)
    place = forms.CharField(label=_("Sted"), max_length=200, required=False)
    agenda = forms.CharField(
        label=_("Dagsorden"), widget=forms.Textarea(attrs={"rows": 6})
    )

    field_order = list(MEETING_FIELDS)


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Referat"), widget=forms.Textarea(attrs={"rows": 12})
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150, required=False)
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, Word (docx), ODT, tekst, PNG eller JPEG – højst 10 MB."),
    )


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = list(RECOMMENDATION_FIELDS)
        widgets = {"rationale": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        add_theme_fields(self, municipality)

    def clean(self):
        data = super().clean()
        check_focus_area(self, data)
        return data

    def _post_clean(self):
        pass


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Byrådets beslutning"),
        choices=[c for c in Decision.choices if c[0] != Decision.PENDING],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Skal udfyldes, når anbefalingen kun vedtages delvist eller ikke vedtages."
        ),
    )
    decided_on = forms.DateField(label=_("Byrådsmødets dato"), widget=DATE_WIDGET)


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Handling"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    owner = forms.ModelChoiceField(
        label=_("Ansvarlig afdeling"), queryset=Organisation.objects.none()
    )
    responsible = forms.ModelChoiceField(
        label=_("Ansvarlig person"),
        queryset=User.objects.none(),
        required=False,
    )
    start_date = forms.DateField(label=_("Start"), required=False, widget=DATE_WIDGET)
    due_date = forms.DateField(label=_("Færdig senest"), widget=DATE_WIDGET)
    initiative: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Initiativ der bærer handlingen"),
        queryset=None,
        required=False,
    )
    budget_project: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Borgerbudgetprojekt der bærer handlingen"),
        queryset=None,
        required=False,
    )
    hearing: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Høring eller debat der bærer handlingen"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField, self.fields["owner"]
        ).queryset = Organisation.objects.departments().filter(
            municipality=municipality
        )
        cast(forms.ModelChoiceField, self.fields["responsible"]).queryset = (
            User.objects.filter(
                Q(memberships__is_politician=True) | Q(memberships__is_employee=True),
                memberships__municipality=municipality,
                is_active=True,
            )
            .distinct()
            .order_by("display_name", "id")
        )
        # The carrying initiatives, projects and hearings, found through the
        # model's foreign keys so that this app does not import the other features.
        for name in ("initiative", "budget_project", "hearing"):
            related = FollowUpAction._meta.get_field(name).related_model
            field = cast(forms.ModelChoiceField, self.fields[name])
            # Follow-up is public: only what anyone may see carries it (not an
            # internal initiative, docs/staff-only.md).
            field.queryset = visible_rows(
                related._default_manager.filter(municipality=municipality),
                AnonymousUser(),
                municipality,
            ).order_by("title", "id")


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    progress = forms.IntegerField(label=_("Fremdrift (%)"), min_value=0, max_value=100)
    text = forms.CharField(
        label=_("Hvad er sket?"), widget=forms.Textarea(attrs={"rows": 4})
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milepæl"), max_length=200)
    due_date = forms.DateField(label=_("Dato"), widget=DATE_WIDGET)
