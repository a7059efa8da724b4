"""The competence directory: what an employee knows and can help with beyond the
job title (``Profile``, with its search terms ``ProfileTerm``), and questions to a
colleague — or to anyone who knows something — with the answer and a thanks
(``Question``).

Each part of a profile has its own sharing choice; only what is shared with the
employees is ever indexed or shown to anyone but its owner. Lived experience may
be special-category data (health, for one): it is kept only with the person's
explicit consent, and withdrawing the consent deletes it (docs/competences.md).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel, TenantQuerySet
from faelles.municipalities.tenancy import tenant_reverse

MAX_TAGS = 12
TAG_LENGTH = 40
TEXT_LENGTH = 2000
QUESTION_LENGTH = 2000
ANSWER_LENGTH = 4000
THANKS_LENGTH = 500
# A person may have this many questions waiting for an answer at a time.
MAX_OPEN_QUESTIONS = 5
# A question "to anyone who knows …" goes to this many of the best matches.
ANYONE_RECIPIENTS = 5


class Sharing(models.TextChoices):
    EMPLOYEES = "employees", _("Del med alle medarbejdere i kommunen")
    PRIVATE = "private", _("Kun mig")


class Profile(TenantModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    skills = models.TextField(
        _("det kan jeg hjælpe med"), max_length=TEXT_LENGTH, blank=True
    )
    tags = models.JSONField(_("emneord"), default=list, blank=True)
    skills_sharing = models.CharField(
        _("deling af kompetencer"),
        max_length=12,
        choices=Sharing.choices,
        default=Sharing.EMPLOYEES,
    )
    languages = models.JSONField(_("sprog"), default=list, blank=True)
    languages_sharing = models.CharField(
        _("deling af sprog"),
        max_length=12,
        choices=Sharing.choices,
        default=Sharing.EMPLOYEES,
    )
    # Special-category data possible: kept only with consent, private by default.
    experience = models.TextField(
        _("levede erfaringer"), max_length=TEXT_LENGTH, blank=True
    )
    experience_consent_at = models.DateTimeField(
        _("samtykke til levede erfaringer"), null=True, blank=True
    )
    experience_sharing = models.CharField(
        _("deling af levede erfaringer"),
        max_length=12,
        choices=Sharing.choices,
        default=Sharing.PRIVATE,
    )
    networks = models.TextField(
        _("netværk i lokalsamfundet"), max_length=TEXT_LENGTH, blank=True
    )
    networks_sharing = models.CharField(
        _("deling af netværk"),
        max_length=12,
        choices=Sharing.choices,
        default=Sharing.EMPLOYEES,
    )
    open_to_questions = models.BooleanField(
        _("kolleger må stille mig spørgsmål"), default=True
    )
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    # Whether the profile has search terms, i.e. shares something: written with
    # the terms (services._reindex), so the directory need not look for a term
    # of every profile on every page (PostgreSQL hashed all the terms for it).
    indexed = models.BooleanField(default=False, editable=False)
    # Whether colleagues find the profile: it is indexed, its owner's account is
    # active and its owner is an employee of this municipality. Kept by database
    # triggers on the profile, the account and the membership (migration 0003,
    # ``listing.py``), so that bulk updates, the admin and the shell keep it too; the
    # directory then reads one column instead of joining every account and
    # membership (PostgreSQL misjudged that join in a shared database).
    listed = models.BooleanField(default=False, editable=False)
    # The owner's display name, for the directory's "everyone, by name": one
    # index of the listed profiles in name order (``profile_listed_by_name``)
    # instead of joining and sorting every account. Kept by database triggers on
    # the profile and the account (migration 0004, ``naming.py``).
    owner_name = models.CharField(max_length=120, default="", editable=False)

    class Meta:
        verbose_name = _("kompetenceprofil")
        verbose_name_plural = _("kompetenceprofiler")
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["municipality", "owner_name", "id"],
                condition=models.Q(listed=True),
                name="profile_listed_by_name",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "user"], name="one_competence_profile"
            ),
            # Lived experience is never kept without consent.
            models.CheckConstraint(
                condition=models.Q(experience="")
                | models.Q(experience_consent_at__isnull=False),
                name="experience_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return tenant_reverse("competences:person", self.municipality, pk=self.pk)

    def shares(self, part: str) -> bool:
        return getattr(self, f"{part}_sharing") == Sharing.EMPLOYEES

    @property
    def shared_skills(self) -> bool:
        return self.shares("skills") and bool(self.skills or self.tags)

    @property
    def shared_languages(self) -> bool:
        return self.shares("languages") and bool(self.languages)

    @property
    def shared_experience(self) -> bool:
        return (
            self.shares("experience")
            and bool(self.experience)
            and self.experience_consent_at is not None
        )

    @property
    def shared_networks(self) -> bool:
        return self.shares("networks") and bool(self.networks)

    @property
    def shares_anything(self) -> bool:
        return (
            self.shared_skills
            or self.shared_languages
            or self.shared_experience
            or self.shared_networks
        )

    def language_names(self) -> list[str]:
        from faelles.accounts.models import LANGUAGE_CHOICES

        names = dict(LANGUAGE_CHOICES)
        return [str(names.get(code, code)) for code in self.languages]


class ProfileTerm(models.Model):
    """One search term of what a profile shares (the matching engine's analysis:
    ``w:<stem>``, ``c:<concept>``; ``l:<code>`` for a language), so a search is an
    indexed lookup however many employees the municipality has."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "term"], name="one_term")
        ]
        indexes = [
            # With the profile, so a search reads the index alone (PostgreSQL's
            # index-only scan) instead of a heap page per matching term.
            models.Index(
                fields=["municipality", "term", "profile"],
                name="competence_term_profile_idx",
            )
        ]

    def __str__(self) -> str:
        return self.term


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Venter på svar")
    ANSWERED = "answered", _("Besvaret")
    DECLINED = "declined", _("Afslået")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


