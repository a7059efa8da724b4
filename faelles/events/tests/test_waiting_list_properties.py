"""Property test: whatever order people sign up, cancel and organisers change the
number of places, the counters match the rows, nobody is over capacity, and
nobody waits while there is a free place."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelles.accounts.factories import MembershipFactory
from faelles.events import services
from faelles.events.factories import EventFactory
from faelles.events.models import Event, Registration

pytestmark = pytest.mark.django_db

PEOPLE = 8
operation = st.one_of(
    st.tuples(st.just("signup"), st.integers(0, PEOPLE - 1)),
    st.tuples(st.just("cancel"), st.integers(0, PEOPLE - 1)),
    st.tuples(st.just("capacity"), st.one_of(st.none(), st.integers(0, 6))),
)


@pytest.fixture
def people(municipality):
    return [MembershipFactory(municipality=municipality).user for _ in range(PEOPLE)]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(capacity=st.integers(0, 5), operations=st.lists(operation, max_size=25))
def test_waiting_list_invariants(municipality, people, capacity, operations):
    event = EventFactory(municipality=municipality, capacity=capacity)
    organiser = people[0]
    clock = timezone.now()
    for kind, value in operations:
        clock += timedelta(seconds=1)
        if kind == "signup":
            services.registration_create(event=event, user=people[value], now=clock)
        elif kind == "cancel":
            services.registration_cancel(event=event, user=people[value])
        else:
            event.refresh_from_db()
            if value is not None and value < event.confirmed_count:
                continue  # refused by the service; covered elsewhere
            services.event_update(event=event, actor=organiser, capacity=value)
        event = Event.objects.get(pk=event.pk)
        rows = Registration.objects.filter(event=event)
        confirmed = rows.filter(status="confirmed").count()
        waiting = rows.filter(status="waiting").count()
        assert (event.confirmed_count, event.waiting_count) == (confirmed, waiting)
        if event.capacity is not None:
            assert confirmed <= event.capacity
        if waiting:
            assert event.capacity is not None and confirmed == event.capacity
