"""Communities (fællesskaber) and movements (bevægelser).

Counters (``member_count``, ``pledged_total`` …) are denormalised and kept up to
date by the services, so lists never count rows per item.
"""

import secrets
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.core.storage import private_storage
from faelles.municipalities.models import (
    TenantModel,
    TenantQuerySet,
    focus_area_key,
    theme_key,
)
from faelles.municipalities.tenancy import tenant_reverse

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class AgeGroup(models.TextChoices):
    ALL = "all", _("Alle aldre")
    CHILDREN = "children", _("Børn")
    YOUTH = "youth", _("Unge (13–25)")
    ADULTS = "adults", _("Voksne")
    SENIORS = "seniors", _("Ældre (65+)")


class LifeSituation(models.TextChoices):
    ANY = "any", _("Alle er velkomne")
    ILLNESS = "illness", _("Lever med sygdom eller efter genoptræning")
    NEW_PARENT = "new_parent", _("Nybagt forælder")
    NEWCOMER = "newcomer", _("Ny i området")
    ALONE = "alone", _("Alene eller ensom")
    GRIEF = "grief", _("I sorg")
    RETIRED = "retired", _("Gået på pension")
    CARER = "carer", _("Pårørende")
    JOBSEEKER = "jobseeker", _("Uden for arbejdsmarkedet")


# Label lookups for list pages: ``get_FOO_display`` rebuilds the choice dict on
# every call, which adds up over a page of cards.
AGE_LABELS = dict(AgeGroup.choices)
SITUATION_LABELS = dict(LifeSituation.choices)


