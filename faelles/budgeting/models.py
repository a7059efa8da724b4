"""Participatory budgeting (borgerbudget): rounds, projects, secret ballots.

Ballot secrecy: the person who voted is recorded only in :class:`BallotReceipt`
(one row per round and person); what they voted is in :class:`Ballot`, which has
no user and no timestamp. The receipt keeps a random voter token; the ballot's
primary key is a keyed hash of it (:mod:`.secrecy`), so only the application,
with its secret key, can take a voter to their own ballot (to show and change
it). No view, export or admin page does so for anyone but the voter; see
``docs/budgeting.md``.
"""

import uuid
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.accounts.models import AssuranceLevel
from faelles.municipalities.models import (
    TenantModel,
    TenantQuerySet,
    focus_area_key,
    theme_key,
)
from faelles.municipalities.tenancy import tenant_reverse

from .phases import ROUND_PHASES, Phase

postcode_list_validator = RegexValidator(
    r"^\s*(\d{4}\s*(,\s*\d{4}\s*)*)?$",
    _("Skriv postnumre med fire cifre, adskilt af komma, fx 2610, 2650."),
)


class BallotType(models.TextChoices):
    APPROVAL = "approval", _("Vælg de projekter, du støtter")
    KNAPSACK = "knapsack", _("Vælg projekter inden for budgettet")
    CUMULATIVE = "cumulative", _("Fordel point")
    CHOOSE_ONE = "choose_one", _("Vælg ét projekt")
    RANKED = "ranked", _("Ranglist projekter")


#: Ballots where a voter may also mark projects to drop: one mark is one vote,
#: so a drop can be weighed against an approval (net approval).
DROP_BALLOT_TYPES = (BallotType.APPROVAL, BallotType.KNAPSACK, BallotType.CHOOSE_ONE)


class CountingRule(models.TextChoices):
    MES = "mes", _("Lige andele (Method of Equal Shares) med grådig udfyldning")
    MES_ADD1 = (
        "mes_add1",
        _(
            "Lige andele (Method of Equal Shares) med add1-udfyldning, som i Assen og Świecie"
        ),
    )
    GREEDY = "greedy", _("Flest stemmer først (grådig)")


class AgeCheck(models.TextChoices):
    BIRTH_YEAR = "birth_year", _("Fødselsår oplyses")
    CONFIRM = "confirm", _("Bekræft alder med et flueben")


class Eligibility(models.TextChoices):
    """How a round knows who may vote (docs/budgeting.md, "Verified eligibility")."""

    SELF_DECLARED = (
        "self_declared",
        _("Selvoplyst: vælgerne oplyser selv alder og postnummer"),
    )
    VERIFIED = "verified", _("Kontrolleret med MitID: én stemme pr. person")


class ResidenceCheck(models.TextChoices):
    NONE = "none", _("Ingen kontrol af bopæl")
    IDENTITY = (
        "identity",
        _("Bopæl i kommunen ifølge MitID (kommunekoden under kommunens indstillinger)"),
    )


class BudgetRoundQuerySet(TenantQuerySet):
    def visible(self):
        return self.filter(phase__in=ROUND_PHASES.keys_permitting("public"))


BudgetRoundManager = models.Manager.from_queryset(BudgetRoundQuerySet)


