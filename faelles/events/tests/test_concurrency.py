"""Many people pressing buttons at once, on PostgreSQL with real connections.

SQLite serialises every writer, so these tests only mean something on PostgreSQL;
they skip (visibly) on SQLite and run in the PostgreSQL pass of `make test`.
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from faelles.accounts.factories import MembershipFactory
from faelles.communities import movement_services
from faelles.communities.factories import MovementFactory
from faelles.communities.models import Movement, Pledge
from faelles.events import services
from faelles.events.factories import EventFactory
from faelles.events.models import Event, Registration

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; row locks need PostgreSQL")


def _at_once(calls) -> list[Exception]:
    """Run each call in its own thread and database connection, all released by
    one barrier so they really hit the database together."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _people(municipality, n):
    return [MembershipFactory(municipality=municipality).user for _ in range(n)]


def test_concurrent_signups_respect_capacity(municipality):
    """50 simultaneous sign-ups for 10 places: 10 confirmed, 40 waiting."""
    event = EventFactory(municipality=municipality, capacity=10)
    people = _people(municipality, 50)
    errors = _at_once(
        [lambda p=p: services.registration_create(event=event, user=p) for p in people]
    )
    assert not errors
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count("confirmed") == 10
    assert statuses.count("waiting") == 40
    event = Event.objects.get(pk=event.pk)
    assert (event.confirmed_count, event.waiting_count) == (10, 40)
    # The waiting list is in the order the sign-ups were committed.
    waiting = Registration.objects.filter(status="waiting").order_by("queued_at", "id")
    assert len({r.queued_at for r in waiting}) >= 1


def test_cancellations_and_signups_at_once_keep_places_exact(
    municipality, django_capture_on_commit_callbacks
):
    """10 people cancel while 20 new sign up: every freed place goes to the
    waiting list in order, nobody is double-booked, counters match the rows."""
    event = EventFactory(municipality=municipality, capacity=10)
    holders = _people(municipality, 10)
    queue = _people(municipality, 5)
    newcomers = _people(municipality, 20)
    for person in holders + queue:
        services.registration_create(event=event, user=person)
    calls = [
        lambda p=p: services.registration_cancel(event=event, user=p) for p in holders
    ] + [
        lambda p=p: services.registration_create(event=event, user=p) for p in newcomers
    ]
    assert not _at_once(calls)
    confirmed = Registration.objects.filter(event=event, status="confirmed")
    assert confirmed.count() == 10
    # Everyone who queued before the rush got a place.
    assert set(queue) <= {r.user for r in confirmed.select_related("user")}
    event = Event.objects.get(pk=event.pk)
    assert event.confirmed_count == 10
    assert (
        event.waiting_count
        == Registration.objects.filter(event=event, status="waiting").count()
        == 15
    )


def test_concurrent_pledges_keep_the_totals_exact(municipality):
    movement = MovementFactory(municipality=municipality, target=Decimal("1000"))
    people = _people(municipality, 30)
    errors = _at_once(
        [
            lambda p=p, i=i: movement_services.pledge_make(
                movement=movement, user=p, amount=Decimal(i + 1)
            )
            for i, p in enumerate(people)
        ]
    )
    assert not errors
    movement = Movement.objects.get(pk=movement.pk)
    assert movement.participant_count == 30 == Pledge.objects.count()
    assert movement.pledged_total == Decimal(sum(range(1, 31)))
