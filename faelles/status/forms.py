from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.core.status_sources import StatusFilter, status_sources
from faelles.municipalities.models import FocusArea, Theme
from faelles.organisations.models import Organisation


class StatusFilterForm(forms.Form):
    """The status page's filters (GET). Only the municipality's own themes,
    focus areas and departments are accepted; anything else is refused with a
    message and the filter is left out."""

    theme = forms.ModelChoiceField(
        queryset=Theme.objects.none(),
        to_field_name="key",
        required=False,
        label=_("Tema"),
        empty_label=_("Alle temaer"),
        error_messages={"invalid_choice": _("Temaet findes ikke i kommunen.")},
    )
    focus_area = forms.ModelChoiceField(
        queryset=FocusArea.objects.none(),
        to_field_name="key",
        required=False,
        label=_("Indsatsområde"),
        empty_label=_("Alle indsatsområder"),
        error_messages={"invalid_choice": _("Indsatsområdet findes ikke i kommunen.")},
    )
    department = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=_("Afdeling"),
        empty_label=_("Alle afdelinger"),
        error_messages={"invalid_choice": _("Afdelingen findes ikke i kommunen.")},
    )
    kind = forms.ChoiceField(required=False, label=_("Vis"))
    overdue = forms.BooleanField(required=False, label=_("Kun det, der er forsinket"))
    mine = forms.BooleanField(required=False, label=_("Kun mit"))

    def __init__(self, data, *, municipality, user):
        super().__init__(data)
        self.fields["theme"].queryset = Theme.objects.filter(
            municipality=municipality
        ).order_by("position", "id")
        self.fields["theme"].label_from_instance = lambda t: t.name_local
        self.fields["focus_area"].queryset = (
            FocusArea.objects.filter(municipality=municipality)
            .select_related("theme")
            .order_by("theme__position", "theme_id", "position", "id")
        )
        self.fields["focus_area"].label_from_instance = lambda a: (
            f"{a.theme.name_local}: {a.name_local}"
        )
        self.fields["department"].queryset = Organisation.objects.filter(
            municipality=municipality, kind="department"
        ).order_by("name")
        self.fields["kind"].choices = [("", _("Alt")), *(
            (s.key, s.label) for s in status_sources()
        )]  # fmt: skip
        if not user.is_authenticated:
            del self.fields["mine"]

    def clean(self):
        data = super().clean()
        theme, area = data.get("theme"), data.get("focus_area")
        if theme is not None and area is not None and area.theme_id != theme.pk:
            self.add_error(
                "focus_area", _("Indsatsområdet hører ikke under det valgte tema.")
            )
        return data


def filter_from_query(query, *, municipality, user):
    """(form, StatusFilter, kind) from the page's query string. "Mine" is the
    reader; an anonymous reader has no "mine"."""
    form = StatusFilterForm(query or None, municipality=municipality, user=user)
    data = {}
    if form.is_bound:
        form.is_valid()  # invalid fields are left out, with their message shown
        data = form.cleaned_data
    status_filter = StatusFilter(
        today=timezone.localdate(),
        theme=data.get("theme"),
        focus_area=data.get("focus_area"),
        department=data.get("department"),
        person=user if data.get("mine") and user.is_authenticated else None,
        overdue_only=bool(data.get("overdue")),
    )
    return form, status_filter, data.get("kind") or ""
