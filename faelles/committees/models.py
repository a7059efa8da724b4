"""Task committees (§ 17, stk. 4): mandate, call and members, selection by lot,
meetings, recommendations, the council's decisions and their follow-up.

Applications hold an applicant's age band, gender and area: only the
committee's managers see them, the public sees counts of five or more (see
docs/committees.md, "Privacy").
"""

import secrets
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.core.storage import private_storage
from faelles.municipalities.models import (
    TenantModel,
    TenantQuerySet,
    focus_area_key,
    theme_key,
)
from faelles.municipalities.tenancy import tenant_reverse

from .phases import COMMITTEE_PHASES, Phase

if TYPE_CHECKING:
    from faelles.accounts.models import Membership

# The strata a call may ask applicants for, and their fixed values.
AGE_BANDS = ["15-24", "25-39", "40-59", "60-74", "75+"]
GENDERS = ["kvinde", "mand", "andet"]


class Stratum(models.TextChoices):
    AGE_BAND = "age_band", _("Aldersgruppe")
    GENDER = "gender", _("Køn")
    AREA = "area", _("Område")


class Gender(models.TextChoices):
    WOMAN = "kvinde", _("Kvinde")
    MAN = "mand", _("Mand")
    OTHER = "andet", _("Andet")


class SelectionMethod(models.TextChoices):
    COUNCIL = "council", _("Byrådet udpeger medlemmerne")
    LOT = "lot", _("Lodtrækning blandt ansøgerne")


class TaskCommitteeQuerySet(TenantQuerySet):
    def public(self):
        return self.filter(phase__in=COMMITTEE_PHASES.keys_permitting("public"))


TaskCommitteeManager = models.Manager.from_queryset(TaskCommitteeQuerySet)


