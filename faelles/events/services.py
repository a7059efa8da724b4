"""Every write about events: sign-up, waiting list, promotion, check-in, cancel.

Sign-up and cancellation lock the event row with ``select_for_update`` and keep
``confirmed_count``/``waiting_count`` on it, so capacity holds however many people
press the button at the same time.
"""

from datetime import datetime, timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from faelles.accounts.models import User
from faelles.accounts.rules import is_staff_member
from faelles.core.audit import audit
from faelles.core.services import model_update
from faelles.notifications.services import notify
from faelles.participation.models import Rung
from faelles.participation.services import record_participation

from .ical import feed_changed
from .models import CalendarToken, Event, Registration


@transaction.atomic
def event_create(*, municipality, actor, organisation=None, **fields) -> Event:
    """``organisation``: the organisation the actor acts on behalf of, credited."""
    if organisation is not None and organisation.municipality_id != municipality.pk:
        raise ValidationError(_("Forbindelsen hører til en anden kommune."))
    if fields.get("staff_only") and not is_staff_member(actor, municipality):
        raise ValidationError(
            {
                "staff_only": _(
                    "Kun kommunens medarbejdere kan lave noget, der kun er for "
                    "medarbejdere."
                )
            }
        )
    event = Event(
        municipality=municipality, organiser=actor, organisation=organisation, **fields
    )
    for link in ("community", "movement", "initiative"):
        obj = fields.get(link)
        if obj is not None and obj.municipality_id != municipality.pk:
            raise ValidationError(_("Forbindelsen hører til en anden kommune."))
    event.full_clean()
    event.save()
    audit(action="events.create", actor=actor, municipality=municipality, target=event)
    transaction.on_commit(lambda: feed_changed(municipality.pk))
    if not is_staff_member(actor, municipality):  # organising as staff is work
        record_participation(
            municipality=municipality,
            user=actor,
            action="events.organise",
            rung=Rung.CIVIL_SOCIETY,
            source=event,
        )
    return event


@transaction.atomic
def event_update(*, event: Event, actor, **fields) -> Event:
    """Change the event. ``staff_only`` only opens it (docs/staff-only.md)."""
    if fields.get("staff_only") and not event.staff_only:
        raise ValidationError(
            {
                "staff_only": _(
                    "Et arrangement, der er åbent for borgerne, kan ikke gøres "
                    "til kun for medarbejdere."
                )
            }
        )
    old_capacity = []

    def check_capacity(event: Event, old: dict) -> None:
        old_capacity.append(old.get("capacity", event.capacity))
        if event.capacity is not None and event.capacity < event.confirmed_count:
            raise ValidationError(
                _(
                    "Der er allerede %(count)s tilmeldte; antallet af pladser kan "
                    "ikke være mindre."
                ),
                params={"count": event.confirmed_count},
            )

    event = model_update(
        event,
        fields=fields,
        actor=actor,
        action="events.update",
        before_save=check_capacity,
    )
    if event.capacity is None or (old_capacity[0] or 0) < event.capacity:
        _promote(event)
    transaction.on_commit(lambda: feed_changed(event.municipality_id))
    return event


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


@transaction.atomic
def registration_create(
    *, event: Event, user, now: datetime | None = None
) -> Registration:
    """Sign up: a confirmed place while there is one, else the waiting list."""
    now = now or timezone.now()
    event = _locked(event)
    if event.is_cancelled:
        raise ValidationError(_("Arrangementet er aflyst."))
    if event.ends_at < now:
        raise ValidationError(_("Arrangementet er slut."))
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration and registration.status != Registration.Status.CANCELLED:
        return registration
    status = (
        Registration.Status.WAITING if event.is_full else Registration.Status.CONFIRMED
    )
    if registration is None:
        registration = Registration(event=event, user=user)
    registration.status = status
    registration.queued_at = now
    registration.checked_in_at = None
    registration.save()
    if status == Registration.Status.CONFIRMED:
        event.confirmed_count += 1
    else:
        event.waiting_count += 1
    event.save(update_fields=["confirmed_count", "waiting_count"])
    audit(
        action="events.signup",
        actor=user,
        municipality=event.municipality,
        target=event,
        data={"status": status},
    )
    record_participation(
        municipality=event.municipality,
        user=user,
        action="events.signup",
        rung=Rung.CLOSE_NETWORK,
        source=event,
        occurred_at=now,
    )
    return registration


