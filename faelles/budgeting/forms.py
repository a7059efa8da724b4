from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from faelles.core.images import ImageUploadField
from faelles.municipalities.themes import focus_area_field, theme_field

from .models import (
    DROP_BALLOT_TYPES,
    AgeCheck,
    BallotType,
    BudgetRound,
    ImplementationStatus,
    Project,
    ReviewStatus,
)
from .services import ROUND_FIELDS

DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)


class RoundForm(forms.ModelForm):
    #: The rule of who may vote: a choice with a default, so a form that leaves it
    #: out keeps the round as it is (self-declared for a new round).
    ELIGIBILITY_FIELDS = ("eligibility", "min_assurance", "residence_check")

    class Meta:
        model = BudgetRound
        fields = list(ROUND_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "proposals_start": DATETIME_WIDGET,
            "proposals_end": DATETIME_WIDGET,
            "voting_start": DATETIME_WIDGET,
            "voting_end": DATETIME_WIDGET,
            "eligibility": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.ELIGIBILITY_FIELDS:
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        for name in self.ELIGIBILITY_FIELDS:
            if not data.get(name):
                data[name] = getattr(self.instance, name)
                setattr(self.instance, name, data[name])
        return data


class ProposalForm(forms.ModelForm):
    image = ImageUploadField(
        label=_("Billede"),
        help_text=_("JPEG, PNG eller WebP, højst 5 MB."),
        required=False,
    )
    image_alt = forms.CharField(
        label=_("Beskriv billedet"),
        max_length=200,
        required=False,
        help_text=_("Skal udfyldes, hvis du vedhæfter et billede."),
    )

    class Meta:
        model = Project
        fields = ["title", "description", "cost", "area", "theme", "focus_area"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "cost": _("Dit bedste bud; medarbejderne regner prisen efter."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"] = theme_field(municipality, required=False)
        self.fields["focus_area"] = focus_area_field(municipality)

    def clean(self):
        data = super().clean()
        area, theme = data.get("focus_area"), data.get("theme")
        if area is not None and (theme is None or area.theme_id != theme.pk):
            self.add_error(
                "focus_area",
                _("Indsatsområdet hører under temaet “%(theme)s”.")
                % {"theme": area.theme.name_local},
            )
        if data.get("image") and not data.get("image_alt", "").strip():
            self.add_error(
                "image_alt", _("Beskriv billedet kort for dem, der ikke kan se det.")
            )
        return data


class ReviewForm(forms.ModelForm):
    legal_ok = forms.BooleanField(label=_("Projektet er lovligt"), required=False)
    practical_ok = forms.BooleanField(
        label=_("Projektet er praktisk muligt"), required=False
    )

    class Meta:
        model = Project
        fields = ["review_status", "cost", "legal_ok", "practical_ok", "review_note"]
        labels = {"cost": _("Medarbejdernes prisoverslag (kr.)")}
        widgets = {
            "review_status": forms.RadioSelect,
            "review_note": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "review_note": _(
                "Skal udfyldes, hvis forslaget afvises; vises offentligt."
            ),
        }

    def clean(self):
        data = super().clean()
        status = data.get("review_status")
        if status == ReviewStatus.REJECTED and not data.get("review_note", "").strip():
            self.add_error(
                "review_note", _("Skriv en begrundelse, når et forslag afvises.")
            )
        if status == ReviewStatus.APPROVED and not (
            data.get("legal_ok") and data.get("practical_ok")
        ):
            self.add_error(
                "review_status",
                _(
                    "Et projekt skal være lovligt og praktisk muligt for at komme på "
                    "stemmesedlen."
                ),
            )
        return data


class ProjectUpdateForm(forms.ModelForm):
    photo = ImageUploadField(
        label=_("Foto"),
        help_text=_("JPEG, PNG eller WebP, højst 5 MB."),
        required=False,
    )

    class Meta:
        from .models import ProjectUpdate

        model = ProjectUpdate
        fields = ["status", "text", "photo", "photo_alt"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"photo_alt": _("Skal udfyldes, hvis du vedhæfter et foto.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ImplementationStatus.choices


class PhaseForm(forms.Form):
    phase = forms.CharField(max_length=20)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Pabulib-fil (.pb)"),
        help_text=_("Højst 50 MB, tekst i UTF-8."),
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=160,
        required=False,
        help_text=_("Tom: titlen dannes ud fra filen."),
    )

    MAX_BYTES = 50 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("Filen er for stor (højst 50 MB)."))
        raw = upload.read()
        try:
            self.text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("Filen er ikke tekst i UTF-8.")) from None
        if "\x00" in self.text:  # not text, and PostgreSQL cannot store it
            raise ValidationError(_("Filen er ikke tekst i UTF-8."))
        return upload


class BallotForm(forms.Form):
    """The ballot for one round; fields depend on the round's ballot type.

    ``choices()`` returns ``[(project_id, points), ...]`` in ballot order, which
    the service validates against the round's rules.
    """

    def __init__(
        self,
        *args,
        budget_round: BudgetRound,
        projects,
        user=None,
        with_eligibility: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.round = budget_round
        self.projects = list(projects)
        kind = budget_round.ballot_type
        options = [(p.pk, p.title) for p in self.projects]
        if kind in (BallotType.APPROVAL, BallotType.KNAPSACK):
            self.fields["projects"] = forms.TypedMultipleChoiceField(
                label=_("Projekter"), choices=options, coerce=int, required=False
            )
        elif kind == BallotType.CHOOSE_ONE:
            self.fields["projects"] = forms.TypedChoiceField(
                label=_("Projekt"), choices=options, coerce=int, required=False
            )
        elif kind == BallotType.CUMULATIVE:
            for p in self.projects:
                self.fields[f"points_{p.pk}"] = forms.IntegerField(
                    label=p.title,
                    min_value=0,
                    max_value=budget_round.points_total,
                    required=False,
                )
        elif kind == BallotType.RANKED:
            ranks = budget_round.max_projects or len(self.projects)
            for p in self.projects:
                self.fields[f"rank_{p.pk}"] = forms.TypedChoiceField(
                    label=p.title,
                    choices=[("", _("Ikke valgt"))]
                    + [(r, str(r)) for r in range(1, ranks + 1)],
                    coerce=int,
                    empty_value=None,
                    required=False,
                )
        if budget_round.allow_drops and kind in DROP_BALLOT_TYPES:
            self.fields["drops"] = forms.TypedMultipleChoiceField(
                label=_("Vælg fra"), choices=options, coerce=int, required=False
            )
        if with_eligibility and budget_round.min_age:
            if budget_round.age_check == AgeCheck.BIRTH_YEAR:
                self.fields["birth_year"] = forms.IntegerField(
                    label=_("Dit fødselsår"),
                    min_value=1890,
                    max_value=2100,
                    help_text=_(
                        "Du skal være mindst %(age)d år. Vi gemmer ikke dit fødselsår."
                    )
                    % {"age": budget_round.min_age},
                )
            else:
                self.fields["age_confirmed"] = forms.BooleanField(
                    label=_("Jeg er mindst %(age)d år") % {"age": budget_round.min_age},
                )
        if with_eligibility and budget_round.postcode_list:
            self.fields["postcode"] = forms.CharField(
                label=_("Dit postnummer"),
                max_length=4,
                initial=getattr(user, "postcode", ""),
                help_text=_("Afstemningen er for postnummer %(codes)s.")
                % {"codes": ", ".join(budget_round.postcode_list)},
            )

    def choices(self) -> list[tuple[int, int]]:
        data = self.cleaned_data
        kind = self.round.ballot_type
        if kind in (BallotType.APPROVAL, BallotType.KNAPSACK):
            return [(pk, 1) for pk in data.get("projects") or []]
        if kind == BallotType.CHOOSE_ONE:
            return [(data["projects"], 1)] if data.get("projects") else []
        if kind == BallotType.CUMULATIVE:
            return [
                (p.pk, data.get(f"points_{p.pk}") or 0)
                for p in self.projects
                if data.get(f"points_{p.pk}")
            ]
        ranked = [
            (data[f"rank_{p.pk}"], p.pk)
            for p in self.projects
            if data.get(f"rank_{p.pk}")
        ]
        ranks = [r for r, _pk in ranked]
        if len(set(ranks)) != len(ranks):
            raise ValidationError(_("To projekter kan ikke have samme plads."))
        if sorted(ranks) != list(range(1, len(ranks) + 1)):
            raise ValidationError(_("Brug pladserne 1, 2, 3 … uden huller."))
        return [(pk, 1) for _r, pk in sorted(ranked)]

    def drops(self) -> list[int]:
        """The projects the voter chose to drop (empty when the round has none)."""
        return list(self.cleaned_data.get("drops") or [])

    def eligibility_fields(self):
        return [
            self[n]
            for n in ("birth_year", "age_confirmed", "postcode")
            if n in self.fields
        ]

    def items(self) -> list[dict]:
        """One entry per project for the ballot template."""
        kind = self.round.ballot_type
        if kind in (BallotType.CUMULATIVE, BallotType.RANKED):
            prefix = "points" if kind == BallotType.CUMULATIVE else "rank"
            return [
                {"project": p, "field": self[f"{prefix}_{p.pk}"]} for p in self.projects
            ]
        chosen = self._marked("projects")
        dropped = self._marked("drops") if "drops" in self.fields else set()
        return [
            {
                "project": p,
                "checked": str(p.pk) in chosen,
                "dropped": str(p.pk) in dropped,
            }
            for p in self.projects
        ]

    def _marked(self, name: str) -> set[str]:
        value = self[name].value()
        values = value if isinstance(value, list | tuple) else [value]
        return {str(v) for v in values if v not in ("", None)}

    @classmethod
    def initial_from(
        cls, budget_round: BudgetRound, choices: list, drops: list | None = None
    ) -> dict:
        kind = budget_round.ballot_type
        extra = {"drops": list(drops)} if drops and budget_round.allow_drops else {}
        if kind in (BallotType.APPROVAL, BallotType.KNAPSACK):
            return {"projects": [pk for pk, _pts in choices], **extra}
        if kind == BallotType.CHOOSE_ONE:
            return {"projects": choices[0][0], **extra} if choices else extra
        if kind == BallotType.CUMULATIVE:
            return {f"points_{pk}": pts for pk, pts in choices}
        return {f"rank_{pk}": i for i, (pk, _pts) in enumerate(choices, 1)}
