from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.communities.models import Community, Movement
from faelles.core import access
from faelles.core.params import parse_id
from faelles.core.site import absolute_url
from faelles.municipalities.tenancy import tenant_reverse
from faelles.organisations.selectors import acting_organisation

from . import selectors, services
from .forms import CalendarFilterForm, CancelForm, EventForm
from .ical import build_calendar, cached_calendar, calendar_response
from .models import CalendarToken, Event


def event_list(request):
    form = CalendarFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.event_calendar(
        municipality=request.municipality,
        user=request.user,
        after=request.GET.get("efter"),
        query=(filters.get("q") or "").strip(),
        step_free=bool(filters.get("step_free")),
    )
    context = {"form": form, "page": page}
    if request.htmx:
        return render(request, "events/partials/_calendar.html", context)
    return render(request, "events/event_list.html", context)


@login_required
def event_create(request):
    if not request.user.has_perm("events.create_event", request.municipality):
        raise PermissionDenied
    can_municipal = request.user.has_perm(
        "events.create_municipal_event", request.municipality
    )
    initial = {}
    for key, field in (
        ("faellesskab", "community"),
        ("bevaegelse", "movement"),
        ("initiativ", "initiative"),
    ):
        if (value := parse_id(request.GET.get(key))) is not None:
            initial[field] = value
    form = EventForm(
        request.POST or None,
        initial=initial,
        municipality=request.municipality,
        user=request.user,
        can_municipal=can_municipal,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not (
            can_municipal
            or data.get("community")
            or data.get("movement")
            or data.get("initiative")
        ):
            form.add_error(
                "community",
                _(
                    "Vælg det fællesskab, den bevægelse eller det initiativ, "
                    "arrangementet hører til."
                ),
            )
        else:
            try:
                event = services.event_create(
                    municipality=request.municipality,
                    actor=request.user,
                    organisation=acting_organisation(request),
                    **data,
                )
            except ValidationError as exc:
                access.error_messages(request, exc)
            else:
                messages.success(request, _("Arrangementet er oprettet."))
                return redirect(event.get_absolute_url())
    return render(request, "events/event_form.html", {"form": form, "creating": True})


def event_detail(request, pk: int):
    event = access.get_or_404(
        request,
        Event.objects.select_related(
            "community", "movement", "initiative", "organiser", "organisation"
        ),
        pk=pk,
        view="events.view_event",
    )
    registration = selectors.registration_for(event=event, user=request.user)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "registration": registration,
            "position": selectors.waiting_position(registration),
            "can_manage": request.user.has_perm("events.manage_event", event),
            "can_signup": request.user.has_perm("events.signup", event),
        },
    )


