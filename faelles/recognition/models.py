"""Thanks between people and organisations (``Thanks``), the municipality's
awards (``Award``) with their jury (``Juror``), nominations (``Nomination``),
the jury's scores (``Score``) and the winners (``Winner``).

Nothing here is public without consent: a thanks shows on the celebration page
only when the sender asked for it and the recipient agreed (``consented_at``);
a winner is named only when they agreed (``Winner.consented_at``). Nominations
and scores are never public (docs/recognition.md).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel, TenantQuerySet
from faelles.municipalities.tenancy import tenant_reverse

MESSAGE_MAX = 1000
STARS = (0, 1, 2, 3)


def _one_of(*fields: str) -> Q:
    """Exactly one of ``fields`` is set."""
    condition = Q()
    for chosen in fields:
        part = Q(**{f"{chosen}__isnull": False})
        for other in fields:
            if other != chosen:
                part &= Q(**{f"{other}__isnull": True})
        condition |= part
    return condition


class ThanksQuerySet(TenantQuerySet):
    def public(self):
        """Shown on the celebration page: asked for by the sender and agreed to
        by the recipient."""
        return self.filter(public_requested=True, consented_at__isnull=False)


ThanksManager = models.Manager.from_queryset(ThanksQuerySet)


class Thanks(TenantModel):
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("afsender"),
    )
    sender_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("på vegne af"),
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modtager"),
    )
    recipient_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modtagende organisation"),
    )
    message = models.TextField(_("din tak"), max_length=MESSAGE_MAX)
    for_what = models.CharField(_("for hvad"), max_length=160, blank=True)
    public_requested = models.BooleanField(
        _("må gerne vises på fejringssiden"), default=False
    )
    consented_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[ThanksManager] = ThanksManager()

    class Meta:
        verbose_name = _("tak")
        verbose_name_plural = _("tak")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=_one_of("recipient_user", "recipient_organisation"),
                name="recognition_thanks_one_recipient",
            ),
            models.CheckConstraint(
                condition=Q(consented_at__isnull=True) | Q(public_requested=True),
                name="recognition_thanks_consent_only_if_asked",
            ),
        ]
        indexes = [
            # The celebration page's keyset pages of public thanks.
            models.Index(
                fields=["municipality", "-id"],
                condition=Q(consented_at__isnull=False),
                name="recognition_thanks_public",
            ),
            # Thanks given this year; the newspaper's period.
            models.Index(
                fields=["municipality", "created_at"], name="recognition_thanks_when"
            ),
            # The rate limit: one sender's last day.
            models.Index(fields=["sender", "created_at"], name="recognition_rate"),
        ]

    def __str__(self) -> str:
        return self.for_what or self.message[:60]

    @property
    def recipient(self):
        return self.recipient_user or self.recipient_organisation

    @property
    def recipient_display(self) -> str:
        if self.recipient_user is not None:
            return self.recipient_user.display_name
        return str(self.recipient_organisation)

    @property
    def from_name(self) -> str:
        return str(self.sender_organisation or self.sender.display_name)

    @property
    def is_public(self) -> bool:
        return self.public_requested and self.consented_at is not None


class Phase(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    UPCOMING = "upcoming", _("Nominering åbner snart")
    NOMINATING = "nominating", _("Åben for nomineringer")
    DELIBERATING = "deliberating", _("Juryen overvejer")
    ANNOUNCED = "announced", _("Vinderen er fundet")


class AwardQuerySet(TenantQuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def open_on(self, today: date):
        return self.published().filter(
            announced_at__isnull=True,
            nominations_open__lte=today,
            nominations_close__gte=today,
        )

    def announced(self):
        return self.filter(announced_at__isnull=False)


AwardManager = models.Manager.from_queryset(AwardQuerySet)


class Award(TenantModel):
    name = models.CharField(_("navn"), max_length=120)
    description = models.TextField(_("beskrivelse"), max_length=3000)
    criteria = models.TextField(_("kriterier"), max_length=3000)
    nominations_open = models.DateField(_("nominering åbner"))
    nominations_close = models.DateField(_("nominering lukker"))
    announce_on = models.DateField(_("vinderen offentliggøres"))
    published_at = models.DateTimeField(null=True, blank=True)
    announced_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[AwardManager] = AwardManager()

    class Meta:
        verbose_name = _("pris")
        verbose_name_plural = _("priser")
        ordering = ["-announce_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nominations_open__lte=models.F("nominations_close"))
                & Q(nominations_close__lte=models.F("announce_on")),
                name="recognition_award_dates_in_order",
                violation_error_message=_(
                    "Nomineringen skal åbne før, den lukker, og lukke før vinderen "
                    "offentliggøres."
                ),
            ),
            models.CheckConstraint(
                condition=Q(announced_at__isnull=True) | Q(published_at__isnull=False),
                name="recognition_award_announced_only_if_published",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "-announce_on"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return tenant_reverse("recognition:award", self.municipality_id, pk=self.pk)

    def phase(self, today: date | None = None) -> str:
        today = today or timezone.localdate()
        if self.published_at is None:
            return Phase.DRAFT
        if self.announced_at is not None:
            return Phase.ANNOUNCED
        if today < self.nominations_open:
            return Phase.UPCOMING
        if today <= self.nominations_close:
            return Phase.NOMINATING
        return Phase.DELIBERATING

    @property
    def phase_label(self) -> str:
        return str(Phase(self.phase()).label)


class Juror(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    is_chair = models.BooleanField(_("formand"), default=False)

    class Meta:
        verbose_name = _("jurymedlem")
        verbose_name_plural = _("jurymedlemmer")
        constraints = [
            models.UniqueConstraint(
                fields=["award", "user"], name="recognition_one_seat_a_person"
            ),
            models.UniqueConstraint(
                fields=["award"],
                condition=Q(is_chair=True),
                name="recognition_one_chair",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


NOMINEE_FIELDS = (
    "nominee_user",
    "nominee_organisation",
    "nominee_initiative",
    "nominee_community",
)


class NomineeFields(models.Model):
    """Who (or what) is nominated or has won: a person, an organisation, an
    initiative or a community of the municipality — exactly one."""

    nominee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    nominee_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    nominee_initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    nominee_community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def nominee(self):
        return (
            self.nominee_user
            or self.nominee_organisation
            or self.nominee_initiative
            or self.nominee_community
        )

    @property
    def nominee_name(self) -> str:
        nominee = self.nominee
        if nominee is None:
            return ""
        return str(getattr(nominee, "display_name", None) or nominee)

    @property
    def needs_consent(self) -> bool:
        """A person or an organisation agrees before being named; an initiative
        and a community are public under their own name already."""
        return bool(self.nominee_user_id or self.nominee_organisation_id)

    def nominee_key(self) -> tuple[str, int | None]:
        for field in NOMINEE_FIELDS:
            value = getattr(self, f"{field}_id")
            if value is not None:
                return field, value
        return "", None


class Nomination(NomineeFields):
    award = models.ForeignKey(
        Award, on_delete=models.CASCADE, related_name="nominations"
    )
    nominator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("begrundelse"), max_length=MESSAGE_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("nominering")
        verbose_name_plural = _("nomineringer")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=_one_of(*NOMINEE_FIELDS),
                name="recognition_nomination_one_nominee",
            ),
            *(
                models.UniqueConstraint(
                    fields=["award", "nominator", field],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"recognition_once_{field}",
                )
                for field in NOMINEE_FIELDS
            ),
        ]

    def __str__(self) -> str:
        return self.nominee_name


class Score(models.Model):
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="scores"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    stars = models.PositiveSmallIntegerField(_("stjerner"))
    comment = models.CharField(
        _("kommentar (kun for juryen)"), max_length=500, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jurybedømmelse")
        verbose_name_plural = _("jurybedømmelser")
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "juror"], name="recognition_one_score"
            ),
            models.CheckConstraint(
                condition=Q(stars__in=STARS), name="recognition_score_stars"
            ),
        ]

    def __str__(self) -> str:
        return str(self.stars)


class Winner(NomineeFields):
    """The jury's decision. It stays when a person winner deletes their account
    (``nominee_user`` then becomes empty and the winner is never named)."""

    nominee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="winners")
    motivation = models.TextField(_("motivation"), max_length=MESSAGE_MAX)
    consented_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vinder")
        verbose_name_plural = _("vindere")
        ordering = ["decided_at", "id"]

    def __str__(self) -> str:
        return self.nominee_name

    def consent_url(self) -> str:
        return tenant_reverse(
            "recognition:winner_consent",
            self.award.municipality_id,
            pk=self.award_id,
            winner_pk=self.pk,
        )

    @property
    def is_named(self) -> bool:
        """Whether the celebration page may name the winner."""
        return self.nominee is not None and (
            not self.needs_consent or self.consented_at is not None
        )
