from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from faelles.accounts.models import LANGUAGE_CHOICES
from faelles.core.forms import LongModelChoiceField, OnePassSelect

from .models import (
    ANSWER_LENGTH,
    QUESTION_LENGTH,
    TEXT_LENGTH,
    THANKS_LENGTH,
    Sharing,
)


def _sharing(label):
    return forms.ChoiceField(
        label=label,
        choices=Sharing.choices,
        widget=forms.RadioSelect,
        initial=Sharing.EMPLOYEES,
    )


def _text(label, help_text="", rows=4, length=TEXT_LENGTH):
    return forms.CharField(
        label=label,
        required=False,
        max_length=length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ProfileForm(forms.Form):
    skills = _text(
        gettext_lazy("Det kan jeg hjælpe med"),
        gettext_lazy(
            "Det, du ved og kan ud over din stilling: fx »har startet en "
            "forening«, »kan lave budgetter i Excel«, »kender reglerne for "
            "frivillige«."
        ),
    )
    tags = forms.CharField(
        label=gettext_lazy("Emneord"),
        required=False,
        max_length=600,
        help_text=gettext_lazy(
            "Adskil med komma, højst 12. Fx »fundraising, podcast, førstehjælp«."
        ),
    )
    skills_sharing = _sharing(gettext_lazy("Hvem må se det, du kan hjælpe med?"))
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Sprog jeg taler"),
        required=False,
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    languages_sharing = _sharing(gettext_lazy("Hvem må se dine sprog?"))
    experience = _text(
        gettext_lazy("Levede erfaringer, du vil dele"),
        gettext_lazy(
            "Erfaringer fra dit eget liv, som kan hjælpe andre: fx at være "
            "pårørende, at leve med en sygdom, at være kommet til Danmark som "
            "voksen. Skriv kun det, du selv vil dele."
        ),
    )
    experience_consent = forms.BooleanField(
        label=gettext_lazy(
            "Jeg giver samtykke til, at kommunen gemmer mine levede erfaringer "
            "her. Det kan være helbredsoplysninger. Jeg kan til enhver tid slette "
            "dem igen."
        ),
        required=False,
    )
    experience_sharing = forms.ChoiceField(
        label=gettext_lazy("Hvem må se dine levede erfaringer?"),
        choices=Sharing.choices,
        widget=forms.RadioSelect,
        initial=Sharing.PRIVATE,
    )
    networks = _text(
        gettext_lazy("Netværk i lokalsamfundet"),
        gettext_lazy(
            "Foreninger, klubber og steder, du kender folk: fx »træner i "
            "håndboldklubben«, »kender formanden for beboerforeningen«."
        ),
    )
    networks_sharing = _sharing(gettext_lazy("Hvem må se dit netværk?"))
    open_to_questions = forms.BooleanField(
        label=gettext_lazy("Kolleger må stille mig spørgsmål"),
        required=False,
        initial=True,
    )

    def tag_list(self) -> list[str]:
        return [t for t in self.cleaned_data["tags"].split(",") if t.strip()]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Søg efter kompetencer, sprog eller netværk"),
        required=False,
        max_length=200,
    )
    afdeling: forms.ModelChoiceField = LongModelChoiceField(
        label=gettext_lazy("Afdeling"),
        required=False,
        queryset=None,
        empty_label=gettext_lazy("Alle afdelinger"),
    )
    sprog = forms.ChoiceField(
        label=gettext_lazy("Sprog"), required=False, widget=OnePassSelect
    )

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["afdeling"].queryset = departments
        self.fields["sprog"].choices = [
            ("", gettext_lazy("Alle sprog")),
            *LANGUAGE_CHOICES,
        ]


class AskForm(forms.Form):
    text = _text(gettext_lazy("Dit spørgsmål"), rows=5, length=QUESTION_LENGTH)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True


class AskAnyoneForm(AskForm):
    topic = forms.CharField(
        label=gettext_lazy("Hvad handler det om?"),
        max_length=120,
        help_text=gettext_lazy(
            "Et eller få ord, fx »arabisk« eller »fundraising«. Spørgsmålet går til "
            "de kolleger, der passer bedst."
        ),
    )
    field_order = ["topic", "text"]


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Dit svar"),
        max_length=ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("En venlig besked"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Fx »Det ved jeg desværre ikke nok om – prøv Lene.«"),
    )


class ThanksForm(forms.Form):
    thanks = _text(gettext_lazy("Din tak"), rows=3, length=THANKS_LENGTH)