class TaskCommittee(TenantModel):
    title = models.CharField(_("titel"), max_length=160)
    # Filed under the municipality's own strategy (docs/themes.md).
    theme = theme_key(
        help_text=_("Det tema i kommunens strategi, udvalget arbejder med.")
    )
    focus_area = focus_area_key()
    summary = models.CharField(_("kort beskrivelse"), max_length=300)
    mandate = models.TextField(
        _("kommissorium"),
        help_text=_("Hvad byrådet beder udvalget om, og hvad udvalget ikke kan."),
    )
    questions = models.TextField(
        _("spørgsmål udvalget skal svare på"),
        help_text=_("Ét spørgsmål pr. linje."),
    )
    period_start = models.DateField(_("periode fra"))
    period_end = models.DateField(_("periode til"))
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("formand"),
    )
    phase = models.CharField(
        _("fase"),
        max_length=20,
        choices=COMMITTEE_PHASES.choices,
        default=Phase.MANDATE,
    )
    # The call for members.
    selection_method = models.CharField(
        _("udvælgelse"),
        max_length=10,
        choices=SelectionMethod.choices,
        default=SelectionMethod.LOT,
    )
    call_text = models.TextField(
        _("indkaldelse"),
        blank=True,
        help_text=_("Hvem udvalget søger, og hvad det kræver at være med."),
    )
    call_opens = models.DateTimeField(_("ansøgning fra"), null=True, blank=True)
    call_closes = models.DateTimeField(_("ansøgningsfrist"), null=True, blank=True)
    seats = models.PositiveSmallIntegerField(
        _("pladser til borgere"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    strata = models.JSONField(
        _("det spørger indkaldelsen om"),
        default=list,
        blank=True,
        help_text=_("Aldersgruppe, køn og/eller område."),
    )
    areas = models.TextField(
        _("områder"),
        blank=True,
        help_text=_("Ét område pr. linje, hvis indkaldelsen spørger om område."),
    )
    # Quotas set by the call, ``{stratum: {value: [min, max]}}``; empty means
    # proportional to the applicants.
    quotas = models.JSONField(_("kvoter"), default=dict, blank=True)
    handed_over_at = models.DateTimeField(
        _("anbefalinger afleveret"), null=True, blank=True, editable=False
    )
    phase_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[TaskCommitteeManager] = TaskCommitteeManager()

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name = _("opgaveudvalg")
        verbose_name_plural = _("opgaveudvalg")
        indexes = [models.Index(fields=["municipality", "phase"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="committee_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(call_opens__isnull=True)
                | models.Q(call_closes__isnull=True)
                | models.Q(call_closes__gt=models.F("call_opens")),
                name="committee_call_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("committees:detail", self.municipality_id, pk=self.pk)

    @property
    def current_phase(self):
        return COMMITTEE_PHASES.current(self)

    @property
    def question_list(self) -> list[str]:
        return [q.strip() for q in self.questions.splitlines() if q.strip()]

    @property
    def area_list(self) -> list[str]:
        return [a.strip() for a in self.areas.splitlines() if a.strip()]

    def call_open(self, now=None) -> bool:
        return COMMITTEE_PHASES.permits(self, "apply", now=now)

    def call_closed(self, now=None) -> bool:
        now = now or timezone.now()
        return self.call_closes is not None and self.call_closes <= now

    def values_of(self, stratum: str) -> list[str]:
        """The values applicants choose from for one stratum of the call."""
        if stratum == Stratum.AGE_BAND:
            return list(AGE_BANDS)
        if stratum == Stratum.GENDER:
            return list(GENDERS)
        return self.area_list


class MemberRole(models.TextChoices):
    POLITICIAN = "politician", _("Politiker")
    CITIZEN = "citizen", _("Borger")
    BUSINESS = "business", _("Virksomhed")
    ASSOCIATION = "association", _("Forening")
    SECRETARIAT = "secretariat", _("Sekretariat (medarbejder)")


class CommitteeMember(TenantModel):
    committee = models.ForeignKey(
        TaskCommittee, on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    role = models.CharField(_("rolle"), max_length=12, choices=MemberRole.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for organisationen"),
    )
    by_lot = models.BooleanField(_("udtrukket ved lodtrækning"), default=False)
    joined_at = models.DateTimeField(default=timezone.now)

    # Set by selectors.committee_members for the role badge and the chair's place
    # first; not stored.
    membership: "Membership | None"
    is_chair: bool

    class Meta:
        ordering = ["role", "user__display_name", "id"]
        verbose_name = _("udvalgsmedlem")
        verbose_name_plural = _("udvalgsmedlemmer")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "user"], name="one_seat_per_person"
            )
        ]
        indexes = [models.Index(fields=["user", "municipality"])]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Afventer udvælgelse")
    SELECTED = "selected", _("Udvalgt")
    NOT_SELECTED = "not_selected", _("Ikke udvalgt denne gang")


class AppliesAs(models.TextChoices):
    CITIZEN = "citizen", _("Borger")
    BUSINESS = "business", _("Virksomhed")
    ASSOCIATION = "association", _("Forening")


class Application(TenantModel):
    """An application for a seat. The strata are asked only when the call asks
    for them, and shown only to the committee's managers and the applicant."""

    committee = models.ForeignKey(
        TaskCommittee, on_delete=models.CASCADE, related_name="applications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    applies_as = models.CharField(
        _("jeg søger som"),
        max_length=12,
        choices=AppliesAs.choices,
        default=AppliesAs.CITIZEN,
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for organisationen"),
    )
    motivation = models.TextField(_("hvorfor vil du være med?"), max_length=3000)
    age_band = models.CharField(
        _("aldersgruppe"),
        max_length=10,
        blank=True,
        choices=[(a, a) for a in AGE_BANDS],
    )
    gender = models.CharField(
        _("køn"), max_length=10, blank=True, choices=Gender.choices
    )
    area = models.CharField(_("område"), max_length=80, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ansøgning")
        verbose_name_plural = _("ansøgninger")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "user"], name="one_application_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.committee}"

    def stratum(self, name: str) -> str:
        return getattr(self, name)


class DrawStatus(models.TextChoices):
    QUEUED = "queued", _("venter på lodtrækningen")
    DONE = "done", _("trukket")
    FAILED = "failed", _("mislykkedes")


class Draw(TenantModel):
    """A stratified draw by lot (faelles.sortition), run by a background task.

    ``pool`` keeps the applicants as lottery numbers with their strata, so the
    draw can be checked again with the same seed: ``{"007": {"age_band": …}}``.
    ``tickets`` takes a lottery number to its application. Both are shown only
    to the committee's managers; the public page shows the seed, the quotas,
    counts of five or more, and each lottery number's chance.
    """

    committee = models.ForeignKey(
        TaskCommittee, on_delete=models.CASCADE, related_name="draws"
    )
    seed = models.PositiveBigIntegerField(
        _("frø (seed)"), validators=[MinValueValidator(1)]
    )
    seats = models.PositiveSmallIntegerField(_("pladser"))
    proportional = models.BooleanField(default=True)
    quotas = models.JSONField(default=dict, blank=True)
    pool = models.JSONField(default=dict, blank=True)
    tickets = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=DrawStatus.choices, default=DrawStatus.QUEUED
    )
    error = models.TextField(blank=True)
    selected = models.JSONField(default=list, blank=True)
    probabilities = models.JSONField(default=dict, blank=True)
    method = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lodtrækning")
        verbose_name_plural = _("lodtrækninger")
        constraints = [
            models.UniqueConstraint(
                fields=["committee"],
                condition=models.Q(status="done"),
                name="one_finished_draw_per_committee",
            )
        ]

    def __str__(self) -> str:
        return f"{self.committee} ({self.seed})"

    def get_absolute_url(self) -> str:
        return tenant_reverse("committees:draw", self.municipality_id, pk=self.pk)

    @property
    def is_finished(self) -> bool:
        return self.status != DrawStatus.QUEUED

    def ticket_of(self, application_id: int) -> str | None:
        for ticket, app_id in self.tickets.items():
            if app_id == application_id:
                return ticket
        return None


class Meeting(TenantModel):
    committee = models.ForeignKey(
        TaskCommittee, on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("titel"), max_length=160)
    starts_at = models.DateTimeField(_("tidspunkt"))
    place = models.CharField(_("sted"), max_length=200, blank=True)
    agenda = models.TextField(_("dagsorden"))
    minutes = models.TextField(_("referat"), blank=True)
    minutes_published_at = models.DateTimeField(
        _("referat offentliggjort"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        indexes = [models.Index(fields=["committee", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("committees:meeting", self.municipality_id, pk=self.pk)


def _document_path(instance, filename: str) -> str:
    return f"committees/{instance.meeting_id}/{secrets.token_hex(8)}/{filename}"


class MeetingDocument(TenantModel):
    """A meeting's document: public with the committee, served by a view."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("titel"), max_length=150)
    file = models.FileField(_("fil"), upload_to=_document_path, storage=private_storage)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("mødedokument")
        verbose_name_plural = _("mødedokumenter")

    def __str__(self) -> str:
        return self.title


class Decision(models.TextChoices):
    PENDING = "pending", _("Afventer byrådets beslutning")
    ADOPTED = "adopted", _("Vedtaget")
    ADOPTED_IN_PART = "adopted_in_part", _("Delvist vedtaget")
    REJECTED = "rejected", _("Ikke vedtaget")


ADOPTED = (Decision.ADOPTED, Decision.ADOPTED_IN_PART)


class Recommendation(TenantModel):
    committee = models.ForeignKey(
        TaskCommittee, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("anbefaling"), max_length=200)
    rationale = models.TextField(_("begrundelse"))
    expected_cost = models.PositiveBigIntegerField(
        _("forventet udgift (kr.)"),
        null=True,
        blank=True,
        help_text=_("Tom, hvis anbefalingen ikke koster noget at gennemføre."),
    )
    # The theme it serves; the committee's unless the committee says otherwise.
    theme = theme_key()
    focus_area = focus_area_key()
    decision = models.CharField(
        _("byrådets beslutning"),
        max_length=16,
        choices=Decision.choices,
        default=Decision.PENDING,
    )
    decision_reason = models.TextField(_("byrådets begrundelse"), blank=True)
    decided_at = models.DateField(_("besluttet"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["committee", "number", "id"]
        verbose_name = _("anbefaling")
        verbose_name_plural = _("anbefalinger")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "number"], name="recommendation_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(decision__in=["pending", "adopted"])
                | ~models.Q(decision_reason=""),
                name="recommendation_partial_or_rejected_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(decision="pending")
                | models.Q(decided_at__isnull=False),
                name="recommendation_decision_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return tenant_reverse(
            "committees:recommendation", self.municipality_id, pk=self.pk
        )

    @property
    def is_adopted(self) -> bool:
        return self.decision in ADOPTED


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    IN_PROGRESS = "in_progress", _("I gang")
    DONE = "done", _("Gennemført")
    STOPPED = "stopped", _("Stoppet")


OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class FollowUpQuerySet(TenantQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: date | None = None):
        """Open actions past their due date (for the status page and badges)."""
        return self.open().filter(due_date__lt=today or timezone.localdate())


FollowUpManager = models.Manager.from_queryset(FollowUpQuerySet)


class FollowUpAction(TenantModel):
    """What the municipality does to carry out an adopted recommendation.

    ``owner`` is the department that answers for it; ``responsible`` optionally
    a person (a politician or an employee). State, progress, due date and the
    last update are plain columns so a status page can filter and sort on them.
    """

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="actions"
    )
    title = models.CharField(_("handling"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    owner = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ansvarlig afdeling"),
        limit_choices_to={"kind": "department"},
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ansvarlig person"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
    )
    progress = models.PositiveSmallIntegerField(
        _("fremdrift (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    due_date = models.DateField(_("færdig senest"))
    completed_on = models.DateField(_("gennemført"), null=True, blank=True)
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("initiativ der bærer handlingen"),
    )
    budget_project = models.ForeignKey(
        "budgeting.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("borgerbudgetprojekt der bærer handlingen"),
    )
    # A hearing or debate that carries the action out (asking citizens before the
    # municipality decides how); the hearing's page lists the actions it carries.
    hearing = models.ForeignKey(
        "dialogue.Hearing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_actions",
        verbose_name=_("høring der bærer handlingen"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[FollowUpManager] = FollowUpManager()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        indexes = [
            models.Index(fields=["municipality", "status", "due_date"]),
            models.Index(fields=["municipality", "owner", "status"]),
            models.Index(fields=["responsible", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="action_progress_max_100"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="done")
                | models.Q(completed_on__isnull=False),
                name="action_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("committees:action", self.municipality_id, pk=self.pk)

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status in OPEN_STATUSES and self.due_date < today


class Milestone(TenantModel):
    action = models.ForeignKey(
        FollowUpAction, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milepæl"), max_length=200)
    due_date = models.DateField(_("dato"))
    done_on = models.DateField(_("nået"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("milepæl")
        verbose_name_plural = _("milepæle")

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: date | None = None) -> bool:
        return self.done_on is None and self.due_date < (today or timezone.localdate())


class ActionUpdate(TenantModel):
    """A progress note on a follow-up action, public with the committee."""

    action = models.ForeignKey(
        FollowUpAction, on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(_("status"), max_length=12, choices=ActionStatus.choices)
    progress = models.PositiveSmallIntegerField(
        _("fremdrift (%)"), validators=[MaxValueValidator(100)]
    )
    text = models.TextField(_("hvad er sket"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("statusopdatering")
        verbose_name_plural = _("statusopdateringer")
