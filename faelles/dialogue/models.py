"""Hearings and debates: a question or a draft in sections, comments paragraph by
paragraph, moderation, and the municipality's answer (docs/dialogue.md)."""

import secrets
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.accounts.models import postcode_validator
from faelles.core.storage import private_storage
from faelles.municipalities.models import (
    TenantModel,
    TenantQuerySet,
    focus_area_key,
    theme_key,
)
from faelles.municipalities.tenancy import tenant_reverse

if TYPE_CHECKING:
    from .selectors import Thread


class Kind(models.TextChoices):
    HEARING = "hearing", _("Høring")
    DEBATE = "debate", _("Debat")


class AgeBand(models.TextChoices):
    UNDER_18 = "u18", _("under 18 år")
    FROM_18 = "18-29", _("18–29 år")
    FROM_30 = "30-49", _("30–49 år")
    FROM_50 = "50-64", _("50–64 år")
    FROM_65 = "65+", _("65 år og derover")


class AuthorRole(models.TextChoices):
    """The role someone wrote in, kept with the comment (their badge)."""

    CITIZEN = "citizen", _("Borger")
    EMPLOYEE = "employee", _("Medarbejder")
    POLITICIAN = "politician", _("Politiker")


class HearingQuerySet(TenantQuerySet):
    def announced(self, now=None):
        """Hearings the public may see: announced (their first date has come)."""
        return self.filter(announced_at__lte=now or timezone.now())


HearingManager = models.Manager.from_queryset(HearingQuerySet)


