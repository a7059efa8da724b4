"""Initiatives run as prøvehandlinger, their trials and stories.

Counters (support_count, comment_count, participant_count, follower_count) are
denormalised onto Initiative and kept right by the services, so list pages never
count rows per item.
"""

from typing import ClassVar

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
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


class State(models.TextChoices):
    IDEA = "idea", _("Idé")
    PREPARING = "preparing", _("Forberedes")
    TRYING = "trying", _("Afprøves")
    EVALUATING = "evaluating", _("Evalueres")
    ANCHORED = "anchored", _("Forankret")
    STOPPED = "stopped", _("Stoppet")
    REPEATED = "repeated", _("Gentages")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


class Outcome(models.TextChoices):
    WORKED = "worked", _("Virkede")
    PARTLY = "partly", _("Virkede delvist")
    DID_NOT_WORK = "did_not_work", _("Virkede ikke")


class InitiativeSettings(models.Model):
    """Per-municipality settings of initiatives and the learning library."""

    municipality = models.OneToOneField(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="initiative_settings",
    )
    response_days = models.PositiveSmallIntegerField(
        _("dage før et initiativ uden svar markeres"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    library_public = models.BooleanField(
        _("del læringsbanken offentligt"),
        default=False,
        help_text=_("Alle, også uden login og fra andre kommuner, kan læse den."),
    )

    class Meta:
        verbose_name = _("indstillinger for initiativer")
        verbose_name_plural = _("indstillinger for initiativer")

    def __str__(self) -> str:
        return str(self.municipality)


class InitiativeQuerySet(TenantQuerySet):
    def visible(self):
        return self.exclude(state=State.WITHDRAWN)

    def visible_to(self, user, municipality):
        """Initiatives the person may see: staff-only ones (internal initiatives
        and trials) for the municipality's staff only (docs/staff-only.md)."""
        from faelles.accounts.rules import is_staff_member

        if is_staff_member(user, municipality):
            return self
        return self.exclude(staff_only=True)

    def hidden_from(self, user, municipality):
        """The initiatives the person may not see, for what hangs off them
        (``faelles.core.visibility``)."""
        from faelles.accounts.rules import is_staff_member

        rows = (
            self.all()
            if municipality is None
            else self.filter(municipality=municipality)
        )
        if municipality is not None and is_staff_member(user, municipality):
            return rows.none()
        return rows.filter(staff_only=True)

    def awaiting_response(self, *, before):
        """No response from the municipality yet, and proposed before ``before``."""
        return self.filter(
            first_response_at__isnull=True,
            created_at__lt=before,
            state=State.IDEA,
        )


InitiativeManager = models.Manager.from_queryset(InitiativeQuerySet)


class Initiative(TenantModel):
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="initiatives",
        verbose_name=_("kommune"),
    )
    title = models.CharField(_("titel"), max_length=160)
    challenge = models.TextField(_("udfordringen"), max_length=4000)
    idea = models.TextField(_("idéen"), max_length=6000)
    target_group = models.CharField(_("hvem er det for"), max_length=300, blank=True)
    postcode = models.CharField(
        _("postnummer"), max_length=4, blank=True, validators=[postcode_validator]
    )
    place = models.CharField(_("sted"), max_length=160, blank=True)
    principles = models.ManyToManyField(
        "municipalities.Principle",
        blank=True,
        related_name="initiatives",
        verbose_name=_("principper det understøtter"),
    )
    focus_area = focus_area_key()
    state = models.CharField(
        _("status"), max_length=12, choices=State.choices, default=State.IDEA
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposed_initiatives",
        verbose_name=_("foreslået af"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("på vegne af"),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_initiatives",
        verbose_name=_("facilitator"),
    )
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for_initiatives",
        verbose_name=_("ansvarlig afdeling"),
        limit_choices_to={"kind": "department"},
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="initiative_teams",
        verbose_name=_("tværgående team"),
    )
    # Kun for medarbejdere: only the municipality's staff (employees and
    # administrators) see it and what belongs to it (docs/staff-only.md).
    staff_only = models.BooleanField(
        _("kun for medarbejdere"),
        default=False,
        db_default=False,
        help_text=_(
            "Kun kommunens medarbejdere kan se det. Borgere, foreninger og "
            "politikere ser det ikke i lister, søgning, kalendere eller eksport."
        ),
    )
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    participant_count = models.PositiveIntegerField(default=0)
    follower_count = models.PositiveIntegerField(default=0)
    first_response_at = models.DateTimeField(null=True, blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)  # see search.py

    objects: ClassVar[InitiativeManager] = InitiativeManager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("initiativ")
        verbose_name_plural = _("initiativer")
        indexes = [
            models.Index(fields=["municipality", "-id"], name="init_muni_id"),
            models.Index(
                fields=["municipality", "state", "-id"], name="init_muni_state_id"
            ),
            models.Index(
                fields=["municipality", "facilitator", "-id"], name="init_muni_fac_id"
            ),
            models.Index(
                fields=["municipality", "created_at"],
                condition=models.Q(first_response_at__isnull=True, state="idea"),
                name="init_awaiting_response",
            ),
            models.Index(
                fields=["municipality", "created_at"],
                condition=models.Q(facilitator__isnull=True),
                name="init_unassigned",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=State.values),
                name="initiative_state_valid",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from faelles.municipalities.tenancy import tenant_reverse

        return tenant_reverse("initiatives:detail", self.municipality_id, pk=self.pk)


class InitiativeTheme(models.Model):
    """An initiative's themes; the municipality is repeated for indexed filters."""

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="themes"
    )
    theme = theme_key(required=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "theme"], name="initiative_theme_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["municipality", "theme", "-initiative"], name="init_theme_idx"
            )
        ]

    def __str__(self) -> str:
        return self.theme.name_local


