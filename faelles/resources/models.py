"""Offers (ressourcer) and needs (behov), the matches between them, collaborations.

An offer and a need share one table (``Listing``, told apart by ``side``) because
they have the same shape — the matching engine describes both with one record.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.accounts.models import postcode_validator
from faelles.matching import taxonomy
from faelles.matching.records import SLOTS, slot_label
from faelles.municipalities.models import TenantModel, TenantQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Side(models.TextChoices):
    OFFER = "offer", _("Ressource")
    NEED = "need", _("Behov")


class Kind(models.TextChoices):
    SKILL = "skill", _("Kompetence")
    LIVED_EXPERIENCE = "lived_experience", _("Levet erfaring")
    TIME = "time", _("Tid og hænder")
    PLACE = "place", _("Sted eller lokale")
    EQUIPMENT = "equipment", _("Udstyr")
    KNOWLEDGE = "knowledge", _("Viden og netværk")


class Commitment(models.TextChoices):
    ONE_OFF = "one_off", _("En enkelt gang")
    RECURRING = "recurring", _("Fast aftale")
    LONG_TERM = "long_term_1to1", _("Længerevarende 1:1-forløb")
    GROUP = "group", _("Gruppe")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Alle, også uden at logge ind")
    MEMBERS = "members", _("Medlemmer i kommunen")
    EMPLOYEES = "employees", _("Kun kommunens medarbejdere")


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", _("Mundtligt ved personligt møde")
    PHONE = "phone", _("Mundtligt i telefonen")
    WRITTEN = "written", _("Skriftligt (brev eller e-mail)")


MODE_FIELDS = {
    "in_person": "mode_in_person",
    "online": "mode_online",
    "phone": "mode_phone",
}
SPECIAL_ROOTS = {"health"}
"""Categories under these roots describe health: special-category data."""

DEFAULT_LIFETIME_DAYS = 180
VISIBILITY_ORDER = [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.EMPLOYEES]


def slots_to_mask(slots) -> int:
    mask = 0
    for s in slots:
        if s in SLOTS:
            mask |= 1 << SLOTS.index(s)
    return mask


def mask_to_slots(mask: int) -> list[str]:
    return [s for i, s in enumerate(SLOTS) if mask & (1 << i)]


def category_path(categories) -> str:
    """`` health health.chronic health.chronic.copd `` — for a LIKE filter by subtree."""
    slugs: list[str] = []
    for slug in categories:
        for s in [slug, *taxonomy.ancestors(slug)]:
            if s not in slugs:
                slugs.append(s)
    return " " + " ".join(slugs) + " " if slugs else ""


def is_special_category(kind: str, categories) -> bool:
    return kind == Kind.LIVED_EXPERIENCE or any(
        taxonomy.root(c) in SPECIAL_ROOTS
        for c in categories
        if c in taxonomy.CATEGORIES
    )


class ListingQuerySet(TenantQuerySet):
    def active(self, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.filter(is_active=True, expires_on__gte=today)

    def offers(self):
        return self.filter(side=Side.OFFER)

    def needs(self):
        return self.filter(side=Side.NEED)

    def visible_at(self, levels):
        return self.filter(visibility__in=levels)


ListingManager = models.Manager.from_queryset(ListingQuerySet)


class Listing(TenantModel):
    side = models.CharField(_("type"), max_length=5, choices=Side.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="resource_listings",
        verbose_name=_("ejer"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="resource_listings",
        verbose_name=_("på vegne af organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    # An employee posting for a citizen: who consented, when and how.
    behalf_consent_by = models.CharField(
        _("samtykke givet af"), max_length=120, blank=True
    )
    behalf_consent_at = models.DateTimeField(_("samtykke givet"), null=True, blank=True)
    behalf_consent_method = models.CharField(
        _("samtykke givet sådan"),
        max_length=12,
        choices=ConsentMethod.choices,
        blank=True,
    )
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    categories = models.JSONField(_("kategorier"), default=list, blank=True)
    category_path = models.CharField(max_length=400, blank=True, editable=False)
    title = models.CharField(_("overskrift"), max_length=140)
    text = models.TextField(_("beskrivelse"), max_length=4000)
    mode_in_person = models.BooleanField(_("fysisk fremmøde"), default=True)
    mode_online = models.BooleanField(_("online"), default=False)
    mode_phone = models.BooleanField(_("telefon"), default=False)
    postcode = models.CharField(
        _("postnummer"), max_length=4, blank=True, validators=[postcode_validator]
    )
    radius_km = models.PositiveSmallIntegerField(
        _("afstand i km"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(300)],
    )
    availability = models.PositiveIntegerField(
        _("ugentlig tilgængelighed"), default=0, help_text="bit mask over SLOTS"
    )
    available_from = models.DateField(_("fra dato"), null=True, blank=True)
    available_until = models.DateField(_("til dato"), null=True, blank=True)
    commitment = models.CharField(
        _("omfang"), max_length=16, choices=Commitment.choices, blank=True
    )
    capacity = models.PositiveSmallIntegerField(
        _("antal pladser"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    min_age = models.PositiveSmallIntegerField(
        _("mindstealder"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    languages = models.JSONField(_("sprog"), default=list, blank=True)
    requires_child_certificate = models.BooleanField(
        _("kræver børneattest"), default=False
    )
    visibility = models.CharField(
        _("hvem kan se det"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    special_consent_at = models.DateTimeField(
        _("samtykke til følsomme oplysninger"), null=True, blank=True
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    expires_on = models.DateField(_("udløber"))
    reminder_sent_on = models.DateField(null=True, blank=True, editable=False)
    revision = models.BigIntegerField(default=0, editable=False, db_index=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[ListingManager] = ListingManager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("ressource eller behov")
        verbose_name_plural = _("ressourcer og behov")
        indexes = [
            # Covering on PostgreSQL (``include`` is ignored elsewhere): the list and
            # the map filter one side by category and read postcodes, newest first,
            # from the index alone instead of every row (docs/benchmarks.md).
            models.Index(
                fields=["municipality", "side", "-id"],
                name="res_list_side",
                include=[
                    "is_active",
                    "expires_on",
                    "visibility",
                    "postcode",
                    "category_path",
                ],
            ),
            models.Index(fields=["municipality", "revision"], name="res_revision"),
            models.Index(fields=["owner", "municipality"], name="res_owner"),
            models.Index(fields=["expires_on", "is_active"], name="res_expiry"),
            models.Index(
                fields=["municipality", "side", "kind", "-id"], name="res_kind"
            ),
            models.Index(
                fields=["municipality", "side", "postcode", "-id"], name="res_postcode"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(mode_in_person=True)
                | Q(mode_online=True)
                | Q(mode_phone=True),
                name="res_listing_some_mode",
            ),
            models.CheckConstraint(
                condition=Q(available_from__isnull=True)
                | Q(available_until__isnull=True)
                | Q(available_until__gte=models.F("available_from")),
                name="res_listing_date_range",
            ),
            models.CheckConstraint(
                condition=~Q(kind="lived_experience")
                | Q(special_consent_at__isnull=False),
                name="res_listing_special_needs_consent",
            ),
            models.CheckConstraint(
                condition=~Q(kind="lived_experience") | ~Q(visibility="public"),
                name="res_listing_special_not_public",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from faelles.municipalities.tenancy import tenant_reverse

        return tenant_reverse("resources:detail", self.municipality_id, pk=self.pk)

    def clean(self) -> None:
        errors: dict[str, StrOrPromise] = {}
        unknown = [c for c in self.categories if c not in taxonomy.CATEGORIES]
        if unknown:
            errors["categories"] = _("Ukendt kategori: %(slugs)s") % {
                "slugs": ", ".join(map(str, unknown))
            }
        if not (self.mode_in_person or self.mode_online or self.mode_phone):
            errors["mode_in_person"] = _("Vælg mindst én måde at mødes på.")
        if (
            self.available_from
            and self.available_until
            and self.available_until < self.available_from
        ):
            errors["available_until"] = _("Slutdatoen ligger før startdatoen.")
        if self.is_special:
            if self.special_consent_at is None:
                errors["special_consent_at"] = _(
                    "Oplysninger om helbred og levet erfaring kræver dit samtykke."
                )
            if self.visibility == Visibility.PUBLIC:
                errors["visibility"] = _(
                    "Oplysninger om helbred og levet erfaring kan ikke vises for alle."
                )
        if self.commitment == Commitment.GROUP and not self.capacity:
            errors["capacity"] = _("Angiv hvor mange der kan være i gruppen.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_offer(self) -> bool:
        return self.side == Side.OFFER

    @property
    def is_special(self) -> bool:
        return is_special_category(self.kind, self.categories)

    @property
    def modes(self) -> list[str]:
        return [m for m, f in MODE_FIELDS.items() if getattr(self, f)]

    @property
    def mode_labels(self) -> list[str]:
        labels = {
            "in_person": _("Fysisk fremmøde"),
            "online": _("Online"),
            "phone": _("Telefon"),
        }
        return [str(labels[m]) for m in self.modes]

    @property
    def language_labels(self) -> list[str]:
        from faelles.accounts.models import LANGUAGE_CHOICES

        names = dict(LANGUAGE_CHOICES)
        return [str(names.get(code, code)) for code in self.languages]

    @property
    def slots(self) -> list[str]:
        return mask_to_slots(self.availability)

    @property
    def slot_labels(self) -> list[str]:
        from django.utils.translation import get_language

        language = "en" if (get_language() or "da").startswith("en") else "da"
        return [slot_label(s, language) for s in self.slots]

    @property
    def category_labels(self) -> list[str]:
        from django.utils.translation import get_language

        language = "en" if (get_language() or "da").startswith("en") else "da"
        return [
            taxonomy.path_label(c, language)
            for c in self.categories
            if c in taxonomy.CATEGORIES
        ]

    def is_expired(self, today: dt.date | None = None) -> bool:
        return self.expires_on < (today or timezone.localdate())


class ChildCertificateVerification(TenantModel):
    """That an organisation has seen a person's børneattest — never the document."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="child_certificate_verifications",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("verificeret af organisation"),
    )
    verified_on = models.DateField(_("verificeret den"))
    valid_until = models.DateField(_("gyldig til"))
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("verificeret af"),
    )

    class Meta:
        verbose_name = _("verificeret børneattest")
        verbose_name_plural = _("verificerede børneattester")
        indexes = [models.Index(fields=["person", "valid_until"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("verified_on")),
                name="res_childcert_valid_after_verified",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.organisation} · {self.valid_until}"


class Proposal(TenantModel):
    """A need and an offer put together: by the offer's owner or suggested by anyone."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Foreslået – venter på en medarbejder")
        PROPOSED = "proposed", _("Venter på svar")
        ACCEPTED = "accepted", _("Aftalt")
        DECLINED = "declined", _("Afslået")
        DISMISSED = "dismissed", _("Afvist af medarbejder")

    OPEN = (Status.SUGGESTED, Status.PROPOSED)

    need = models.ForeignKey(
        Listing, on_delete=models.CASCADE, related_name="proposals_as_need"
    )
    offer = models.ForeignKey(
        Listing, on_delete=models.CASCADE, related_name="proposals_as_offer"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("foreslået af"),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("medarbejder"),
    )
    note = models.TextField(_("besked"), max_length=1000, blank=True)
    by_engine = models.BooleanField(
        _("foreslået af matchmotoren"), default=False, editable=False
    )
    score = models.FloatField(null=True, blank=True, editable=False)
    adjusted_from = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adjusted_to",
        verbose_name=_("justeret ud fra"),
    )
    need_accepted_at = models.DateTimeField(null=True, blank=True)
    offer_accepted_at = models.DateTimeField(null=True, blank=True)
    # Who said yes for each side: the listing's owner, or — for an organisation's
    # listing — the member who answered. That person takes part in the forløb.
    need_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    offer_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    #: Not stored: set by the listing page for its template — whether the viewer
    #: may open the collaboration the proposal led to.
    collaboration_openable: bool

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("matchforslag")
        verbose_name_plural = _("matchforslag")
        constraints = [
            models.UniqueConstraint(
                fields=["need", "offer"],
                condition=Q(status__in=["suggested", "proposed"]),
                name="res_one_open_proposal_per_pair",
            )
        ]
        indexes = [models.Index(fields=["municipality", "status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.need} ↔ {self.offer}"

    def get_absolute_url(self) -> str:
        from faelles.municipalities.tenancy import tenant_reverse

        return tenant_reverse("resources:proposal", self.municipality_id, pk=self.pk)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class DeclinedPair(TenantModel):
    """A "no" from either side: this pair is never suggested again."""

    need = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("afslået par")
        verbose_name_plural = _("afslåede par")
        constraints = [
            models.UniqueConstraint(fields=["need", "offer"], name="res_declined_once")
        ]
        indexes = [models.Index(fields=["offer", "need"])]

    def __str__(self) -> str:
        return f"{self.need_id} ✕ {self.offer_id}"


class Collaboration(TenantModel):
    """A forløb: an accepted match, private to the two sides and the facilitator."""

    class Status(models.TextChoices):
        AGREED = "agreed", _("Aftalt")
        ONGOING = "ongoing", _("I gang")
        FINISHED = "finished", _("Afsluttet")

    proposal = models.OneToOneField(
        Proposal, on_delete=models.CASCADE, related_name="collaboration"
    )
    need = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    need_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    offer_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.AGREED
    )
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("forløb")
        verbose_name_plural = _("forløb")
        indexes = [
            models.Index(fields=["need_owner", "municipality"]),
            models.Index(fields=["offer_owner", "municipality"]),
        ]

    def __str__(self) -> str:
        return f"{self.need.title} ↔ {self.offer.title}"

    def get_absolute_url(self) -> str:
        from faelles.municipalities.tenancy import tenant_reverse

        return tenant_reverse(
            "resources:collaboration", self.municipality_id, pk=self.pk
        )

    def participant_ids(self) -> set[int]:
        ids = {self.need_owner_id, self.offer_owner_id}
        if self.facilitator_id:
            ids.add(self.facilitator_id)
        return ids


class CollaborationMessage(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("besked"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("besked i forløb")
        verbose_name_plural = _("beskeder i forløb")

    def __str__(self) -> str:
        return self.body[:40]


class HoursEntry(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="hours"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    hours = models.DecimalField(
        _("timer"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(100)],
    )
    on = models.DateField(_("dato"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("timer")
        verbose_name_plural = _("timer")

    def __str__(self) -> str:
        return f"{self.hours} t"


class Feedback(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="feedback"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("kort tilbagemelding"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tilbagemelding")
        verbose_name_plural = _("tilbagemeldinger")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "author"], name="res_one_feedback_each"
            )
        ]

    def __str__(self) -> str:
        return self.text[:40]


class MatchState(models.Model):
    """The per-municipality revision counter that tells cached indexes what changed."""

    municipality = models.OneToOneField(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    revision = models.BigIntegerField(default=0)
    # The stored match index files this database vouches for (one per side; see
    # faelles/resources/matches.py, "Stored indexes"): a file whose token is not
    # here any more (a newer file was written, or the database was restored from
    # a backup) is not loaded.
    offer_index_token = models.UUIDField(null=True, blank=True)
    need_index_token = models.UUIDField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.municipality_id}@{self.revision}"