class CommunityQuerySet(TenantQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def listed(self):
        """Visible in "Find et fællesskab": invitation-only groups are not shown
        (staff-only ones are left out by ``visible_to``)."""
        return self.active().exclude(access=Community.Access.INVITATION)

    def listed_to(self, user, municipality):
        """``listed`` for this person: staff-only communities for staff only."""
        from faelles.accounts.rules import is_staff_member

        qs = self.listed()
        if not is_staff_member(user, municipality):
            qs = qs.exclude(staff_only=True)
        return qs

    def hidden_from(self, user, municipality):
        """The communities the person may not see, nor anything that belongs to
        them: invitation-only groups they are neither an active member of (hosts
        are members) nor invited to, and — for anyone who is not the
        municipality's staff — staff-only communities. The municipality's
        administrators see them all, as ``communities.view_community`` says
        (``faelles.core.visibility``, docs/staff-only.md).
        """
        from faelles.accounts.rules import can_administer, is_staff_member

        rows = (
            self.all()
            if municipality is None
            else self.filter(municipality=municipality)
        )
        if municipality is not None and can_administer(user, municipality):
            return rows.none()
        hidden = models.Q(access=Community.Access.INVITATION)
        if getattr(user, "is_authenticated", False):
            hidden &= ~models.Q(
                pk__in=CommunityMember.objects.filter(
                    user=user,
                    status__in=[
                        CommunityMember.Status.ACTIVE,
                        CommunityMember.Status.INVITED,
                    ],
                ).values("community_id")
            )
        if municipality is None or not is_staff_member(user, municipality):
            hidden |= models.Q(staff_only=True)
        return rows.filter(hidden)

    def visible_to(self, user, municipality):
        hidden = Community.objects.hidden_from(user, municipality)
        return self.exclude(pk__in=hidden.values("pk"))


CommunityManager = models.Manager.from_queryset(CommunityQuerySet)


class Community(TenantModel):
    class Access(models.TextChoices):
        OPEN = "open", _("Åben – alle kan melde sig ind")
        CLOSED = "closed", _("Lukket – værterne godkender nye medlemmer")
        INVITATION = "invitation", _("Kun efter invitation")

    name = models.CharField(_("navn"), max_length=150)
    description = models.TextField(_("beskrivelse"), max_length=5000)
    theme = theme_key(required=True)
    focus_area = focus_area_key()
    access = models.CharField(
        _("hvem kan være med"),
        max_length=12,
        choices=Access.choices,
        default=Access.OPEN,
    )
    place = models.CharField(_("mødested"), max_length=200, blank=True)
    area = models.CharField(
        _("område"), max_length=80, blank=True, help_text=_("Fx bydel eller by.")
    )
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    meeting_rhythm = models.CharField(
        _("hvor ofte I mødes"), max_length=120, blank=True
    )
    age_group = models.CharField(
        _("aldersgruppe"), max_length=10, choices=AgeGroup.choices, default="all"
    )
    life_situation = models.CharField(
        _("livssituation"),
        max_length=12,
        choices=LifeSituation.choices,
        default=LifeSituation.ANY,
    )
    target_group = models.CharField(
        _("hvem fællesskabet er for"), max_length=200, blank=True
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
    member_count = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[CommunityManager] = CommunityManager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("fællesskab")
        verbose_name_plural = _("fællesskaber")
        indexes = [
            models.Index(fields=["municipality", "is_active", "-id"]),
            models.Index(fields=["municipality", "theme", "-id"]),
            models.Index(fields=["municipality", "age_group", "-id"]),
            models.Index(fields=["municipality", "life_situation", "-id"]),
            models.Index(fields=["municipality", "postcode"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return tenant_reverse("communities:detail", self.municipality_id, pk=self.pk)

    @property
    def theme_label(self) -> str:
        return self.theme.name_local

    @property
    def age_group_label(self) -> "StrOrPromise":
        return AGE_LABELS.get(self.age_group, self.age_group)

    @property
    def life_situation_label(self) -> "StrOrPromise":
        return SITUATION_LABELS.get(self.life_situation, self.life_situation)


class CommunityMember(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Medlem")
        REQUESTED = "requested", _("Har bedt om at blive medlem")
        INVITED = "invited", _("Inviteret")

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_memberships",
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    is_host = models.BooleanField(_("vært"), default=False)
    message = models.TextField(_("besked til værterne"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-is_host", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"], name="one_community_membership"
            ),
            models.CheckConstraint(
                condition=~models.Q(is_host=True) | models.Q(status="active"),
                name="hosts_are_active_members",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "status"]),
            models.Index(fields=["community", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} i {self.community}"


class Post(models.Model):
    """A message on a community's board."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("besked"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["community", "-id"])]

    def __str__(self) -> str:
        return self.body[:50]


def _file_path(instance, filename: str) -> str:
    return f"communities/{instance.community_id}/{secrets.token_hex(8)}/{filename}"


class SharedFile(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="files"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("titel"), max_length=150)
    # Never under MEDIA_ROOT: served only by the view that checks membership.
    file = models.FileField(_("fil"), upload_to=_file_path, storage=private_storage)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title


class Referral(TenantModel):
    """An employee suggests a community to a citizen, who has agreed to it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Afventer borgerens svar")
        JOINED = "joined", _("Borgeren er blevet medlem")
        DECLINED = "declined", _("Borgeren har takket nej")

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="referrals"
    )
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referrals"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(_("hilsen til borgeren"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(_("borgerens samtykke givet"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["municipality", "referred_by", "-id"])]

    def __str__(self) -> str:
        return f"{self.citizen} → {self.community}"


# --- movements ---------------------------------------------------------------


class MovementQuerySet(TenantQuerySet):
    def active(self):
        return self.filter(is_active=True)


MovementManager = models.Manager.from_queryset(MovementQuerySet)


class Movement(TenantModel):
    """A shared goal with a measurable target that many people work towards."""

    class LedBy(models.TextChoices):
        POLITICIAN = "politician", _("En politiker")
        ASSOCIATION = "association", _("En forening")
        CITIZENS = "citizens", _("Borgere")

    class Unit(models.TextChoices):
        CO2 = "co2", _("ton CO₂")
        PEOPLE = "people", _("personer med")
        KM = "km", _("kilometer")
        HOURS = "hours", _("timer")
        ACTIONS = "actions", _("handlinger")

    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("beskrivelse"), max_length=5000)
    goal = models.CharField(_("det fælles mål"), max_length=300)
    led_by = models.CharField(_("hvem står bag"), max_length=12, choices=LedBy.choices)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("tovholder"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forening"),
    )
    unit = models.CharField(_("hvad vi måler"), max_length=10, choices=Unit.choices)
    target = models.DecimalField(_("mål"), max_digits=12, decimal_places=2)
    starts_on = models.DateField(_("starter"), null=True, blank=True)
    ends_on = models.DateField(_("slutter"), null=True, blank=True)
    # Denormalised, kept by the services.
    pledged_total = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    achieved_total = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    participant_count = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[MovementManager] = MovementManager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("bevægelse")
        verbose_name_plural = _("bevægelser")
        indexes = [models.Index(fields=["municipality", "is_active", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target__gt=0), name="movement_target_positive"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("movements:detail", self.municipality_id, pk=self.pk)

    @property
    def unit_label(self) -> "StrOrPromise":
        return UNIT_LABELS.get(self.unit, self.unit)

    @property
    def led_by_label(self) -> "StrOrPromise":
        return LED_BY_LABELS.get(self.led_by, self.led_by)

    def _percent(self, value) -> int:
        return max(0, min(100, int(value * 100 / self.target))) if self.target else 0

    @property
    def pledged_percent(self) -> int:
        return self._percent(self.pledged_total)

    @property
    def achieved_percent(self) -> int:
        return self._percent(self.achieved_total)


UNIT_LABELS = dict(Movement.Unit.choices)
LED_BY_LABELS = dict(Movement.LedBy.choices)


class MovementTeam(models.Model):
    class Kind(models.TextChoices):
        AREA = "area", _("Område")
        SCHOOL = "school", _("Skole")
        WORKPLACE = "workplace", _("Arbejdsplads")
        OTHER = "other", _("Andet")

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="teams"
    )
    name = models.CharField(_("navn"), max_length=120)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    on_leaderboard = models.BooleanField(
        _("vis holdet på resultattavlen"), default=False
    )
    total = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "name"], name="unique_team_name_per_movement"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Pledge(models.Model):
    """A participant's promise; one per person and movement (changed, not repeated)."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="pledges"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pledges"
    )
    team = models.ForeignKey(
        MovementTeam,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges",
        verbose_name=_("hold"),
    )
    amount = models.DecimalField(_("jeg lover"), max_digits=12, decimal_places=2)
    text = models.CharField(_("hvad jeg vil gøre"), max_length=300, blank=True)
    on_leaderboard = models.BooleanField(
        _("vis mit navn på resultattavlen"), default=False
    )
    achieved = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "user"], name="one_pledge_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="pledge_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.amount}"


class MovementAction(models.Model):
    """Something a participant actually did, logged towards the target."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="actions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    team = models.ForeignKey(
        MovementTeam, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    amount = models.DecimalField(_("mængde"), max_digits=12, decimal_places=2)
    description = models.CharField(_("hvad har du gjort"), max_length=300)
    done_on = models.DateField(_("dato"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["movement", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="action_amount_positive"
            )
        ]

    def __str__(self) -> str:
        return self.description
