from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from .builtin import BUILTIN_SETS
from .models import MAX_QUESTIONS, Outcome, QuestionSet

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def source_choices(own_sets) -> list:
    """The built-in sets and the municipality's own, as ``builtin:<key>`` and
    ``set:<id>``."""
    choices: list = [
        (
            gettext_lazy("Fælles' spørgsmålssæt"),
            [(f"builtin:{b.key}", b.title) for b in BUILTIN_SETS],
        )
    ]
    own = [(f"set:{s.pk}", s.title) for s in own_sets]
    if own:
        choices.append((gettext_lazy("Kommunens egne spørgsmålssæt"), own))
    return choices


class SessionForm(forms.Form):
    department: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Team"), queryset=None, empty_label=None
    )
    title = forms.CharField(
        label=gettext_lazy("Titel"),
        max_length=120,
        help_text=gettext_lazy("Fx “Teammøde i marts” eller “Efter sommerferien”."),
    )
    date = forms.DateField(label=gettext_lazy("Dato"), widget=DATE_WIDGET)
    source = forms.ChoiceField(label=gettext_lazy("Spørgsmål"))

    def __init__(self, *args, departments, own_sets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["source"].choices = source_choices(own_sets)


class NotesForm(forms.Form):
    """A private note per question (each optional)."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            self.fields[f"note_{q.pk}"] = forms.CharField(
                label=f"{q.position}. {q.text}",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def texts(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data[f"note_{q.pk}"] for q in self.questions}


class AnswersForm(forms.Form):
    """The team's shared answer per question."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            self.fields[f"answer_{q.pk}"] = forms.CharField(
                label=f"{q.position}. {q.text}",
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data[f"answer_{q.pk}"] for q in self.questions}


class ActionForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Handling"),
        max_length=300,
        help_text=gettext_lazy("Hvad gør vi – så konkret, at vi kan se, om det skete."),
    )
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Ansvarlig"),
        queryset=None,
        empty_label=gettext_lazy("Vælg en fra teamet"),
    )
    due = forms.DateField(label=gettext_lazy("Senest"), widget=DATE_WIDGET)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members
        self.fields["owner"].label_from_instance = lambda u: u.display_name


class FollowUpForm(forms.Form):
    """Per earlier action: how it went (or not yet), with a short note."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            key = item.action.pk
            self.fields[f"outcome_{key}"] = forms.ChoiceField(
                label=gettext_lazy("Udfald"),
                choices=[("", gettext_lazy("Ikke fulgt op endnu")), *Outcome.choices],
                required=False,
            )
            self.fields[f"note_{key}"] = forms.CharField(
                label=gettext_lazy("Note"), required=False, max_length=300
            )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"outcome_{i.action.pk}") for i in self.items):
            raise forms.ValidationError(
                gettext_lazy("Angiv udfaldet for mindst én handling.")
            )
        return cleaned

    def rows(self):
        return [
            (item, self[f"outcome_{item.action.pk}"], self[f"note_{item.action.pk}"])
            for item in self.items
        ]

    def outcomes(self) -> dict[int, tuple[str, str]]:
        return {
            i.action.pk: (
                self.cleaned_data[f"outcome_{i.action.pk}"],
                self.cleaned_data[f"note_{i.action.pk}"],
            )
            for i in self.items
            if self.cleaned_data.get(f"outcome_{i.action.pk}")
        }


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=gettext_lazy("Opsummering"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Kort: hvad talte I om, og hvad aftalte I? Skriv ingen navne."
        ),
        error_messages={
            "required": gettext_lazy("Skriv kort, hvad I talte om og aftalte.")
        },
    )
    share = forms.BooleanField(
        label=gettext_lazy("Teamet vil dele opsummeringen i læringsbanken"),
        required=False,
        help_text=gettext_lazy(
            "Alle, der kan læse læringsbanken, kan læse opsummeringen – også "
            "alle uden for kommunen, hvis kommunen deler læringsbanken "
            "offentligt. Noter, svar og handlinger deles ikke."
        ),
    )


class QuestionSetForm(forms.ModelForm):
    questions_text = forms.CharField(
        label=gettext_lazy("Spørgsmål"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Ét spørgsmål pr. linje, i den rækkefølge I tager dem."),
        error_messages={"required": gettext_lazy("Skriv mindst ét spørgsmål.")},
    )

    class Meta:
        model = QuestionSet
        fields = ["title", "intro", "guide"]
        widgets = {
            "intro": forms.Textarea(attrs={"rows": 3}),
            "guide": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "intro": gettext_lazy("Hvad sættet er til, i et par linjer."),
            "guide": gettext_lazy(
                "Trin, tider, og hvordan I holder de individuelle noter først og "
                "aftaler handlinger."
            ),
        }

    def questions(self) -> list[str]:
        return [
            line.strip()
            for line in self.cleaned_data["questions_text"].splitlines()
            if line.strip()
        ]

    def clean_questions_text(self):
        value = self.cleaned_data["questions_text"]
        lines = [line for line in value.splitlines() if line.strip()]
        if len(lines) > MAX_QUESTIONS:
            raise forms.ValidationError(
                gettext_lazy("Højst %(n)s spørgsmål i et sæt.") % {"n": MAX_QUESTIONS}
            )
        return value