class Hearing(TenantModel):
    """A hearing (on a draft) or a debate (on a question) in a municipality.

    Its phases follow from its dates (``phases.py``): announced, open for
    comments, closed, and answered once the municipality publishes its answer.
    """

    kind = models.CharField(
        _("slags"), max_length=10, choices=Kind.choices, default=Kind.HEARING
    )
    title = models.CharField(_("titel"), max_length=200)
    question = models.TextField(
        _("spørgsmål eller indledning"),
        max_length=4000,
        help_text=_("Hvad vil kommunen gerne høre om? Vises øverst."),
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("initiativ"),
    )
    budget_round = models.ForeignKey(
        "budgeting.BudgetRound",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("borgerbudget"),
    )
    # Public input to a task committee between its meetings (docs/committees.md);
    # the committee's page lists the hearings it asked for.
    committee = models.ForeignKey(
        "committees.TaskCommittee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hearings",
        verbose_name=_("opgaveudvalg"),
    )
    # Filed under the municipality's own strategy (docs/themes.md).
    theme = theme_key()
    focus_area = focus_area_key()
    announced_at = models.DateTimeField(_("annonceres"))
    opens_at = models.DateTimeField(_("åbner for kommentarer"))
    closes_at = models.DateTimeField(_("lukker for kommentarer"))
    answered_at = models.DateTimeField(_("svar offentliggjort"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    comment_count = models.PositiveIntegerField(default=0)

    objects: ClassVar[HearingManager] = HearingManager()

    class Meta:
        ordering = ["-opens_at", "-id"]
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        indexes = [models.Index(fields=["municipality", "-opens_at", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(announced_at__lte=models.F("opens_at")),
                name="hearing_announced_before_open",
            ),
            models.CheckConstraint(
                condition=Q(opens_at__lt=models.F("closes_at")),
                name="hearing_opens_before_close",
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True)
                | Q(answered_at__gte=models.F("closes_at")),
                name="hearing_answered_after_close",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("dialogue:detail", self.municipality_id, pk=self.pk)

    @property
    def current_phase(self):
        from faelles.core.phases import current_phase

        return current_phase(self)


class Section(models.Model):
    """A part of the draft with a heading; its text is split into paragraphs."""

    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(_("overskrift"), max_length=200, blank=True)

    class Meta:
        ordering = ["hearing", "position", "id"]

    def __str__(self) -> str:
        return self.heading


class Paragraph(models.Model):
    """One paragraph of a section: people comment on it by itself."""

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="paragraphs"
    )
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("tekst"), max_length=6000)

    # Set by selectors.hearing_page for the hearing's page; not stored.
    threads: "list[Thread]"
    comment_total: int
    more: bool

    class Meta:
        ordering = ["section", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


def _attachment_path(instance, filename: str) -> str:
    return f"dialogue/{instance.hearing_id}/{secrets.token_hex(8)}/{filename}"


class Attachment(models.Model):
    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("titel"), max_length=150)
    # Private storage: served by the view that checks the hearing is public.
    file = models.FileField(
        _("fil"), upload_to=_attachment_path, storage=private_storage
    )
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class Participant(models.Model):
    """Someone who took part in a hearing: told when the answer comes, and
    counted (never shown alone) in who was heard."""

    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    postcode = models.CharField(
        _("postnummer"), max_length=4, blank=True, validators=[postcode_validator]
    )
    age_band = models.CharField(
        _("aldersgruppe"), max_length=5, choices=AgeBand.choices, blank=True
    )
    first_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["hearing", "user"], name="one_participant_per_hearing"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.hearing_id}"


class Comment(models.Model):
    """A comment on the hearing's question or on one paragraph, or a reply."""

    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="comments"
    )
    paragraph = models.ForeignKey(
        Paragraph,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    body = models.TextField(_("kommentar"), max_length=4000)
    author_role = models.CharField(
        max_length=10, choices=AuthorRole.choices, default=AuthorRole.CITIZEN
    )
    # The party or job title shown in the badge, as it was when written.
    author_role_detail = models.CharField(max_length=120, blank=True)
    is_hidden = models.BooleanField(default=False)
    hidden_reason = models.CharField(_("begrundelse"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    # The person's own reaction, set by the selectors for a page; not stored.
    my_reaction: str

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["hearing", "id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_hidden=False) | ~Q(hidden_reason=""),
                name="dialogue_hidden_comment_has_reason",
            )
        ]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def speaks_for_municipality(self) -> bool:
        return self.author_role != AuthorRole.CITIZEN


class Reaction(models.Model):
    """One reaction per person per comment; choosing another changes it."""

    class Kind(models.TextChoices):
        AGREE = "agree", _("Enig")
        DISAGREE = "disagree", _("Uenig")
        USEFUL = "useful", _("God pointe")

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reactions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"], name="one_reaction_per_person"
            )
        ]

    def __str__(self) -> str:
        return self.kind


class Report(models.Model):
    """Someone tells the moderators a comment breaks the rules (once each)."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("hvad er galt?"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="one_report_per_person"
            )
        ]

    def __str__(self) -> str:
        return self.reason


class Appeal(models.Model):
    """The author asks for a hidden comment to be shown again; a moderator decides."""

    class Outcome(models.TextChoices):
        RESTORED = "restored", _("Kommentaren vises igen")
        UPHELD = "upheld", _("Kommentaren forbliver skjult")

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="appeals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("din begrundelse"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    decision = models.TextField(_("afgørelse"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment"],
                condition=Q(decided_at__isnull=True),
                name="one_open_appeal_per_comment",
            ),
            models.CheckConstraint(
                condition=Q(decided_at__isnull=True) | ~Q(outcome=""),
                name="decided_appeal_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Answer(models.Model):
    """The municipality's answer (hvidbog): what it heard, what that changed,
    what it did not change and why. Published after the hearing closes."""

    hearing = models.OneToOneField(
        Hearing, on_delete=models.CASCADE, related_name="answer"
    )
    heard = models.TextField(_("det hørte vi"), max_length=10000)
    changed = models.TextField(_("det ændrede vi"), max_length=10000, blank=True)
    not_changed = models.TextField(
        _("det ændrede vi ikke, og derfor"), max_length=10000, blank=True
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.heard[:60]
