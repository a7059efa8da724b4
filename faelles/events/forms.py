from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from faelles.communities.models import Community, Movement
from faelles.initiatives.models import Initiative

from .models import Event


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class EventForm(forms.ModelForm):
    def __init__(self, *args, municipality, user, can_municipal: bool, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff attach events to any community they may see — not to hidden
        # groups they are not in, whose names the list would reveal.
        communities = Community.objects.filter(
            municipality=municipality, is_active=True
        ).visible_to(user, municipality)
        movements = Movement.objects.filter(municipality=municipality, is_active=True)
        initiatives = (
            Initiative.objects.filter(municipality=municipality)
            .visible()
            .visible_to(user, municipality)
        )
        if not can_municipal:
            communities = communities.filter(members__user=user, members__is_host=True)
            movements = movements.filter(leader=user)
            initiatives = initiatives.filter(proposer=user)
        cast(forms.ModelChoiceField, self.fields["community"]).queryset = communities
        cast(forms.ModelChoiceField, self.fields["movement"]).queryset = movements
        cast(
            forms.ModelChoiceField, self.fields["initiative"]
        ).queryset = initiatives.only("id", "municipality_id", "title")
        self.can_municipal = can_municipal
        # Only staff make an event staff-only, when they create it; afterwards
        # it can only be opened to citizens. Citizens never see the field.
        if not can_municipal or (self.instance.pk and not self.instance.staff_only):
            del self.fields["staff_only"]
        elif self.instance.pk:
            self.fields["staff_only"].help_text = _(
                "Fjern fluebenet for at åbne det for borgerne. Det kan ikke "
                "gøres om bagefter."
            )

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "address",
            "capacity",
            "step_free",
            "hearing_loop",
            "accessible_toilet",
            "accessibility_note",
            "community",
            "movement",
            "initiative",
            "source",
            "staff_only",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
        }

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Arrangementet skal slutte efter det starter."))
        links = [k for k in ("community", "movement", "initiative") if data.get(k)]
        if len(links) > 1:
            self.add_error(
                links[1],
                _(
                    "Vælg kun én af dem: et fællesskab, en bevægelse eller et "
                    "initiativ."
                ),
            )
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Hvorfor aflyses arrangementet?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alle tilmeldte og alle på ventelisten får besked."),
    )


class CalendarFilterForm(forms.Form):
    is_filter = True  # filters are all optional; no "(frivilligt)" on each

    q = forms.CharField(label=_("Søg"), required=False, max_length=100)
    step_free = forms.BooleanField(label=_("Kun med trinfri adgang"), required=False)