def _promote(event: Event) -> list[Registration]:
    """Move people from the waiting list into free places, first come first."""
    free = None if event.capacity is None else event.capacity - event.confirmed_count
    if free is not None and free <= 0:
        return []
    waiting = (
        Registration.objects.filter(event=event, status=Registration.Status.WAITING)
        .select_related("user")
        .order_by("queued_at", "id")
    )
    if free is not None:
        waiting = waiting[:free]
    promoted = list(waiting)
    if not promoted:
        return []
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(
        status=Registration.Status.CONFIRMED
    )
    event.confirmed_count += len(promoted)
    event.waiting_count -= len(promoted)
    event.save(update_fields=["confirmed_count", "waiting_count"])
    url = event.get_absolute_url()
    when = timezone.localtime(event.starts_at)
    for registration in promoted:
        person = registration.user
        transaction.on_commit(
            partial(
                notify,
                recipient=person,
                municipality=event.municipality,
                kind="events.promoted",
                title=lambda: (
                    _("Du har fået en plads til %(title)s") % {"title": event.title}
                ),
                body=lambda: (
                    _(
                        "Der er blevet en plads ledig, og du var den næste på "
                        "ventelisten. Vi ses %(when)s på %(place)s. Kan du alligevel "
                        "ikke komme, så meld dig fra, så en anden kan få pladsen."
                    )
                    % {
                        "when": date_format(when, "DATETIME_FORMAT"),
                        "place": event.place,
                    }
                ),
                url=url,
                dedupe_key=(
                    f"event-promoted:{registration.pk}:{registration.queued_at:%s}"
                ),
            )
        )
        audit(
            action="events.promoted",
            municipality=event.municipality,
            target=registration,
        )
    return promoted


