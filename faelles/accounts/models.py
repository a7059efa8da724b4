"""People: one account across municipalities, a membership with roles in each."""

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

postcode_validator = RegexValidator(r"^\d{4}$", _("Et postnummer har fire cifre."))

LANGUAGE_CHOICES = [
    ("da", _("dansk")),
    ("en", _("engelsk")),
    ("de", _("tysk")),
    ("sv", _("svensk")),
    ("no", _("norsk")),
    ("pl", _("polsk")),
    ("uk", _("ukrainsk")),
    ("ro", _("rumænsk")),
    ("lt", _("litauisk")),
    ("ar", _("arabisk")),
    ("tr", _("tyrkisk")),
    ("fa", _("persisk")),
    ("so", _("somali")),
    ("ur", _("urdu")),
    ("ta", _("tamil")),
    ("ti", _("tigrinya")),
    ("es", _("spansk")),
    ("fr", _("fransk")),
    ("kl", _("grønlandsk")),
    ("fo", _("færøsk")),
]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("Email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class ProfileVisibility(models.TextChoices):
    PRIVATE = "private", _("Kun mig selv")
    MEMBERS = "members", _("Medlemmer af mine kommuner")
    PUBLIC = "public", _("Alle, også uden at logge ind")


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail"), unique=True)
    display_name = models.CharField(_("navn"), max_length=120, blank=True)
    postcode = models.CharField(
        _("postnummer"), max_length=4, blank=True, validators=[postcode_validator]
    )
    languages = models.JSONField(_("sprog jeg taler"), default=list, blank=True)
    bio = models.TextField(_("kort om mig"), max_length=1000, blank=True)
    profile_visibility = models.CharField(
        _("hvem må se min profil"),
        max_length=10,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.MEMBERS,
    )
    show_postcode = models.BooleanField(_("vis mit postnummer"), default=False)
    show_languages = models.BooleanField(_("vis de sprog jeg taler"), default=True)
    preferred_language = models.CharField(
        _("foretrukket sprog"),
        max_length=5,
        default="da",
        choices=settings.LANGUAGES,
    )
    # The municipality someone signed up from: they join it once their e-mail
    # address is confirmed (not before, so unconfirmed sign-ups count nowhere).
    joining = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    is_staff = models.BooleanField(_("adgang til Django-admin"), default=False)
    is_active = models.BooleanField(_("aktiv"), default=True)
    date_joined = models.DateTimeField(_("oprettet"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.display_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return str(self)

    def get_short_name(self) -> str:
        return str(self)

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile")

    @property
    def language_labels(self) -> list[str]:
        """The languages the person speaks, by name in the current language."""
        names = dict(LANGUAGE_CHOICES)
        return [str(names.get(code, code)) for code in self.languages]


class Membership(models.Model):
    """A person's place in one municipality, with the roles they hold there."""

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("kommune"),
    )
    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    is_citizen = models.BooleanField(_("borger"), default=True)
    is_employee = models.BooleanField(_("medarbejder"), default=False)
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name=_("afdeling"),
        limit_choices_to={"kind": "department"},
    )
    job_title = models.CharField(_("stilling"), max_length=120, blank=True)
    # Leads their department and every unit under it (docs/leaders.md).
    is_leader = models.BooleanField(_("leder"), default=False)
    is_politician = models.BooleanField(_("politiker"), default=False)
    party = models.CharField(_("parti"), max_length=120, blank=True)
    is_moderator = models.BooleanField(_("moderator"), default=False)
    is_administrator = models.BooleanField(_("administrator"), default=False)
    joined_at = models.DateTimeField(_("medlem siden"), default=timezone.now)

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        ordering = ["municipality", "user__display_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "user"], name="one_membership_per_municipality"
            ),
            models.CheckConstraint(
                condition=models.Q(is_employee=True)
                | models.Q(department__isnull=True),
                name="department_only_for_employees",
            ),
            models.CheckConstraint(
                condition=models.Q(is_leader=False)
                | models.Q(department__isnull=False),
                name="leader_leads_a_department",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "municipality"]),
            # The administrators' member list pages newest first (keyset on id).
            models.Index(fields=["municipality", "-id"], name="membership_newest"),
            # Few people hold these roles: small partial indexes find them fast.
            *(
                models.Index(
                    fields=["municipality", "-id"],
                    condition=models.Q(**{f"is_{role}": True}),
                    name=f"membership_{role}s",
                )
                for role in ("employee", "politician", "moderator", "administrator")
            ),
            # The competence directory asks, for every listed profile, whether
            # its owner is an employee here (and in which unit): answered from
            # this small index alone (docs/competences.md, "Benchmark").
            models.Index(
                fields=["municipality", "user", "department"],
                condition=models.Q(is_employee=True),
                name="membership_employee_users",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.municipality}"

    @property
    def role_labels(self) -> list[str]:
        labels = []
        for field in [
            "is_citizen",
            "is_employee",
            "is_leader",
            "is_politician",
            "is_moderator",
            "is_administrator",
        ]:
            if getattr(self, field):
                model_field = self._meta.get_field(field)
                assert isinstance(model_field, models.Field)  # the role flags
                labels.append(str(model_field.verbose_name))
        return labels


class AssuranceLevel(models.TextChoices):
    """The NSIS assurance levels (eIDAS LoA) of an electronic identity, in order."""

    LOW = "low", _("lav")
    SUBSTANTIAL = "substantial", _("betydelig")
    HIGH = "high", _("høj")

    @classmethod
    def rank(cls, level: str) -> int:
        """0 for none or unknown, then 1, 2, 3: compare levels with this."""
        order: list[str] = [cls.LOW, cls.SUBSTANTIAL, cls.HIGH]
        return order.index(level) + 1 if level in order else 0


class VerifiedIdentity(models.Model):
    """A person's identity as the OpenID Connect provider (MitID) last vouched for.

    One per account and one account per identity: the provider's subject is
    unique (so is allauth's ``SocialAccount`` for it). Kept up to date at every
    login through the provider; only what decisions need is kept — the assurance
    level, when it was verified, and, when the provider sends them, the birth date
    and the municipality code and postcode of the address. Never the CPR number.
    See docs/operations.md, "Login with MitID".
    """

    user = models.OneToOneField(
        User,
        on_delete=models.CASCADE,
        related_name="verified_identity",
        verbose_name=_("person"),
    )
    provider = models.CharField(_("udbyder"), max_length=200)
    subject = models.CharField(_("identitet hos udbyderen"), max_length=191)
    assurance_level = models.CharField(
        _("sikringsniveau"), max_length=12, choices=AssuranceLevel.choices, blank=True
    )
    verified_at = models.DateTimeField(_("bekræftet"))
    birth_date = models.DateField(_("fødselsdato"), null=True, blank=True)
    municipality_code = models.CharField(
        _("kommunekode (bopæl)"), max_length=4, blank=True
    )
    postcode = models.CharField(_("postnummer (bopæl)"), max_length=4, blank=True)

    class Meta:
        verbose_name = _("verificeret identitet")
        verbose_name_plural = _("verificerede identiteter")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "subject"], name="one_account_per_identity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.user}"

    def at_least(self, level: str) -> bool:
        return AssuranceLevel.rank(self.assurance_level) >= AssuranceLevel.rank(level)