def initiative_image_path(instance, filename: str) -> str:
    return f"initiatives/{instance.initiative.municipality_id}/{filename}"


class InitiativeImage(models.Model):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("billede"), upload_to=initiative_image_path)
    alt_text = models.CharField(_("beskrivelse af billedet"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.alt_text


class Need(models.Model):
    """A role or resource an initiative recruits; a resources app can publish these."""

    class Kind(models.TextChoices):
        ROLE = "role", _("Rolle")
        RESOURCE = "resource", _("Ressource")

    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="needs"
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("hvad"), max_length=160)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=2000)
    quantity = models.PositiveSmallIntegerField(
        _("antal"), default=1, validators=[MinValueValidator(1)]
    )
    filled = models.PositiveSmallIntegerField(default=0)
    is_open = models.BooleanField(_("søges stadig"), default=True)
    # The need as published to "Ressourcer og behov", where it is matched to offers.
    listing = models.OneToOneField(
        "resources.Listing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiative_need",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "id"]
        indexes = [
            models.Index(
                fields=["municipality", "is_open", "kind"], name="need_open_idx"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Support(models.Model):
    """ "Jeg støtter": a person, or an organisation through a person."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user"],
                condition=models.Q(organisation__isnull=True),
                name="support_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["initiative", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="support_once_per_organisation",
            ),
        ]
        indexes = [models.Index(fields=["user", "initiative"], name="support_user")]

    def __str__(self) -> str:
        return f"{self.organisation or self.user} → {self.initiative_id}"


class Participation(models.Model):
    """ "Jeg vil være med som …": joining with a role, optionally filling a need."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    need = models.ForeignKey(
        Need, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    role = models.CharField(_("jeg vil være med som"), max_length=160)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user"],
                condition=models.Q(organisation__isnull=True),
                name="participation_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["initiative", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="participation_once_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.role


class Follow(models.Model):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="followers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user"], name="follow_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.initiative_id}"


class Comment(models.Model):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="comments"
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
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(_("kommentar"), max_length=4000)
    is_from_municipality = models.BooleanField(default=False)
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

    class Meta:
        ordering = ["id"]
        indexes = [
            # top-level comments of one initiative in order (keyset pages)
            models.Index(
                fields=["initiative", "id"],
                condition=models.Q(parent__isnull=True),
                name="comment_root_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_hidden=False) | ~models.Q(hidden_reason=""),
                name="hidden_comment_has_reason",
            )
        ]

    def __str__(self) -> str:
        return self.body[:60]


class Transition(models.Model):
    """One step of the lifecycle: who moved it, when and why (the timeline)."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(max_length=12, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=12, choices=State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("begrundelse"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["initiative", "created_at"], name="trans_idx")]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class TrialQuerySet(TenantQuerySet):
    def evaluated(self):
        return self.filter(outcome__isnull=False)


TrialManager = models.Manager.from_queryset(TrialQuerySet)


class Trial(TenantModel):
    """A prøvehandling: a hypothesis, what is tried, a period and success criteria."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="trials"
    )
    round = models.PositiveSmallIntegerField(default=1)
    we_believe = models.TextField(_("Vi tror, at …"), max_length=1000)
    will_lead_to = models.TextField(_("… vil føre til …"), max_length=1000)
    what_is_tried = models.TextField(_("hvad afprøves"), max_length=4000)
    starts_on = models.DateField(_("periode fra"))
    ends_on = models.DateField(_("periode til"))
    # evaluation
    outcome = models.CharField(
        _("udfald"), max_length=14, choices=Outcome.choices, null=True, blank=True
    )
    learned = models.TextField(_("hvad vi lærte"), blank=True, max_length=4000)
    do_differently = models.TextField(
        _("hvad vi ville gøre anderledes"), blank=True, max_length=4000
    )
    evaluated_at = models.DateTimeField(null=True, blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # copied from the initiative when evaluated, for the library's filters and stats
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    search_vector = SearchVectorField(null=True, editable=False)  # see search.py

    objects: ClassVar[TrialManager] = TrialManager()

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="trial_period_in_order",
            ),
            models.UniqueConstraint(
                fields=["initiative", "round"], name="trial_round_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["municipality", "-id"],
                condition=models.Q(outcome__isnull=False),
                name="trial_evaluated_idx",
            ),
            models.Index(
                fields=["municipality", "outcome", "-id"],
                name="trial_outcome_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative} ({self.round})"

    @property
    def hypothesis(self) -> str:
        return f"Vi tror, at {self.we_believe} vil føre til {self.will_lead_to}"

    def get_absolute_url(self) -> str:
        from faelles.municipalities.tenancy import tenant_reverse

        return tenant_reverse(
            "initiatives:detail", self.municipality_id, pk=self.initiative_id
        )


class SuccessCriterion(models.Model):
    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="criteria")
    indicator = models.CharField(_("indikator"), max_length=200)
    target = models.CharField(_("målværdi"), max_length=100)
    result = models.CharField(_("resultat"), max_length=100, blank=True)
    met = models.BooleanField(_("nået"), null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.target}"


