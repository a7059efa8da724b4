"""What the events' audit verbs mean (see faelles/core/audit.py).

Signing up, cancelling one's sign-up, moving up from the waiting list and being
checked in are a person's participation: the registration is the record, and the
audit log does not repeat it.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb


def _may_see_event(viewer, obj) -> bool:
    # An event of a community is linked only from the community's own pages.
    return obj.community_id is None and viewer.has_perm("events.view_event", obj)


VERBS = {
    "events.create": Verb(_("oprettede arrangementet")),
    "events.update": Verb(_("ændrede arrangementet")),
    "events.cancel": Verb(_("aflyste arrangementet")),
    "events.signup": Verb(_("tilmeldte sig"), Record.NOT_WRITTEN),
    "events.cancel_signup": Verb(_("afmeldte sig"), Record.NOT_WRITTEN),
    "events.promoted": Verb(_("rykkede op fra ventelisten"), Record.NOT_WRITTEN),
    "events.checkin": Verb(_("registrerede fremmøde"), Record.NOT_WRITTEN),
    "events.calendar_token_create": Verb(
        _("fik en personlig kalenderadresse"), Record.HIDDEN
    ),
    "events.calendar_token_reset": Verb(
        _("fik en ny personlig kalenderadresse"), Record.HIDDEN
    ),
}

TARGETS = {"events.event": Target(_may_see_event)}