class QuestionQuerySet(TenantQuerySet):
    def open(self):
        return self.filter(status=QuestionStatus.OPEN)

    def waiting_for(self, user):
        """Open questions this person may answer: to them, or to anyone who
        knows the topic where they were among those asked."""
        return (
            self.open()
            .filter(models.Q(recipient=user) | models.Q(invited=user))
            .distinct()
        )


QuestionManager = models.Manager.from_queryset(QuestionQuerySet)


class Question(TenantModel):
    """A question to one colleague (``recipient``) or to anyone who knows
    ``topic`` (``recipient`` empty; the best matches are ``invited``)."""

    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("spurgt af"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("til"),
    )
    invited = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+"
    )
    topic = models.CharField(_("emne"), max_length=120, blank=True)
    text = models.TextField(_("spørgsmål"), max_length=QUESTION_LENGTH)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=QuestionStatus.choices,
        default=QuestionStatus.OPEN,
    )
    answer = models.TextField(_("svar"), max_length=ANSWER_LENGTH, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besvaret af"),
    )
    answered_at = models.DateTimeField(_("besvaret"), null=True, blank=True)
    decline_note = models.CharField(
        _("besked med afslaget"), max_length=300, blank=True
    )
    thanks = models.TextField(_("tak"), max_length=THANKS_LENGTH, blank=True)
    thanked_at = models.DateTimeField(_("takket"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects: ClassVar[QuestionManager] = QuestionManager()

    class Meta:
        verbose_name = _("spørgsmål til en kollega")
        verbose_name_plural = _("spørgsmål til kolleger")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["municipality", "recipient", "status"],
                name="competence_q_recipient_idx",
            ),
            models.Index(
                fields=["municipality", "asker", "status"],
                name="competence_q_asker_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(recipient=models.F("asker")),
                name="question_not_to_oneself",
            ),
            models.CheckConstraint(
                condition=models.Q(recipient__isnull=False) | ~models.Q(topic=""),
                name="question_to_someone_or_about_something",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return tenant_reverse("competences:question", self.municipality, pk=self.pk)

    @property
    def is_open(self) -> bool:
        return self.status == QuestionStatus.OPEN

    @property
    def to_anyone(self) -> bool:
        return self.recipient_id is None
