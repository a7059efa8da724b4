"""The team reflection kit: the municipality's own question sets
(``QuestionSet``), a team's session (``Session``) with the questions it was
created with (``Question``), each person's private notes (``Note``), the agreed
actions (``Action``) and how a later session followed them up (``FollowUp``).

A note is read only by its author (docs/reflection.md, "Who sees what").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel
from faelles.municipalities.tenancy import tenant_reverse

MAX_QUESTIONS = 12
QUESTION_LENGTH = 300


class QuestionSet(TenantModel):
    """A municipality's own questions, with an intro and a facilitator guide.
    ``questions`` is the ordered list of question texts."""

    title = models.CharField(_("titel"), max_length=120)
    intro = models.TextField(_("introduktion"), max_length=1000, blank=True)
    guide = models.TextField(_("facilitatorguide"), max_length=4000, blank=True)
    questions = models.JSONField(_("spørgsmål"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("spørgsmålssæt")
        verbose_name_plural = _("spørgsmålssæt")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("reflection:set_edit", self.municipality, pk=self.pk)


class Phase(models.TextChoices):
    PREPARING = "preparing", _("Forberedelse")
    INDIVIDUAL = "individual", _("Individuelle noter")
    SHARED = "shared", _("Fælles svar")
    CLOSED = "closed", _("Afsluttet")


PHASE_ORDER = [p.value for p in Phase]


class Session(TenantModel):
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("team"),
    )
    title = models.CharField(_("titel"), max_length=120)
    date = models.DateField(_("dato"))
    phase = models.CharField(
        _("fase"), max_length=12, choices=Phase.choices, default=Phase.PREPARING
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facilitator"),
    )
    # A snapshot of the set the session was created from.
    set_title = models.CharField(_("spørgsmålssæt"), max_length=120)
    intro = models.TextField(_("introduktion"), blank=True)
    guide = models.TextField(_("facilitatorguide"), blank=True)
    created_at = models.DateTimeField(_("oprettet"))
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    summary = models.TextField(_("opsummering"), max_length=3000, blank=True)
    summary_shared_at = models.DateTimeField(
        _("delt i læringsbanken"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("teamrefleksion")
        verbose_name_plural = _("teamrefleksioner")
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["municipality", "department", "date"]),
            models.Index(fields=["municipality", "summary_shared_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(phase__in=PHASE_ORDER),
                name="reflection_session_phase",
            ),
            models.CheckConstraint(
                condition=models.Q(summary_shared_at__isnull=True)
                | (models.Q(phase="closed") & ~models.Q(summary="")),
                name="reflection_shared_summary_is_closed",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("reflection:detail", self.municipality, pk=self.pk)

    @property
    def is_closed(self) -> bool:
        return self.phase == Phase.CLOSED

    @property
    def phase_index(self) -> int:
        return PHASE_ORDER.index(self.phase)


class Question(models.Model):
    """One of the session's questions (a copy, not a link to the set) and the
    team's shared answer to it."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("nummer"))
    text = models.CharField(_("spørgsmål"), max_length=QUESTION_LENGTH)
    shared_answer = models.TextField(_("fælles svar"), max_length=3000, blank=True)

    class Meta:
        verbose_name = _("spørgsmål")
        verbose_name_plural = _("spørgsmål")
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="reflection_question_position"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Note(models.Model):
    """A person's own note to one question. Read only by its author; shared
    with the team without the name if the author chooses, in the shared phase."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("note"), max_length=2000)
    shared = models.BooleanField(_("delt uden navn"), default=False)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("egen note")
        verbose_name_plural = _("egne noter")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "author"], name="reflection_one_note_a_question"
            )
        ]

    def __str__(self) -> str:
        return str(_("egen note"))


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    DONE = "done", _("Udført")
    DROPPED = "dropped", _("Droppet")


class Action(TenantModel):
    """An action the team agreed on in ``session``, with an owner and a date."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="actions"
    )
    text = models.CharField(_("handling"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ansvarlig"),
    )
    due = models.DateField(_("senest"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ActionStatus.choices,
        default=ActionStatus.OPEN,
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("handling")
        verbose_name_plural = _("handlinger")
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["municipality", "status", "owner"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in ActionStatus]),
                name="reflection_action_status",
            )
        ]

    def __str__(self) -> str:
        return self.text


class Outcome(models.TextChoices):
    DONE = "done", _("Udført")
    CONTINUED = "continued", _("Fortsætter")
    DROPPED = "dropped", _("Droppet")


class FollowUp(models.Model):
    """How ``session`` followed up an earlier session's action."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="follow_ups"
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="follow_ups"
    )
    outcome = models.CharField(_("udfald"), max_length=10, choices=Outcome.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("registreret"), auto_now=True)

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "session"], name="reflection_one_follow_up"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome__in=[o.value for o in Outcome]),
                name="reflection_follow_up_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.get_outcome_display()
