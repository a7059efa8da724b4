"""Listings expire; owners are reminded once and can renew (frozen dates throughout)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from faelles.notifications.models import Notification
from faelles.resources import matches, services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import DEFAULT_LIFETIME_DAYS, Listing

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)


def test_reminder_goes_once_per_period_and_not_for_closed(municipality):
    due = ListingFactory(municipality=municipality, expires_on=TODAY + dt.timedelta(10))
    later = ListingFactory(
        municipality=municipality, expires_on=TODAY + dt.timedelta(40)
    )
    closed = ListingFactory(
        municipality=municipality, expires_on=TODAY + dt.timedelta(3), is_active=False
    )
    assert services.expiry_reminders_send(today=TODAY) == 1
    assert services.expiry_reminders_send(today=TODAY) == 0
    notification = Notification.objects.get()
    assert notification.recipient == due.owner
    assert notification.kind == "resources.expiry_reminder"
    assert notification.url == due.get_absolute_url()
    assert "12. marts 2026" in notification.body
    assert not Notification.objects.filter(recipient__in=[later.owner, closed.owner])
    # Renewing starts a new period, with a new reminder when that one runs out.
    renewed = services.listing_renew(listing=due, actor=due.owner, today=TODAY)
    assert renewed.expires_on == TODAY + dt.timedelta(10 + DEFAULT_LIFETIME_DAYS)
    assert renewed.reminder_sent_on is None
    assert (
        services.expiry_reminders_send(today=renewed.expires_on - dt.timedelta(5)) == 1
    )


def test_renewing_an_expired_listing_brings_it_back(client, municipality):
    listing = ListingFactory(
        municipality=municipality, expires_on=dt.date.today() - dt.timedelta(days=3)
    )
    client.force_login(listing.owner)
    page = client.get(listing.get_absolute_url()).text
    assert "udløbet" in page and "Forny opslaget" in page
    client.post(listing.get_absolute_url() + "forny/")
    listing.refresh_from_db()
    assert listing.expires_on == dt.date.today() + dt.timedelta(DEFAULT_LIFETIME_DAYS)
    assert listing.is_active


def test_expired_listings_leave_the_index_the_day_they_expire(municipality):
    need = NeedFactory(municipality=municipality, expires_on=TODAY + dt.timedelta(100))
    offer = ListingFactory(municipality=municipality, expires_on=TODAY)
    assert [
        f.listing for f in matches.matches_for(need, levels=["public"], today=TODAY)
    ]
    index = matches.index_for(municipality.pk, "offer", TODAY)
    assert str(offer.pk) in index
    nxt = TODAY + dt.timedelta(days=1)
    assert matches.matches_for(need, levels=["public"], today=nxt) == []
    assert str(offer.pk) not in matches.index_for(municipality.pk, "offer", nxt)


def test_daily_command_sends_reminders_and_suggestions(
    municipality, django_capture_on_commit_callbacks
):
    ListingFactory(
        municipality=municipality,
        expires_on=dt.date.today() + dt.timedelta(days=5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resources_daily")
    assert Notification.objects.filter(kind="resources.expiry_reminder").count() == 1
    assert len(mail.outbox) == 1  # the owner wanted e-mail at once
    assert Listing.objects.get().reminder_sent_on == dt.date.today()
