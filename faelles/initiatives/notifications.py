"""Who hears about what happens to an initiative.

* Followers, the proposer and participants hear when it changes phase; the
  proposer and the facilitator when someone comments; a replied-to person when
  answered; facilitators and team members when they are assigned.
* Initiatives that have waited too long for the municipality's response are
  flagged to the administrators, by the management command
  ``initiatives_awaiting_response`` (cron) and the task ``flag_awaiting_response``
  (django-tasks), so both behave the same.

Notifications are created after the transaction commits, so a rolled-back act
tells nobody anything.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from faelles.accounts.models import Membership
from faelles.core.mail import queue_mail
from faelles.core.site import absolute_url
from faelles.municipalities.models import Municipality
from faelles.municipalities.tenancy import tenant_reverse

from .models import Follow, Participation
from .selectors import awaiting_response

_muted: ContextVar[bool] = ContextVar("initiative_notifications_muted", default=False)


@contextmanager
def muted():
    """No notifications (used while loading demo content that replays history)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _send(recipient_ids, *, municipality, kind, title, body, url, exclude=()):
    from faelles.accounts.models import User
    from faelles.notifications.services import notify

    if _muted.get():
        return
    ids = {i for i in recipient_ids if i} - {i for i in exclude if i}
    if not ids:
        return
    for user in User.objects.filter(pk__in=ids, is_active=True).iterator():
        notify(
            recipient=user,
            municipality=municipality,
            kind=kind,
            title=title,
            body=body,
            url=url,
        )


def notify_transition(transition) -> None:
    if _muted.get():
        return
    initiative = transition.initiative

    def send():
        ids = {initiative.proposer_id, initiative.facilitator_id}
        ids.update(
            Follow.objects.filter(initiative=initiative).values_list(
                "user_id", flat=True
            )
        )
        ids.update(
            Participation.objects.filter(initiative=initiative).values_list(
                "user_id", flat=True
            )
        )
        _send(
            ids,
            municipality=initiative.municipality,
            kind="initiatives.transition",
            title=lambda: (
                _("“%(title)s” er nu i fasen “%(state)s”")
                % {
                    "title": initiative.title,
                    "state": transition.get_to_state_display(),
                }
            ),
            body=transition.reason,
            url=initiative.get_absolute_url() + "#forloeb",
            exclude=[transition.actor_id],
        )

    transaction.on_commit(send)


def notify_comment(comment) -> None:
    if _muted.get():
        return
    initiative = comment.initiative

    def send():
        ids = {initiative.proposer_id, initiative.facilitator_id}
        if comment.parent_id:
            ids.add(comment.parent.author_id)
        _send(
            ids,
            municipality=initiative.municipality,
            kind="initiatives.comment",
            title=lambda: (
                _("Ny kommentar til “%(title)s”") % {"title": initiative.title}
            ),
            body=comment.body[:300],
            url=initiative.get_absolute_url() + f"#kommentar-{comment.pk}",
            exclude=[comment.author_id],
        )

    transaction.on_commit(send)


def notify_facilitation(initiative, people, *, actor) -> None:
    if _muted.get():
        return

    def send():
        _send(
            [p.pk for p in people],
            municipality=initiative.municipality,
            kind="initiatives.facilitation",
            title=lambda: (
                _("Du faciliterer nu “%(title)s”") % {"title": initiative.title}
            ),
            body=lambda: _("Du er sat på initiativet som facilitator eller i teamet."),
            url=initiative.get_absolute_url(),
            exclude=[actor.pk],
        )

    transaction.on_commit(send)


def intake_recipients(municipality) -> list[int]:
    """Who is told that a citizen has proposed an initiative: the employees of the
    department the municipality has chosen to receive them, or — when it has chosen
    none, or that department has no employees — its administrators, so that
    "kommunen får besked" is always true."""
    active = Membership.objects.filter(municipality=municipality, user__is_active=True)
    if municipality.initiative_intake_id:
        ids = list(
            active.filter(
                is_employee=True, department_id=municipality.initiative_intake_id
            ).values_list("user_id", flat=True)
        )
        if ids:
            return ids
    return list(active.filter(is_administrator=True).values_list("user_id", flat=True))


def notify_proposed(initiative) -> None:
    """Tell the municipality that a new initiative waits for its response."""
    if _muted.get():
        return

    def send():
        _send(
            intake_recipients(initiative.municipality),
            municipality=initiative.municipality,
            kind="initiatives.proposed",
            title=lambda: (
                _("Nyt initiativ venter på kommunens svar: “%(title)s”")
                % {"title": initiative.title}
            ),
            body=initiative.challenge[:300],
            url=initiative.get_absolute_url(),
            exclude=[initiative.proposer_id],
        )

    transaction.on_commit(send)


@dataclass
class Flagged:
    municipality: Municipality
    initiatives: list[tuple[int, str]]  # (id, title)
    recipients: list[tuple[int, str]]  # (user id, e-mail)

    @property
    def titles(self) -> list[str]:
        return [title for _pk, title in self.initiatives]


def find_awaiting(*, now: datetime | None = None) -> list[Flagged]:
    now = now or timezone.now()
    found = []
    for municipality in Municipality.objects.active():
        initiatives = list(
            awaiting_response(municipality=municipality, now=now).values_list(
                "id", "title"
            )[:100]
        )
        if not initiatives:
            continue
        recipients = list(
            Membership.objects.filter(
                municipality=municipality, is_administrator=True, user__is_active=True
            ).values_list("user_id", "user__email")
        )
        found.append(Flagged(municipality, initiatives, recipients))
    return found


def notify_administrators(*, now: datetime | None = None) -> list[Flagged]:
    """E-mail each municipality's administrators a list of waiting initiatives,
    and flag each waiting initiative to them once in the app."""
    from faelles.accounts.models import User
    from faelles.notifications.services import notify

    flagged = find_awaiting(now=now)
    for item in flagged:
        if not item.recipients:
            continue
        url = absolute_url(
            tenant_reverse("initiatives:awaiting_response", item.municipality)
        )
        admins = list(User.objects.filter(pk__in=[pk for pk, _e in item.recipients]))
        for admin in admins:  # one mail each, in the administrator's language
            with translation.override(admin.preferred_language or "da"):
                body = "\n".join(
                    [
                        _("Disse initiativer venter stadig på svar fra kommunen:"),
                        "",
                        *[f"- {t}" for t in item.titles],
                        "",
                        _("Se listen: %(url)s") % {"url": url},
                    ]
                )
                subject = _("%(n)d initiativer venter på svar") % {
                    "n": len(item.titles)
                }
            queue_mail(to=admin.email, subject=subject, body=body)
        for pk, title in item.initiatives:
            for admin in admins:
                notify(
                    recipient=admin,
                    municipality=item.municipality,
                    kind="initiatives.awaiting_response",
                    title=lambda title=title: (
                        _("“%(title)s” venter på svar fra kommunen") % {"title": title}
                    ),
                    url=tenant_reverse("initiatives:detail", item.municipality, pk=pk),
                    dedupe_key=f"initiatives.awaiting:{pk}",
                )
    return flagged