class BudgetRound(TenantModel):
    title = models.CharField(_("titel"), max_length=160)
    description = models.TextField(_("beskrivelse"), blank=True)
    budget = models.PositiveBigIntegerField(
        _("budget (kr.)"), validators=[MinValueValidator(1)]
    )
    area_name = models.CharField(
        _("område"),
        max_length=120,
        blank=True,
        help_text=_("Tom betyder hele kommunen."),
    )
    postcodes = models.CharField(
        _("postnumre der må stemme"),
        max_length=200,
        blank=True,
        validators=[postcode_list_validator],
        help_text=_("Adskil med komma. Tom betyder alle postnumre."),
    )
    phase = models.CharField(
        _("fase"), max_length=20, choices=ROUND_PHASES.choices, default=Phase.DRAFT
    )
    proposals_start = models.DateTimeField(_("forslag fra"), null=True, blank=True)
    proposals_end = models.DateTimeField(_("forslag til"), null=True, blank=True)
    voting_start = models.DateTimeField(_("afstemning fra"), null=True, blank=True)
    voting_end = models.DateTimeField(_("afstemning til"), null=True, blank=True)
    ballot_type = models.CharField(
        _("stemmeseddel"),
        max_length=20,
        choices=BallotType.choices,
        default=BallotType.APPROVAL,
    )
    min_projects = models.PositiveSmallIntegerField(
        _("mindst antal projekter"), default=1
    )
    max_projects = models.PositiveSmallIntegerField(
        _("højst antal projekter"),
        null=True,
        blank=True,
        help_text=_("Tom betyder ingen grænse."),
    )
    points_total = models.PositiveSmallIntegerField(
        _("point at fordele"),
        default=10,
        help_text=_("Bruges kun ved pointfordeling."),
    )
    allow_drops = models.BooleanField(
        _("Stemmerne kan også vælge fra"),
        default=False,
        help_text=_(
            "Vælgerne kan markere projekter, der skal vælges fra. Et projekt, som "
            "lige så mange eller flere vælger fra som til, får aldrig penge. "
            "Kun med afkrydsning (ikke point eller rangliste)."
        ),
    )
    max_drops = models.PositiveSmallIntegerField(
        _("højst antal fravalg"),
        null=True,
        blank=True,
        help_text=_(
            "Hvor mange projekter en vælger højst må vælge fra. Tom betyder ingen grænse."
        ),
    )
    min_age = models.PositiveSmallIntegerField(_("mindstealder"), null=True, blank=True)
    age_check = models.CharField(
        _("aldersbekræftelse"),
        max_length=12,
        choices=AgeCheck.choices,
        default=AgeCheck.BIRTH_YEAR,
    )
    eligibility = models.CharField(
        _("stemmeret"),
        max_length=16,
        choices=Eligibility.choices,
        default=Eligibility.SELF_DECLARED,
        help_text=_(
            "Selvoplyst kan ikke kontrolleres, og det står ved afstemningen og "
            "resultatet. Kontrolleret kræver login med MitID."
        ),
    )
    min_assurance = models.CharField(
        _("mindste sikringsniveau"),
        max_length=12,
        choices=[
            (AssuranceLevel.SUBSTANTIAL, AssuranceLevel.SUBSTANTIAL.label),
            (AssuranceLevel.HIGH, AssuranceLevel.HIGH.label),
        ],
        default=AssuranceLevel.SUBSTANTIAL,
        help_text=_("Kun ved kontrolleret stemmeret."),
    )
    residence_check = models.CharField(
        _("bopæl"),
        max_length=10,
        choices=ResidenceCheck.choices,
        default=ResidenceCheck.NONE,
        help_text=_(
            "Kun ved kontrolleret stemmeret. Med postnumre ovenfor skal bopælen "
            "også ligge i et af dem."
        ),
    )
    counting_rule = models.CharField(
        _("optællingsmetode"),
        max_length=10,
        choices=CountingRule.choices,
        default=CountingRule.MES,
    )
    is_imported = models.BooleanField(_("importeret fra Pabulib"), default=False)
    pabulib_meta = models.JSONField(default=dict, blank=True)
    results = models.JSONField(null=True, blank=True, editable=False)
    results_computed_at = models.DateTimeField(null=True, blank=True, editable=False)
    phase_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[BudgetRoundManager] = BudgetRoundManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("borgerbudget")
        verbose_name_plural = _("borgerbudgetter")
        indexes = [models.Index(fields=["municipality", "phase"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_projects__isnull=True)
                | models.Q(max_projects__gte=models.F("min_projects")),
                name="budget_round_max_projects_gte_min",
            ),
            models.CheckConstraint(
                condition=models.Q(proposals_end__isnull=True)
                | models.Q(proposals_start__isnull=True)
                | models.Q(proposals_end__gt=models.F("proposals_start")),
                name="budget_round_proposal_dates_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(voting_end__isnull=True)
                | models.Q(voting_start__isnull=True)
                | models.Q(voting_end__gt=models.F("voting_start")),
                name="budget_round_voting_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        self._clean_eligibility()
        if self.allow_drops and self.ballot_type not in DROP_BALLOT_TYPES:
            raise ValidationError(
                {
                    "allow_drops": _(
                        "Fravalg kan kun bruges, når vælgerne sætter kryds ved "
                        "projekter – ikke med point eller rangliste."
                    )
                }
            )

    def _clean_eligibility(self) -> None:
        from faelles.accounts.oidc import is_configured

        if self.eligibility != Eligibility.VERIFIED:
            if self.residence_check == ResidenceCheck.IDENTITY:
                raise ValidationError(
                    {
                        "residence_check": _(
                            "Bopæl ifølge MitID kræver, at stemmeretten kontrolleres "
                            "med MitID."
                        )
                    }
                )
            return
        if not self.is_imported and not is_configured():
            raise ValidationError(
                {
                    "eligibility": _(
                        "Login med MitID er ikke sat op her, så ingen kan vise, hvem "
                        "de er. Kontakt dem, der driver Fælles (se driftsvejledningen)."
                    )
                }
            )
        if (
            self.residence_check == ResidenceCheck.IDENTITY
            and self.municipality_id
            and not self.municipality.residence_code_list
        ):
            raise ValidationError(
                {
                    "residence_check": _(
                        "Angiv først kommunens kommunekode under Administration → "
                        "Indstillinger, så bopælen kan kontrolleres."
                    )
                }
            )

    def get_absolute_url(self) -> str:
        return tenant_reverse("budgeting:detail", self.municipality_id, pk=self.pk)

    @property
    def is_verified(self) -> bool:
        return self.eligibility == Eligibility.VERIFIED

    @property
    def postcode_list(self) -> list[str]:
        return [p.strip() for p in self.postcodes.split(",") if p.strip()]

    @property
    def current_phase(self):
        return ROUND_PHASES.current(self)

    def voting_open(self, now=None) -> bool:
        return ROUND_PHASES.permits(self, "vote", now=now)

    def proposals_open(self, now=None) -> bool:
        return ROUND_PHASES.permits(self, "proposals", now=now)

    @property
    def has_results(self) -> bool:
        return ROUND_PHASES.permits(self, "results")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Afventer vurdering")
    APPROVED = "approved", _("Kan gennemføres – på stemmesedlen")
    REJECTED = "rejected", _("Kan ikke gennemføres")


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Ikke gået i gang")
    PLANNING = "planning", _("Planlægges")
    IN_PROGRESS = "in_progress", _("I gang")
    DONE = "done", _("Færdig")


class ProjectQuerySet(TenantQuerySet):
    def on_ballot(self):
        return self.filter(review_status=ReviewStatus.APPROVED)

    def funded(self):
        return self.filter(is_funded=True)


ProjectManager = models.Manager.from_queryset(ProjectQuerySet)


class Project(TenantModel):
    round = models.ForeignKey(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="projects",
        verbose_name=_("borgerbudget"),
    )
    title = models.CharField(_("titel"), max_length=160)
    description = models.TextField(_("beskrivelse"))
    cost = models.PositiveBigIntegerField(
        _("anslået pris (kr.)"), validators=[MinValueValidator(1)]
    )
    area = models.CharField(_("sted eller område"), max_length=160, blank=True)
    theme = theme_key()
    focus_area = focus_area_key()
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("foreslået af"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Feasibility review by employees
    review_status = models.CharField(
        _("vurdering"),
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PENDING,
    )
    legal_ok = models.BooleanField(_("lovligt"), null=True, blank=True)
    practical_ok = models.BooleanField(_("praktisk muligt"), null=True, blank=True)
    review_note = models.TextField(_("begrundelse"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Results and implementation
    is_funded = models.BooleanField(_("får penge"), default=False)
    implementation_status = models.CharField(
        _("status"),
        max_length=12,
        choices=ImplementationStatus.choices,
        default=ImplementationStatus.NOT_STARTED,
    )
    pabulib_id = models.CharField(max_length=64, blank=True)

    objects: ClassVar[ProjectManager] = ProjectManager()

    class Meta:
        ordering = ["round", "title", "id"]
        verbose_name = _("projekt")
        verbose_name_plural = _("projekter")
        indexes = [models.Index(fields=["round", "review_status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(review_status=ReviewStatus.REJECTED)
                | ~models.Q(review_note=""),
                name="budget_project_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(is_funded=False)
                | models.Q(review_status=ReviewStatus.APPROVED),
                name="budget_project_funded_only_if_approved",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse(
            "budgeting:project_detail", self.municipality_id, pk=self.pk
        )

    @property
    def election_id(self) -> str:
        """The id used in the counting engine and in Pabulib files."""
        return self.pabulib_id or str(self.pk)


class ProjectImage(TenantModel):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("billede"), upload_to="budgeting/projects/")
    alt_text = models.CharField(_("billedtekst"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("projektbillede")
        verbose_name_plural = _("projektbilleder")


class ProjectUpdate(TenantModel):
    """Progress on a funded project, visible to everyone."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ImplementationStatus.choices
    )
    text = models.TextField(_("hvad er sket"))
    photo = models.ImageField(_("foto"), upload_to="budgeting/updates/", blank=True)
    photo_alt = models.CharField(_("billedtekst"), max_length=200, blank=True)
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
        indexes = [models.Index(fields=["project", "-created_at"])]


class BallotSource(models.TextChoices):
    ONLINE = "online", _("Digital")
    PAPER = "paper", _("Papirstemmeseddel")
    IMPORTED = "imported", _("Importeret")


class Ballot(TenantModel):
    """What was voted, never who: no user, no timestamp, a random primary key.

    ``choices`` is a list of ``[project_id, points]`` in ballot order (the order
    is the ranking for ranked ballots; points are 1 for approval ballots);
    ``drops`` lists the projects the voter chose to drop.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        BudgetRound, on_delete=models.CASCADE, related_name="ballots"
    )
    choices = models.JSONField(default=list)
    #: Projects the voter chose to drop ("vælg fra"), as project ids; only in
    #: rounds with ``allow_drops``. Never a project that is also in ``choices``.
    drops = models.JSONField(default=list, blank=True)
    source = models.CharField(
        max_length=10, choices=BallotSource.choices, default=BallotSource.ONLINE
    )

    class Meta:
        verbose_name = _("stemmeseddel")
        verbose_name_plural = _("stemmesedler")
        indexes = [models.Index(fields=["round", "source"])]


class BallotReceipt(TenantModel):
    """That a person voted in a round (never what); one per person and round.

    Holds the day of the first vote, never a time, and no trace of changes.
    """

    round = models.ForeignKey(
        BudgetRound, on_delete=models.CASCADE, related_name="receipts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    ballot_token = models.UUIDField(
        unique=True,
        null=True,
        editable=False,
        help_text="Random voter token; the ballot id is a keyed hash of it. "
        "Erased when voting closes, so that nothing leads to the ballot any more.",
    )
    # The day only: a time would order the receipts like the ballots were written.
    voted_on = models.DateField(default=timezone.localdate)

    class Meta:
        verbose_name = _("stemmekvittering")
        verbose_name_plural = _("stemmekvitteringer")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "user"], name="one_ballot_receipt_per_person"
            )
        ]


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("venter")
    READING = "reading", _("læser filen")
    SAVING = "saving", _("gemmer og tæller op")
    DONE = "done", _("færdig")
    FAILED = "failed", _("mislykkedes")


class PabulibImport(TenantModel):
    """A Pabulib file being imported by a background task (import_pabulib).

    The file's text waits here for the worker and is emptied once it has been
    read; the page of the import shows the status until the round exists.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    title = models.CharField(_("titel"), max_length=160, blank=True)
    file_name = models.CharField(_("filnavn"), max_length=255, blank=True)
    text = models.TextField(blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ImportStatus.choices,
        default=ImportStatus.QUEUED,
    )
    projects = models.PositiveIntegerField(default=0)
    ballots = models.PositiveIntegerField(default=0)
    repairs = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    budget_round = models.ForeignKey(
        BudgetRound, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import af Pabulib-fil")

    def __str__(self) -> str:
        return self.file_name or str(self.pk)

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    def get_absolute_url(self) -> str:
        return tenant_reverse(
            "budgeting:import_status", self.municipality_id, pk=self.pk
        )


class VerifiedVoter(TenantModel):
    """That a verified person has voted in a round: one per person and round,
    whichever account they voted from (docs/budgeting.md, "Verified eligibility").

    Holds only a keyed hash of the round and the MitID identity
    (``faelles.accounts.eligibility.person_markers``): no person, no account, no
    time, nothing that leads to the ballot. Deleted when voting closes.
    """

    round = models.ForeignKey(
        BudgetRound, on_delete=models.CASCADE, related_name="verified_voters"
    )
    marker = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("kontrolleret vælger")
        verbose_name_plural = _("kontrollerede vælgere")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "marker"], name="one_vote_per_verified_person"
            )
        ]
