"""Flag initiatives that have waited too long for the municipality's response.

Used by the management command ``initiatives_awaiting_response`` (cron) and the
task ``flag_awaiting_response`` (django-tasks), so both behave the same.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.models import Membership
from faelles.municipalities.models import Municipality
from faelles.municipalities.tenancy import tenant_reverse

from .selectors import awaiting_response


@dataclass
class Flagged:
    municipality: Municipality
    titles: list[str]
    recipients: list[str]


def find_awaiting(*, now: datetime | None = None) -> list[Flagged]:
    now = now or timezone.now()
    found = []
    for municipality in Municipality.objects.active():
        titles = list(
            awaiting_response(municipality=municipality, now=now).values_list(
                "title", flat=True
            )[:100]
        )
        if not titles:
            continue
        recipients = list(
            Membership.objects.filter(
                municipality=municipality, is_administrator=True, user__is_active=True
            ).values_list("user__email", flat=True)
        )
        found.append(Flagged(municipality, titles, recipients))
    return found


def notify_administrators(*, now: datetime | None = None) -> list[Flagged]:
    """Email each municipality's administrators a list of waiting initiatives."""
    flagged = find_awaiting(now=now)
    for item in flagged:
        if not item.recipients:
            continue
        url = tenant_reverse("initiatives:awaiting_response", item.municipality)
        body = "\n".join(
            [
                _("Disse initiativer venter stadig på svar fra kommunen:"),
                "",
                *[f"- {t}" for t in item.titles],
                "",
                _("Se listen: %(url)s") % {"url": url},
            ]
        )
        send_mail(
            _("%(n)d initiativer venter på svar") % {"n": len(item.titles)},
            body,
            None,
            item.recipients,
        )
    return flagged
