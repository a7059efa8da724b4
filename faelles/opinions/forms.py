from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from faelles.core.params import parse_id

from .models import STATEMENT_MAX, STATEMENT_MIN, OpinionMap, StatementStatus, VoteValue
from .phases import MAP_PHASES
from .polis_import import MAX_IMPORT_BYTES, files_from_zip
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
        # Formatted when shown, in the reader's language (``_(…) % …`` here
        # was formatted once, in Danish, when the module was imported).
        help_text=lazy(
            lambda: (
                gettext(
                    "Ét kort udsagn, som andre kan være enige eller uenige i "
                    "(højst %(max)s tegn)."
                )
                % {"max": STATEMENT_MAX}
            ),
            str,
        )(),
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


class PolisImportForm(forms.Form):
    """A new map from a Polis conversation: a zip, or the two CSV files."""

    title = forms.CharField(label=_("Titel"), max_length=160)
    question = forms.CharField(
        label=_("Spørgsmål"),
        max_length=300,
        help_text=_("Det, deltagerne tog stilling til."),
    )
    archive = forms.FileField(
        label=_("Zip-fil med comments.csv og votes.csv"),
        required=False,
    )
    comments = forms.FileField(label=_("Eller comments.csv"), required=False)
    votes = forms.FileField(label=_("og votes.csv"), required=False)

    files_read: dict[str, bytes]  # by name, once the form is valid

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mb = MAX_IMPORT_BYTES // (1024 * 1024)
        self.fields["archive"].help_text = _(
            "Fx den zip-fil, som et meningskort her eksporterer. Højst %(mb)s MB i "
            "alt (omkring 200.000 stemmer) og udpakket højst %(mb)s MB pr. fil; "
            "tekst i UTF-8."
        ) % {"mb": mb}

    def _read(self, name: str) -> bytes | None:
        upload = self.cleaned_data.get(name)
        if not upload:
            return None
        if upload.size > MAX_IMPORT_BYTES:
            self.add_error(
                name,
                _("Filen er for stor: højst %(mb)s MB.")
                % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)},
            )
            return None
        return upload.read()

    def clean(self):
        cleaned = super().clean()
        self.files_read = {}
        archive = self._read("archive")
        if archive is not None:
            try:
                self.files_read = files_from_zip(archive)
            except ValidationError as error:
                self.add_error("archive", error)
            return cleaned
        comments, votes = self._read("comments"), self._read("votes")
        if self.errors:
            return cleaned
        if comments is None and votes is None:
            raise forms.ValidationError(
                _("Vælg en zip-fil eller både comments.csv og votes.csv.")
            )
        if comments is None:
            self.add_error("comments", _("comments.csv mangler."))
        if votes is None:
            self.add_error("votes", _("votes.csv mangler."))
        if comments is not None and votes is not None:
            # one cap for the whole upload, as for every upload on the site
            # (the proxy's body limit in docs/operations.md)
            if len(comments) + len(votes) > MAX_IMPORT_BYTES:
                raise forms.ValidationError(
                    _("Filerne fylder for meget tilsammen: højst %(mb)s MB.")
                    % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
                )
            self.files_read = {"comments.csv": comments, "votes.csv": votes}
        return cleaned
