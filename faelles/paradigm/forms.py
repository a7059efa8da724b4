from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from .models import Assessment
from .table import ROWS, STEPS, step_label


def _step_choices():
    return [(str(step), step_label(step)) for step in STEPS]


class OpenForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["department", "title"]
        help_texts = {
            "title": gettext_lazy("Fx “Foråret 2026” eller “Efter temadagen”."),
        }

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["department"].empty_label = None


class AnswerForm(forms.Form):
    """A placement on every row (required) and a note on any (optional)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for row in ROWS:
            self.fields[f"step_{row.key}"] = forms.TypedChoiceField(
                label=row.label,
                choices=_step_choices(),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": gettext_lazy("Vælg en placering på denne række.")
                },
            )
            self.fields[f"note_{row.key}"] = forms.CharField(
                label=gettext_lazy("Note"),
                required=False,
                max_length=500,
            )

    def steps(self) -> dict[str, int]:
        return {row.key: self.cleaned_data[f"step_{row.key}"] for row in ROWS}

    def notes(self) -> dict[str, str]:
        return {row.key: self.cleaned_data[f"note_{row.key}"] for row in ROWS}

    def pairs(self):
        """(row, step field, note field) for the template, row by row."""
        return [(row, self[f"step_{row.key}"], self[f"note_{row.key}"]) for row in ROWS]


class AgreementForm(forms.Form):
    """The agreed placement and a short reason per row; a row left empty stays
    as it was."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for row in ROWS:
            self.fields[f"step_{row.key}"] = forms.TypedChoiceField(
                label=gettext_lazy("Fælles placering"),
                choices=[("", gettext_lazy("Ikke aftalt")), *_step_choices()],
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"reason_{row.key}"] = forms.CharField(
                label=gettext_lazy("Begrundelse"),
                required=False,
                max_length=300,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"reason_{row.key}"].required_when = gettext_lazy(
                "når rækken har en fælles placering"
            )

    def clean(self):
        cleaned = super().clean()
        for row in ROWS:
            step = cleaned.get(f"step_{row.key}")
            reason = (cleaned.get(f"reason_{row.key}") or "").strip()
            if step is not None and not reason:
                self.add_error(
                    f"reason_{row.key}",
                    gettext_lazy("Skriv kort, hvorfor I placerer jer her."),
                )
        return cleaned

    def agreed(self) -> dict[str, tuple[int, str]]:
        return {
            row.key: (
                self.cleaned_data[f"step_{row.key}"],
                self.cleaned_data[f"reason_{row.key}"],
            )
            for row in ROWS
            if self.cleaned_data.get(f"step_{row.key}") is not None
        }

    def pairs(self):
        return [
            (row, self[f"step_{row.key}"], self[f"reason_{row.key}"]) for row in ROWS
        ]
