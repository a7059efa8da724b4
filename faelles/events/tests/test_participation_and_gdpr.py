"""Sign-up and attendance on the activity ladder; export; deletion frees places."""

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.services import account_delete, account_export
from faelles.events import services
from faelles.events.factories import EventFactory
from faelles.events.models import Event, Registration
from faelles.notifications.models import Notification
from faelles.participation.models import ParticipationAct, Rung

pytestmark = pytest.mark.django_db


def test_signup_and_check_in_are_recorded_once(municipality, citizen, employee):
    event = EventFactory(municipality=municipality, organiser=employee)
    registration = services.registration_create(event=event, user=citizen)
    for present in (True, False, True):
        services.checkin_set(
            event=event,
            actor=employee,
            registration_id=registration.pk,
            present=present,
        )
    acts = list(
        ParticipationAct.objects.filter(user=citizen)
        .order_by("id")
        .values_list("action", "rung", "source_id")
    )
    assert acts == [
        ("events.signup", Rung.CLOSE_NETWORK, str(event.pk)),
        ("events.attend", Rung.CLOSE_NETWORK, str(event.pk)),
        ("events.attend", Rung.CLOSE_NETWORK, str(event.pk)),
    ]


def test_organising_is_recorded_except_as_staff(municipality, citizen, employee):
    def create(actor, title):
        return services.event_create(
            municipality=municipality,
            actor=actor,
            title=title,
            description="Kom og se.",
            starts_at=EventFactory.build().starts_at,
            ends_at=EventFactory.build().ends_at,
            place="Rådhuset",
        )

    event = create(citizen, "Loppemarked i gården")
    assert ParticipationAct.objects.get(user=citizen).action == "events.organise"
    assert event.organiser == citizen
    create(employee, "Åbent hus på rådhuset")  # the municipality's own work
    assert not ParticipationAct.objects.filter(user=employee).exists()


def test_export_lists_registrations(municipality, citizen):
    event = EventFactory(municipality=municipality, title="Gåtur i Fruens Bøge")
    services.registration_create(event=event, user=citizen)
    data = account_export(user=citizen)["events"]
    assert data["registrations"][0]["event__title"] == "Gåtur i Fruens Bøge"
    assert data["registrations"][0]["status"] == "confirmed"


def test_deleted_account_frees_the_place_for_the_waiting_list(
    municipality, django_capture_on_commit_callbacks
):
    event = EventFactory(municipality=municipality, capacity=1)
    first, second = (MembershipFactory(municipality=municipality).user for _ in "ab")
    services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=first)
    assert Registration.objects.get(event=event, user=second).status == "confirmed"
    event = Event.objects.get(pk=event.pk)
    assert (event.confirmed_count, event.waiting_count) == (1, 0)
    assert Notification.objects.filter(
        recipient=second, kind="events.promoted"
    ).exists()
