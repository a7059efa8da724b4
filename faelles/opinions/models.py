"""Opinion maps (meningskort, the Polis method) as people use them.

People write short statements and vote agree / disagree / pass on the others'
statements; a background task runs the pure engine (``faelles.opinionmap``) and
stores the result. Privacy: a person takes part as a :class:`Participant`, a
per-map pseudonym with a random ``number``; the engine, the stored result and the
open-data export know only that number, never the account. See
docs/opinion-map.md ("On the site").
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel, TenantQuerySet
from faelles.municipalities.tenancy import tenant_reverse

from .phases import MAP_PHASES, Phase

STATEMENT_MAX = 280
STATEMENT_MIN = 10
NUMBER_MAX = 2**31 - 1  # Polis' ids are whole numbers; keep them within 32 bits


class Moderation(models.TextChoices):
    BEFORE = "before", _("Udsagn vises først, når en moderator har godkendt dem")
    AFTER = "after", _("Udsagn vises med det samme; moderatorer kan afvise dem")


class ExportAccess(models.TextChoices):
    AFTER_CLOSE = "after_close", _("Alle, når meningskortet er lukket")
    ALWAYS = "always", _("Alle, også mens meningskortet er åbent")
    STAFF = "staff", _("Kun medarbejdere")


class OpinionMapQuerySet(TenantQuerySet):
    def public(self):
        return self.filter(phase__in=MAP_PHASES.keys_permitting("public"))


class OpinionMap(TenantModel):
    title = models.CharField(_("titel"), max_length=160)
    question = models.CharField(
        _("spørgsmål"),
        max_length=300,
        help_text=_("Det, deltagerne tager stilling til, fx: Hvad skal bymidten være?"),
    )
    description = models.TextField(_("baggrund"), max_length=5000, blank=True)
    phase = models.CharField(
        _("fase"), max_length=10, choices=MAP_PHASES.choices, default=Phase.DRAFT
    )
    opens_at = models.DateTimeField(_("åbner"), null=True, blank=True)
    closes_at = models.DateTimeField(_("lukker"), null=True, blank=True)
    moderation = models.CharField(
        _("moderation"),
        max_length=10,
        choices=Moderation.choices,
        default=Moderation.BEFORE,
    )
    export_access = models.CharField(
        _("hvem må hente data (Polis-format)"),
        max_length=12,
        choices=ExportAccess.choices,
        default=ExportAccess.AFTER_CLOSE,
    )
    # Set when a vote asks for a new result and cleared when the task starts: a
    # burst of votes queues one update (see services.request_update).
    update_queued = models.BooleanField(default=False, editable=False)
    # A map can be part of a hearing or a debate (docs/dialogue.md); the hearing's
    # page links to it. A string reference: opinions imports nothing of dialogue.
    hearing = models.ForeignKey(
        "dialogue.Hearing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opinion_maps",
        verbose_name=_("del af høringen eller debatten"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OpinionMapQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("meningskort")
        verbose_name_plural = _("meningskort")
        indexes = [models.Index(fields=["municipality", "phase"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True)
                | models.Q(opens_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="opinion_map_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        hearing = self.hearing if self.hearing_id is not None else None
        if hearing is not None and hearing.municipality_id != self.municipality_id:
            raise ValidationError(
                {"hearing": _("Høringen hører til en anden kommune.")}
            )

    def get_absolute_url(self) -> str:
        return tenant_reverse("opinions:detail", self.municipality_id, pk=self.pk)

    @property
    def current_phase(self):
        return MAP_PHASES.current(self)

    def is_open(self, now=None) -> bool:
        return MAP_PHASES.permits(self, "take_part", now=now)

    @property
    def is_closed(self) -> bool:
        return self.phase == Phase.CLOSED


class Participant(TenantModel):
    """A person in one map, known to the maths and the export only by ``number``.

    ``user`` is empty for participants without an account here (synthetic demo
    voters) and after the person deleted their account: the votes stay in the map,
    linked to no one.
    """

    map = models.ForeignKey(
        OpinionMap, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["map", "number"], name="opinion_participant_number_unique"
            ),
            models.UniqueConstraint(
                fields=["map", "user"],
                condition=models.Q(user__isnull=False),
                name="opinion_participant_user_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.number}"

    @staticmethod
    def new_number() -> int:
        return secrets.randbelow(NUMBER_MAX) + 1


class StatementStatus(models.TextChoices):
    PENDING = "pending", _("Afventer moderation")
    ACCEPTED = "accepted", _("Godkendt")
    REJECTED = "rejected", _("Afvist")


class StatementQuerySet(TenantQuerySet):
    def accepted(self):
        return self.filter(status=StatementStatus.ACCEPTED)


class Statement(TenantModel):
    map = models.ForeignKey(
        OpinionMap, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(
        _("udsagn"),
        max_length=STATEMENT_MAX,
        validators=[MinLengthValidator(STATEMENT_MIN)],
    )
    author = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.PENDING,
    )
    moderation_note = models.CharField(_("begrundelse"), max_length=300, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StatementQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["map", "status"], name="opinion_statement_status")
        ]

    def __str__(self) -> str:
        return self.text


class VoteValue(models.IntegerChoices):
    AGREE = 1, _("Enig")
    PASS = 0, _("Ved ikke / spring over")
    DISAGREE = -1, _("Uenig")


class Vote(TenantModel):
    """A participant's current vote on a statement; a new vote replaces it.

    The engine uses only the latest vote (docs/opinion-map.md), so no history is
    kept. ``updated_at`` orders votes for the export, which rounds it to the day.
    """

    # Indexed below, first in an index that also holds what the update reads.
    map = models.ForeignKey(
        OpinionMap, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="votes"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="votes"
    )
    value = models.SmallIntegerField(choices=VoteValue.choices)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="opinion_one_vote"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=(-1, 0, 1)), name="opinion_vote_value"
            ),
        ]
        indexes = [
            # The background update reads every vote of a map from the index alone
            # (snapshot._read_all), or the votes changed since its last snapshot.
            models.Index(
                fields=["map", "participant", "statement", "value"],
                name="opinion_vote_matrix",
            ),
            models.Index(fields=["map", "updated_at"], name="opinion_vote_changed"),
        ]


class Result(TenantModel):
    """The last computed map: what the pages show and what the next update needs.

    Written only by the background task (``services.result_compute``). Kept in
    parts so a page reads only what it needs: ``priorities`` for the next
    statement, ``summary`` for the result page, ``state`` for the next update.
    """

    map = models.OneToOneField(
        OpinionMap, on_delete=models.CASCADE, related_name="result"
    )
    summary = models.JSONField(default=dict)
    priorities = models.JSONField(default=dict)
    positions = models.JSONField(default=dict)
    participant_groups = models.JSONField(default=dict)
    state = models.JSONField(default=dict)
    votes_counted = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField()
    seconds = models.FloatField(default=0.0)

    def __str__(self) -> str:
        return f"{self.map} ({self.computed_at:%Y-%m-%d %H:%M})"


class VoteSnapshot(TenantModel):
    """The vote matrix as the last update read it, so the next reads only changes.

    Written only by the background update (``faelles.opinions.snapshot``): two bits a
    vote, by pseudonym number and statement id, as private as the votes themselves
    and deleted with the map. Never shown or exported; losing it costs one full read.
    """

    map = models.OneToOneField(OpinionMap, on_delete=models.CASCADE, related_name="+")
    data = models.BinaryField()
    votes = models.PositiveIntegerField()
    read_at = models.DateTimeField()
    full_read_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.map_id} ({self.votes} votes, {self.read_at:%Y-%m-%d %H:%M})"


class PolisImport(TenantModel):
    """A Polis conversation checked in the request and waiting to be written into
    its (new) map by a background task; while it exists the map shows "import in
    progress". Deleted when the task has written the map."""

    map = models.OneToOneField(
        OpinionMap, on_delete=models.CASCADE, related_name="polis_import"
    )
    comments = models.TextField()
    votes = models.TextField()
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.map} (Polis)"
