"""What the accounts' audit verbs mean (see faelles/core/audit.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Verb

VERBS = {
    "account.delete": Verb(_("en konto blev slettet")),
    # Joining a municipality is ordinary participation; the membership is the record.
    "membership.join": Verb(_("blev medlem af kommunen"), Record.NOT_WRITTEN),
    "membership.roles": Verb(_("ændrede en persons roller")),
    # A person's own profile is theirs; it is not the municipality's business.
    "profile.update": Verb(_("ændrede sin profil"), Record.NOT_WRITTEN),
}
