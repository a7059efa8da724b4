from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation


class OrganisationForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[
            c for c in Organisation.Kind.choices if c[0] != Organisation.Kind.DEPARTMENT
        ],
    )

    class Meta:
        model = Organisation
        fields = [
            "kind",
            "name",
            "description",
            "postcode",
            "email",
            "phone",
            "website",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class DepartmentForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "parent", "description", "email", "phone"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Organisation.objects.filter(
            municipality=municipality, kind=Organisation.Kind.DEPARTMENT
        ).order_by("name")
        if self.instance.pk:
            # Not itself, nor any unit under it (that would make a cycle).
            from .selectors import unit_ids_under

            parents = parents.exclude(pk__in=unit_ids_under(self.instance))
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = _("Ingen – øverste niveau")
        self.instance.municipality = municipality
        self.instance.kind = Organisation.Kind.DEPARTMENT


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail på personen"))
    is_admin = forms.BooleanField(
        label=_("Kan redigere organisationen"), required=False
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_email(self):
        from faelles.accounts.models import User

        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(
            email=email, memberships__municipality=self.municipality
        ).first()
        if user is None:
            raise forms.ValidationError(
                _(
                    "Der er ingen med den e-mail i kommunen. Personen skal først oprette sig og blive medlem."
                )
            )
        self.user = user
        return email
