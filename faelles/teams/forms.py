from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import Case, F, Value, When
from django.db.models.functions import Left, StrIndex
from django.utils.translation import gettext_lazy

from faelles.accounts.models import User
from faelles.committees.models import OPEN_STATUSES, FollowUpAction
from faelles.core.forms import LongModelChoiceField
from faelles.initiatives.models import Initiative
from faelles.initiatives.models import State as InitiativeState

from .models import Again, TeamMember

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
OFFERED = 200  # the newest of each kind; a team is formed around something current


class TeamForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Navn"),
        max_length=120,
        help_text=gettext_lazy("Fx “Badebroen i Dalby” eller “Ensomhed blandt ældre”."),
    )
    purpose = forms.CharField(
        label=gettext_lazy("Formål"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Hvad skal teamet nå, og hvorfor på tværs?"),
    )
    initiative = forms.ModelChoiceField(
        label=gettext_lazy("Initiativ"),
        queryset=Initiative.objects.none(),
        required=False,
        empty_label=gettext_lazy("Intet initiativ"),
    )
    follow_up = forms.ModelChoiceField(
        label=gettext_lazy("Opfølgning fra et opgaveudvalg"),
        queryset=FollowUpAction.objects.none(),
        required=False,
        empty_label=gettext_lazy("Ingen opfølgning"),
    )
    task = forms.CharField(
        label=gettext_lazy("Opgave"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Skriv opgaven, hvis teamet ikke er dannet om et initiativ eller en "
            "opfølgning."
        ),
    )
    end_date = forms.DateField(label=gettext_lazy("Slutdato"), widget=DATE_WIDGET)
    call_text = forms.CharField(
        label=gettext_lazy("Hvem søger I?"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "Vises i opslaget til kolleger, fx “en fra Teknik og Miljø, der kender "
            "kysten”."
        ),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["initiative"]).queryset = (
            Initiative.objects.for_municipality(municipality)
            .filter(
                state__in=[
                    InitiativeState.PREPARING,
                    InitiativeState.TRYING,
                    InitiativeState.EVALUATING,
                ]
            )
            .order_by("-id")[:OFFERED]
        )
        cast(forms.ModelChoiceField, self.fields["follow_up"]).queryset = (
            FollowUpAction.objects.for_municipality(municipality)
            .filter(status__in=OPEN_STATUSES)
            .order_by("-id")[:OFFERED]
        )


class TeamEditForm(forms.Form):
    title = TeamForm.base_fields["title"]
    purpose = TeamForm.base_fields["purpose"]
    task = TeamForm.base_fields["task"]
    end_date = TeamForm.base_fields["end_date"]
    call_text = TeamForm.base_fields["call_text"]


class VolunteerForm(forms.Form):
    motivation = forms.CharField(
        label=gettext_lazy("Hvad kan du bidrage med?"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Et par linjer om hvad du kan, og hvor meget tid du har."
        ),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Hilsen"), max_length=300, required=False
    )


class PostForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Besked til teamet"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FileForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=150, required=False)
    file = forms.FileField(
        label=gettext_lazy("Fil"),
        help_text=gettext_lazy(
            "PDF, Word (docx), ODT, tekst, PNG eller JPEG; højst 10 MB."
        ),
    )


class TaskForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Opgave"), max_length=200)
    # Options written in one pass (a long-lived team has many members);
    # a choice is checked against the team's members when the form is sent.
    owner: forms.ModelChoiceField = LongModelChoiceField(
        label=gettext_lazy("Ansvarlig"),
        queryset=None,
        empty_label=None,
        label_field="label",
        error_messages={
            "invalid_choice": gettext_lazy("Vælg en af teamets medlemmer.")
        },
    )
    due = forms.DateField(label=gettext_lazy("Senest"), widget=DATE_WIDGET)

    def __init__(self, *args, team, members=None, **kwargs):
        """``members``: the team's members when the page has read them already
        (the options come from them, without another query)."""
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        # The label is what ``str(user)`` shows: the name, else the address's
        # part before the @.
        field.queryset = (
            User.objects.filter(
                pk__in=TeamMember.objects.filter(team=team).values("user_id")
            )
            .annotate(
                label=Case(
                    When(
                        display_name="",
                        then=Left("email", StrIndex("email", Value("@")) - 1),
                    ),
                    default=F("display_name"),
                )
            )
            .order_by("label", "id")
        )
        if members is not None:
            field.choices = sorted(
                ((m.user_id, str(m.user)) for m in members),
                key=lambda choice: (choice[1].casefold(), choice[0]),
            )

    def owner_user(self):
        return self.cleaned_data["owner"]


class CloseForm(forms.Form):
    worked = forms.CharField(
        label=gettext_lazy("Hvad virkede?"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    did_not_work = forms.CharField(
        label=gettext_lazy("Hvad virkede ikke?"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    again = forms.ChoiceField(
        label=gettext_lazy("Ville I gøre det igen?"),
        choices=Again.choices,
        widget=forms.RadioSelect,
    )
    share = forms.BooleanField(
        label=gettext_lazy("Del evalueringen i læringsbanken"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "Læringsbanken kan være offentlig. Evalueringen vises med teamets navn, "
            "formål og afdelingernes antal – ingen navne på personer."
        ),
    )
