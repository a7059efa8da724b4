"""Events (arrangementer) with sign-up, waiting list and calendar feeds.

``confirmed_count`` and ``waiting_count`` are denormalised; sign-up services lock
the event row (``select_for_update``) so the counters and the capacity stay exact
under concurrent sign-ups.
"""

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.core.visibility import hidden_under, visible_q
from faelles.municipalities.models import TenantModel, TenantQuerySet
from faelles.municipalities.tenancy import tenant_reverse


class EventQuerySet(TenantQuerySet):
    def published(self):
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self, now):
        return self.filter(ends_at__gte=now)

    def visible_to(self, user, municipality):
        """Events the person may see (``faelles.core.visibility``): an
        invitation-only group's events are as hidden as the group, and staff-only
        events (or those of a staff-only community or initiative) are for the
        municipality's staff only (docs/staff-only.md)."""
        from faelles.accounts.rules import is_staff_member

        qs = self.filter(visible_q(Event, user, municipality))
        if not is_staff_member(user, municipality):
            qs = qs.exclude(staff_only=True)
        return qs

    def hidden_from(self, user, municipality):
        """The events the person may not see, for what hangs off them
        (registrations): staff-only ones for non-staff, and those under a
        hidden community or initiative."""
        from faelles.accounts.rules import is_staff_member

        rows = Event.objects.all()
        if municipality is not None:
            rows = rows.filter(municipality=municipality)
        under = hidden_under(rows, user, municipality)
        if municipality is not None and is_staff_member(user, municipality):
            return under
        return rows.filter(staff_only=True) | under


EventManager = models.Manager.from_queryset(EventQuerySet)


class Event(TenantModel):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Offentliggjort")
        CANCELLED = "cancelled", _("Aflyst")

    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("beskrivelse"), max_length=5000)
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=200)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    step_free = models.BooleanField(_("trinfri adgang"), default=False)
    hearing_loop = models.BooleanField(_("teleslynge"), default=False)
    accessible_toilet = models.BooleanField(_("handicaptoilet"), default=False)
    accessibility_note = models.CharField(
        _("mere om tilgængelighed"), max_length=300, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("antal pladser"),
        null=True,
        blank=True,
        help_text=_("Lad feltet stå tomt, hvis der ikke er en grænse."),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("arrangør"),
    )
    # The association, business or institution the organiser acted on behalf of:
    # the event is credited to it (shown as the organiser, listed on its page).
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("på vegne af"),
    )
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("fællesskab"),
    )
    movement = models.ForeignKey(
        "communities.Movement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("bevægelse"),
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("initiativ"),
    )
    # Free text for events that belong to something without its own page here
    # (an opgaveudvalg, a network): shown under the title.
    source = models.CharField(
        _("hører til"),
        max_length=200,
        blank=True,
        help_text=_("Fx et opgaveudvalg eller et netværk, der står bag."),
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
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    cancel_reason = models.TextField(_("begrundelse"), max_length=1000, blank=True)
    confirmed_count = models.PositiveIntegerField(default=0)
    waiting_count = models.PositiveIntegerField(default=0)
    reminders_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[EventManager] = EventManager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        indexes = [
            models.Index(fields=["municipality", "status", "starts_at", "id"]),
            models.Index(fields=["community", "starts_at"]),
            models.Index(fields=["movement", "starts_at"]),
            models.Index(fields=["starts_at", "reminders_sent_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True)
                | models.Q(confirmed_count__lte=models.F("capacity")),
                name="event_not_overbooked",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("events:detail", self.municipality_id, pk=self.pk)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed_count >= self.capacity

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.confirmed_count)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Tilmeldt")
        WAITING = "waiting", _("På venteliste")
        CANCELLED = "cancelled", _("Afmeldt")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    # Order on the waiting list: the time the person (re)joined it.
    queued_at = models.DateTimeField()
    checked_in_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["queued_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="one_registration_per_person"
            )
        ]
        indexes = [
            models.Index(fields=["event", "status", "queued_at", "id"]),
            models.Index(fields=["user", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.event} ({self.status})"


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarToken(TenantModel):
    """The secret in a person's personal calendar feed address."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "user"], name="one_calendar_token"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.municipality_id}"
