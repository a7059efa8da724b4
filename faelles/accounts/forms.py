from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.socialaccount.forms import SignupForm as AllauthSocialSignupForm
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from faelles.organisations.models import Organisation

from .models import LANGUAGE_CHOICES, Membership, User


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        label=_("Dit navn"),
        max_length=120,
        help_text=_("Det navn andre ser, når du deltager."),
    )
    accept_terms = forms.BooleanField(
        label=_("Jeg har læst, hvordan Fælles behandler mine oplysninger"),
        required=True,
    )

    field_order = ["display_name", "email", "password1", "password2", "accept_terms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].help_text = format_html(
            '<a href="{}">{}</a>',
            reverse("privacy"),
            _("Læs om dine oplysninger og dine rettigheder"),
        )


class SocialSignupForm(AllauthSocialSignupForm):
    """The first login with MitID when the provider sent no usable e-mail address:
    the person gives one (confirmed by mail before it counts) and a name."""

    display_name = forms.CharField(
        label=_("Dit navn"),
        max_length=120,
        help_text=_("Det navn andre ser, når du deltager."),
    )
    accept_terms = forms.BooleanField(
        label=_("Jeg har læst, hvordan Fælles behandler mine oplysninger"),
        required=True,
    )

    field_order = ["display_name", "email", "accept_terms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.sociallogin.user
        if user is not None and getattr(user, "display_name", ""):
            self.fields["display_name"].initial = user.display_name
        self.fields["accept_terms"].help_text = format_html(
            '<a href="{}">{}</a>',
            reverse("privacy"),
            _("Læs om dine oplysninger og dine rettigheder"),
        )


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Sprog jeg taler"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "postcode",
            "languages",
            "bio",
            "profile_visibility",
            "show_postcode",
            "show_languages",
            "preferred_language",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "profile_visibility": forms.RadioSelect,
        }
        help_texts = {
            "postcode": _(
                "Bruges til at finde fællesskaber og muligheder nær dig. Vises kun, hvis du vælger det."
            ),
            "bio": _("Højst 1.000 tegn."),
        }

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Skriv det navn, andre skal se."))
        return name


class MembershipRolesForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = [
            "is_citizen",
            "is_employee",
            "department",
            "job_title",
            "is_leader",
            "is_politician",
            "party",
            "is_moderator",
            "is_administrator",
        ]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Organisation.objects.filter(
            municipality=municipality, kind=Organisation.Kind.DEPARTMENT
        )
        # Not required for everyone, but not optional either: say when it is needed.
        self.fields["party"].required_when = _("skal udfyldes for politikere")

    def clean(self):
        data = super().clean()
        if data.get("department") and not data.get("is_employee"):
            self.add_error("department", _("Kun medarbejdere hører til en afdeling."))
        if data.get("is_leader") and not data.get("department"):
            self.add_error(
                "is_leader", _("Vælg den afdeling, lederen leder, under “Afdeling”.")
            )
        if data.get("is_politician") and not data.get("party", "").strip():
            self.add_error(
                "party", _("Angiv partiet for en politiker (eller “Løsgænger”).")
            )
        return data


class DeleteAccountForm(forms.Form):
    confirm_email = forms.EmailField(label=_("Skriv din e-mail for at bekræfte"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self):
        value = self.cleaned_data["confirm_email"].strip().lower()
        if value != self.user.email.lower():
            raise forms.ValidationError(_("E-mailen passer ikke med din konto."))
        return value


class PersonByEmailForm(forms.Form):
    """A person of the municipality, given by e-mail (to invite, add or refer):
    an active account with a membership there; ``self.user`` once valid."""

    email = forms.EmailField(label=_("Personens e-mail"))

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.user = None

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        self.user = User.objects.filter(
            email=email, memberships__municipality=self.municipality, is_active=True
        ).first()
        if self.user is None:
            raise forms.ValidationError(
                _("Der er ingen person med den e-mail i kommunen på Fælles.")
            )
        return email