@transaction.atomic
def registration_cancel(*, event: Event, user) -> Registration | None:
    """Cancel one's place or leave the waiting list; a freed place is passed on."""
    event = _locked(event)
    registration = (
        Registration.objects.filter(event=event, user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )
    if registration is None:
        return None
    if registration.status == Registration.Status.CONFIRMED:
        event.confirmed_count -= 1
    else:
        event.waiting_count -= 1
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    event.save(update_fields=["confirmed_count", "waiting_count"])
    audit(
        action="events.cancel_signup",
        actor=user,
        municipality=event.municipality,
        target=event,
    )
    if not event.is_cancelled:
        _promote(event)
    return registration


@transaction.atomic
def registration_forget(*, user: User) -> int:
    """Account deletion (``gdpr.delete_personal_data``): cancel the person's places,
    exactly as if they had cancelled themselves, so the waiting list moves up.
    Returns how many were cancelled."""
    active = (
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
    )
    cancelled = 0
    for registration in active:
        if registration_cancel(event=registration.event, user=user) is not None:
            cancelled += 1
    return cancelled


@transaction.atomic
def checkin_set(
    *, event: Event, actor, registration_id: int, present: bool, now=None
) -> Registration:
    registration = (
        Registration.objects.filter(
            event=event, pk=registration_id, status=Registration.Status.CONFIRMED
        )
        .select_related("user")
        .first()
    )
    if registration is None:
        raise ValidationError(_("Personen er ikke tilmeldt."))
    first_check_in = present and registration.checked_in_at is None
    registration.checked_in_at = (now or timezone.now()) if present else None
    registration.save(update_fields=["checked_in_at"])
    if first_check_in:
        record_participation(
            municipality=event.municipality,
            user=registration.user,
            action="events.attend",
            rung=Rung.CLOSE_NETWORK,
            source=event,
            occurred_at=registration.checked_in_at,
        )
    audit(
        action="events.checkin",
        actor=actor,
        municipality=event.municipality,
        target=registration,
        data={"present": present},
    )
    return registration


@transaction.atomic
def event_cancel(*, event: Event, actor, reason: str) -> int:
    """The organiser cancels; everyone signed up or waiting is told."""
    event = _locked(event)
    if event.is_cancelled:
        raise ValidationError(_("Arrangementet er allerede aflyst."))
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Skriv kort, hvorfor arrangementet aflyses."))
    event.status = Event.Status.CANCELLED
    event.cancel_reason = reason
    event.save(update_fields=["status", "cancel_reason"])
    transaction.on_commit(lambda: feed_changed(event.municipality_id))
    people = [
        r.user
        for r in Registration.objects.filter(
            event=event,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
        ).select_related("user")
    ]
    audit(
        action="events.cancel",
        actor=actor,
        municipality=event.municipality,
        target=event,
        data={"notified": len(people)},
    )
    url = event.get_absolute_url()

    def title():
        return _("Aflyst: %(title)s") % {"title": event.title}

    def send():
        for person in people:
            notify(
                recipient=person,
                municipality=event.municipality,
                kind="events.cancelled",
                title=title,
                body=reason,
                url=url,
                dedupe_key=f"event-cancelled:{event.pk}",
            )

    transaction.on_commit(send)
    return len(people)


def send_reminders(*, now: datetime | None = None) -> int:
    """Remind everyone with a place at events starting within the next day.

    Run daily (command ``send_event_reminders`` or the task); each person is
    reminded once per event (``reminded_at``).
    """
    now = now or timezone.now()
    sent = 0
    events = (
        Event.objects.published()
        .filter(starts_at__gt=now, starts_at__lte=now + timedelta(days=1))
        .select_related("community")
    )
    for event in events.iterator():
        with transaction.atomic():
            registrations = list(
                Registration.objects.select_for_update(skip_locked=True)
                .filter(
                    event=event,
                    status=Registration.Status.CONFIRMED,
                    reminded_at__isnull=True,
                )
                .select_related("user")
            )
            when = timezone.localtime(event.starts_at)
            for registration in registrations:
                # Someone who has left an invitation-only group is not reminded
                # of its events (faelles.core.visibility).
                if event.community_id and not registration.user.has_perm(
                    "events.view_event", event
                ):
                    continue
                notify(
                    recipient=registration.user,
                    municipality=event.municipality,
                    kind="events.reminder",
                    title=lambda event=event: (
                        _("Husk: %(title)s") % {"title": event.title}
                    ),
                    body=lambda event=event, when=when: (
                        _("Vi ses %(when)s på %(place)s.")
                        % {
                            "when": date_format(when, "DATETIME_FORMAT"),
                            "place": event.place,
                        }
                    ),
                    url=event.get_absolute_url(),
                    dedupe_key=f"event-reminder:{registration.pk}",
                )
            Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(
                reminded_at=now
            )
            Event.objects.filter(pk=event.pk).update(reminders_sent_at=now)
            sent += len(registrations)
    return sent


@transaction.atomic
def calendar_token_get_or_create(*, municipality, user) -> CalendarToken:
    """The secret of a person's personal calendar feed, made on first use."""
    token, created = CalendarToken.objects.get_or_create(
        municipality=municipality, user=user
    )
    if created:
        audit(
            action="events.calendar_token_create",
            actor=user,
            municipality=municipality,
        )
    return token


@transaction.atomic
def calendar_token_reset(*, municipality, user) -> None:
    """Retire a person's calendar feed address; the next visit makes a new one."""
    deleted, _rows = CalendarToken.objects.filter(
        municipality=municipality, user=user
    ).delete()
    if deleted:
        audit(
            action="events.calendar_token_reset",
            actor=user,
            municipality=municipality,
        )
