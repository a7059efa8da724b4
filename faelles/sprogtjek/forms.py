from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faelles.languagecheck import ExtractError, text_from_bytes

from .models import OwnEntry

MAX_FILE_MB = 10  # a letter or a report; the command line takes larger files
MAX_CHARS = 200_000  # about 80 pages: the page shows the whole text marked


def extract_message(error: ExtractError) -> str:
    """The engine's reason for refusing a file, said to the reader."""
    messages = {
        "type": _("Filtypen kan ikke tjekkes. Brug en .docx-, .pdf- eller .txt-fil."),
        "empty": _("Filen er tom."),
        "too_big": _("Filen er for stor (højst %(max)s MB).") % {"max": MAX_FILE_MB},
        "no_text": _("Der er ingen tekst i filen."),
        "too_long": _("Teksten er for lang (højst %(max)s tegn).")
        % {"max": number_format(MAX_CHARS, force_grouping=True)},
        "binary": _("Filen er ikke en tekstfil."),
        "not_utf8": _(
            "Tekstfilen er ikke gemt som UTF-8. Gem den som UTF-8, eller indsæt "
            "teksten i feltet."
        ),
        "not_docx": _("Filen er ikke et gyldigt Word-dokument (.docx)."),
        "zip_bomb": _("Word-dokumentet fylder for meget, når det pakkes ud."),
        "damaged": _("Filen er beskadiget og kan ikke læses."),
        "encrypted": _("PDF-filen er beskyttet med en adgangskode."),
        "no_text_layer": _(
            "PDF-filen har ingen tekst, kun billeder (en scanning?). Den kan ikke "
            "tjekkes."
        ),
    }
    return messages.get(error.code, _("Filen kan ikke læses."))


class CheckForm(forms.Form):
    """A pasted text or an uploaded file — one of them. Neither is stored."""

    text = forms.CharField(
        label=gettext_lazy("Indsæt tekst"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy("Et brev, en webtekst eller et jobopslag."),
    )
    file = forms.FileField(
        label=gettext_lazy("… eller vælg en fil"),
        required=False,
        allow_empty_file=True,  # the engine says "Filen er tom" itself
        help_text=gettext_lazy(".docx, .pdf eller .txt, højst 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt"}),
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if len(text) > MAX_CHARS:
            raise ValidationError(
                _("Teksten er for lang (højst %(max)s tegn).")
                % {"max": number_format(MAX_CHARS, force_grouping=True)}
            )
        return text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload:
            return None
        if upload.size > MAX_FILE_MB * 1024 * 1024:
            raise ValidationError(
                _("Filen er for stor (højst %(max)s MB).") % {"max": MAX_FILE_MB}
            )
        try:
            text = text_from_bytes(upload.read(), PurePath(upload.name).suffix)
        except ExtractError as exc:
            raise ValidationError(extract_message(exc)) from None
        if len(text) > MAX_CHARS:
            raise ValidationError(
                _("Teksten er for lang (højst %(max)s tegn).")
                % {"max": number_format(MAX_CHARS, force_grouping=True)}
            )
        self.file_text = text
        return upload

    def clean(self):
        cleaned = super().clean()
        has_text = bool((cleaned.get("text") or "").strip())
        has_file = bool(cleaned.get("file"))
        if self.errors:
            return cleaned
        if has_text and has_file:
            raise ValidationError(
                _("Indsæt en tekst eller vælg en fil – ikke begge på én gang.")
            )
        if not has_text and not has_file:
            raise ValidationError(_("Indsæt en tekst eller vælg en fil."))
        cleaned["checked_text"] = self.file_text if has_file else cleaned["text"]
        return cleaned


class OwnEntryForm(forms.ModelForm):
    class Meta:
        model = OwnEntry
        fields = [
            "kind",
            "term",
            "paradigm",
            "reason",
            "reason_en",
            "suggestions",
            "compounds",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "paradigm": forms.RadioSelect,
            "suggestions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "paradigm": gettext_lazy("Kun for ord, der skal markeres."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paradigm"].choices = OwnEntry._meta.get_field("paradigm").choices
        self.fields["paradigm"].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == OwnEntry.Kind.FLAG and not cleaned.get("paradigm"):
            self.add_error(
                "paradigm", _("Vælg, om ordet hører til Kommune 1.0 eller 2.0.")
            )
        return cleaned
