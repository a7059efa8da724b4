"""50 people press "Tilmeld" at once for 10 places: exactly 10 get one."""

import threading

import pytest
from django.db import connection, connections

from faelles.accounts.factories import MembershipFactory
from faelles.events import services
from faelles.events.factories import EventFactory
from faelles.events.models import Event, Registration

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_signups_respect_capacity(municipality):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; row locks need PostgreSQL")
    event = EventFactory(municipality=municipality, capacity=10)
    people = [MembershipFactory(municipality=municipality).user for _ in range(50)]
    barrier = threading.Barrier(len(people))
    errors = []

    def sign_up(user):
        try:
            barrier.wait()
            services.registration_create(event=event, user=user)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count("confirmed") == 10
    assert statuses.count("waiting") == 40
    event = Event.objects.get(pk=event.pk)
    assert (event.confirmed_count, event.waiting_count) == (10, 40)
