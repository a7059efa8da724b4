from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task


@task()
def announce_round(round_id: int) -> int:
    """Tell every employee with a department that a round is open (or opens).

    In the background: a municipality has thousands of employees. Returns how
    many were told."""
    from faelles.accounts.models import Membership
    from faelles.notifications.services import notify

    from .models import Round

    round_ = Round.objects.select_related("municipality").get(pk=round_id)
    url = round_.get_absolute_url()
    title, opens_on, closes_on = round_.title, round_.opens_on, round_.closes_on
    told = 0
    memberships = (
        Membership.objects.filter(
            municipality=round_.municipality,
            is_employee=True,
            department__isnull=False,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("pk")
    )
    for membership in memberships.iterator(chunk_size=1000):
        made = notify(
            recipient=membership.user,
            municipality=round_.municipality,
            kind="pulse.round_open",
            title=lambda: _("Pulsmåling: %(title)s") % {"title": title},
            body=lambda: (
                _(
                    "Svar anonymt på 13 korte spørgsmål om tillid, retfærdighed og "
                    "samarbejde mellem %(start)s og %(end)s. Ingen kan se, hvad du svarer."
                )
                % {
                    "start": date_format(opens_on, "SHORT_DATE_FORMAT"),
                    "end": date_format(closes_on, "SHORT_DATE_FORMAT"),
                }
            ),
            url=url,
            dedupe_key=f"pulse.round_open.{round_id}",
        )
        told += made is not None
    return told