class TrialRevision(models.Model):
    """A change to a trial after it started: goals may be adjusted as the trial
    teaches us ("sætter vi fælles mål og tilpasser dem løbende"), but never silently —
    the page shows what was changed, by whom, when and why."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="revisions")
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("hvorfor"), max_length=2000)
    # [{"field": "starts_on" | "criteria" | …, "before": str, "after": str}]
    changes = models.JSONField(default=list)

    class Meta:
        ordering = ["trial", "changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.trial} – {self.changed_at:%Y-%m-%d}"


class StoryQuerySet(TenantQuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def visible_to(self, user, municipality):
        """A story about an invitation-only community is as hidden as the group
        (``faelles.core.visibility``)."""
        from faelles.core.visibility import visible_q

        return self.filter(visible_q(Story, user, municipality))


StoryManager = models.Manager.from_queryset(StoryQuerySet)


class Story(TenantModel):
    """A good story (god historie) about an initiative, a community or a collaboration."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("initiativ"),
    )
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("fællesskab"),
    )
    collaboration = models.ForeignKey(
        "resources.Collaboration",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("samarbejde"),
    )
    title = models.CharField(_("overskrift"), max_length=160)
    lead = models.CharField(_("indledning"), max_length=400)
    body = models.TextField(_("historien"), max_length=12000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[StoryManager] = StoryManager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("god historie")
        verbose_name_plural = _("gode historier")
        indexes = [
            models.Index(
                fields=["municipality", "-published_at"],
                condition=models.Q(published_at__isnull=False),
                name="story_published_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(initiative__isnull=False)
                | models.Q(community__isnull=False)
                | models.Q(collaboration__isnull=False),
                name="story_is_about_something",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def subject(self):
        """What the story is about: its initiative, community or collaboration."""
        return self.initiative or self.community or self.collaboration

    @property
    def subject_title(self) -> str:
        if self.initiative is not None:
            return self.initiative.title
        if self.community is not None:
            return self.community.name
        if self.collaboration_id:
            return str(_("Et samarbejde mellem en ressource og et behov"))
        return ""

    def get_absolute_url(self) -> str:
        from faelles.municipalities.tenancy import tenant_reverse

        return tenant_reverse("initiatives:story", self.municipality_id, pk=self.pk)


def story_photo_path(instance, filename: str) -> str:
    return f"stories/{instance.story.municipality_id}/{filename}"


class StoryPhoto(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="photos")
    # Private storage: a draft's photos may show people who have not consented yet,
    # and a story about a private group is as hidden as the group; only
    # story_views.story_photo, which checks the story, serves them.
    image = models.ImageField(
        _("foto"), upload_to=story_photo_path, storage=private_storage
    )
    caption = models.CharField(_("billedtekst"), max_length=300)
    shows_people = models.BooleanField(
        _("der er genkendelige personer på fotoet"), default=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.caption


class PhotoConsent(models.Model):
    """The recorded consent of one person shown on a photo."""

    class Method(models.TextChoices):
        WRITTEN = "written", _("Skriftligt på papir")
        DIGITAL = "digital", _("Digitalt (e-mail eller formular)")
        VERBAL = "verbal", _("Mundtligt, noteret af medarbejder")
        GUARDIAN = "guardian", _("Skriftligt af forældremyndighedsindehaver")

    photo = models.ForeignKey(
        StoryPhoto, on_delete=models.CASCADE, related_name="consents"
    )
    person_name = models.CharField(_("hvem har givet samtykke"), max_length=160)
    consented_on = models.DateField(_("hvornår"))
    method = models.CharField(_("hvordan"), max_length=10, choices=Method.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.person_name