def event_edit(request, pk: int):
    event = access.get_or_404(
        request, Event, pk=pk, view="events.view_event", perm="events.manage_event"
    )
    form = EventForm(
        request.POST or None,
        instance=Event.objects.get(pk=event.pk),
        municipality=request.municipality,
        user=request.user,
        can_municipal=request.user.has_perm(
            "events.create_municipal_event", request.municipality
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(event.get_absolute_url())
    return render(request, "events/event_form.html", {"form": form, "event": event})


@require_POST
def event_signup(request, pk: int):
    event = access.get_or_404(
        request, Event, pk=pk, view="events.view_event", perm="events.signup"
    )
    try:
        registration = services.registration_create(event=event, user=request.user)
    except ValidationError as exc:
        access.error_messages(request, exc)
    else:
        if registration.status == "confirmed":
            messages.success(request, _("Du er tilmeldt. Vi glæder os til at se dig!"))
        else:
            messages.info(
                request,
                _(
                    "Arrangementet er fuldt, så du er sat på ventelisten. Du får "
                    "besked, hvis der bliver en plads."
                ),
            )
    return redirect(event.get_absolute_url())


@require_POST
def event_unregister(request, pk: int):
    event = access.get_or_404(request, Event, pk=pk, view="events.view_event")
    access.require_login(request, next_url=event.get_absolute_url())
    if services.registration_cancel(event=event, user=request.user):
        messages.info(request, _("Du er meldt fra. Tak fordi du gav besked."))
    return redirect(event.get_absolute_url())


def event_attendees(request, pk: int):
    event = access.get_or_404(
        request, Event, pk=pk, view="events.view_event", perm="events.manage_event"
    )
    if request.method == "POST":
        reg_id = parse_id(request.POST.get("registration"))
        if reg_id is not None:
            try:
                services.checkin_set(
                    event=event,
                    actor=request.user,
                    registration_id=reg_id,
                    present=request.POST.get("present") == "1",
                )
            except ValidationError as exc:
                access.error_messages(request, exc)
            else:
                messages.success(request, _("Fremmødet er registreret."))
        return redirect(tenant_reverse("events:attendees", request.municipality, pk=pk))
    return render(
        request,
        "events/event_attendees.html",
        {"event": event, "registrations": selectors.attendee_list(event=event)},
    )


def event_cancel(request, pk: int):
    event = access.get_or_404(
        request, Event, pk=pk, view="events.view_event", perm="events.manage_event"
    )
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.event_cancel(
                event=event, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(
                request,
                _("Arrangementet er aflyst, og %(count)s personer har fået besked.")
                % {"count": count},
            )
            return redirect(event.get_absolute_url())
    return render(request, "events/event_cancel.html", {"event": event, "form": form})


@login_required
def my_events(request):
    token = services.calendar_token_get_or_create(
        municipality=request.municipality, user=request.user
    )
    feed = absolute_url(
        tenant_reverse("events:personal_feed", request.municipality, token=token.token)
    )
    return render(
        request,
        "events/event_mine.html",
        {
            "registrations": selectors.events_of(
                municipality=request.municipality, user=request.user
            ),
            "feed_url": feed,
        },
    )


@login_required
@require_POST
def feed_reset(request):
    services.calendar_token_reset(municipality=request.municipality, user=request.user)
    messages.success(
        request,
        _("Du har fået en ny kalenderadresse. Den gamle virker ikke længere."),
    )
    return redirect(tenant_reverse("events:mine", request.municipality))


# --- iCalendar feeds ------------------------------------------------------------

FEED_LIMIT = 500
FEED_PAST_DAYS = 30


def event_ics(request, pk: int):
    event = access.get_or_404(request, Event, pk=pk, view="events.view_event")
    return calendar_response([event], name=event.title, filename=f"event-{pk}.ics")


FEED_FIELDS = (
    "id",
    "municipality_id",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "address",
    "status",
)


def municipality_feed(request):
    """The municipality's events from a month ago and onwards; cancelled ones stay,
    marked as such, so subscribed calendars take them out. One cached body serves
    everyone, so it holds only what anyone may see (calendar apps do not log in)."""
    municipality = request.municipality

    def build() -> bytes:
        since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
        events = (
            Event.objects.filter(municipality=municipality, starts_at__gte=since)
            .visible_to(AnonymousUser(), municipality)
            .only(*FEED_FIELDS)
            .order_by("starts_at", "id")[:FEED_LIMIT]
        )
        return build_calendar(events, name=municipality.programme_name)

    return calendar_response(
        body=cached_calendar(municipality.pk, build),
        name=municipality.programme_name,
        filename=f"{municipality.slug}.ics",
    )


def community_feed(request, pk: int):
    community = access.get_or_404(request, Community, pk=pk)
    events = community.events.visible_to(request.user, request.municipality).order_by(
        "-starts_at"
    )[:FEED_LIMIT]
    return calendar_response(
        events, name=community.name, filename=f"community-{pk}.ics"
    )


def movement_feed(request, pk: int):
    movement = access.get_or_404(request, Movement, pk=pk)
    events = movement.events.visible_to(request.user, request.municipality).order_by(
        "-starts_at"
    )[:FEED_LIMIT]
    return calendar_response(events, name=movement.title, filename=f"movement-{pk}.ics")


def personal_feed(request, token: str):
    """A person's own calendar; the secret token is the only credential."""
    calendar_token = access.get_or_404(
        request, CalendarToken.objects.select_related("user"), token=token
    )
    events = (
        Event.objects.filter(
            municipality=request.municipality,
            registrations__user_id=calendar_token.user_id,
            registrations__status__in=["confirmed", "waiting"],
        )
        .visible_to(calendar_token.user, request.municipality)
        .order_by("-starts_at")
        .distinct()[:FEED_LIMIT]
    )
    return calendar_response(
        events,
        name=_("Mine arrangementer – %(name)s") % {"name": request.municipality.name},
        filename="mine.ics",
    )
