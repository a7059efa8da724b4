"""What the accounts' audit verbs mean (see faelles/core/audit.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Verb

VERBS = {
    "account.delete": Verb(_("en konto blev slettet")),
    # Joining a municipality is ordinary participation; the membership is the record.
    "membership.join": Verb(_("blev medlem af kommunen"), Record.NOT_WRITTEN),
    "membership.roles": Verb(_("ændrede en persons roller")),
    # A person's own profile is not the municipality's business, but a change of
    # name or address is what an account takeover looks like: kept, never shown.
    "profile.update": Verb(_("ændrede sin profil"), Record.HIDDEN),
    # Linking a MitID identity to an account (a first login, or "Forbind MitID"),
    # and removing the link: kept, like a change of e-mail, to trace a takeover.
    # Each later login only renews the identity's level and date: not written.
    "identity.link": Verb(_("forbandt sin profil med MitID"), Record.HIDDEN),
    "identity.unlink": Verb(_("fjernede MitID fra sin profil"), Record.HIDDEN),
}
