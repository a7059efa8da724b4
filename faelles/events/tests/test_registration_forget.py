"""Giving places back on account deletion: a service called from
``gdpr.delete_personal_data``, never a signal.

The hook is called here without deleting the account, so these tests fail when
the rule is moved into a receiver on the user's deletion or the hook skips it.
"""

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.events import gdpr, services
from faelles.events.factories import EventFactory
from faelles.events.models import Event, Registration
from faelles.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _status(event, user) -> str:
    return Registration.objects.get(event=event, user=user).status


def test_the_hook_cancels_places_and_moves_the_waiting_list_up(
    municipality, django_capture_on_commit_callbacks
):
    leaving, next_in_line, other = (
        MembershipFactory(municipality=municipality).user for _ in "abc"
    )
    confirmed = EventFactory(municipality=municipality, capacity=1)
    services.registration_create(event=confirmed, user=leaving)
    services.registration_create(event=confirmed, user=next_in_line)
    waiting = EventFactory(municipality=municipality, capacity=1)
    services.registration_create(event=waiting, user=other)
    services.registration_create(event=waiting, user=leaving)

    with django_capture_on_commit_callbacks(execute=True):
        gdpr.delete_personal_data(leaving)

    assert _status(confirmed, leaving) == _status(waiting, leaving) == "cancelled"
    assert _status(confirmed, next_in_line) == "confirmed"
    confirmed = Event.objects.get(pk=confirmed.pk)
    assert (confirmed.confirmed_count, confirmed.waiting_count) == (1, 0)
    waiting = Event.objects.get(pk=waiting.pk)
    assert (waiting.confirmed_count, waiting.waiting_count) == (1, 0)
    assert Notification.objects.filter(
        recipient=next_in_line, kind="events.promoted"
    ).exists()


def test_only_active_registrations_are_cancelled(municipality, citizen):
    going = EventFactory(municipality=municipality)
    services.registration_create(event=going, user=citizen)
    earlier = EventFactory(municipality=municipality)
    services.registration_create(event=earlier, user=citizen)
    services.registration_cancel(event=earlier, user=citizen)

    assert services.registration_forget(user=citizen) == 1

    assert _status(going, citizen) == "cancelled"
    assert Event.objects.get(pk=earlier.pk).confirmed_count == 0
