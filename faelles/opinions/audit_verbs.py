"""What the opinion map's audit verbs mean (see faelles/core/audit.py).

A vote is never logged with its voter: votes are counted per map and day, without
the person and the time of day. Writing a statement is ordinary participation
(the statement is the record) and is not written.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb


def _may_see_map(viewer, obj) -> bool:
    return viewer.has_perm("opinions.view_map", obj)


VERBS = {
    "opinions.map_create": Verb(_("oprettede meningskortet")),
    "opinions.map_import": Verb(_("importerede en Polis-samtale i meningskortet")),
    "opinions.map_update": Verb(_("ændrede meningskortet")),
    "opinions.map_phase": Verb(_("skiftede fase i meningskortet")),
    "opinions.statement_moderate": Verb(_("modererede et udsagn i meningskortet")),
    "opinions.statement_add": Verb(_("skrev et udsagn i"), Record.NOT_WRITTEN),
    "opinions.vote_cast": Verb(
        _("stemmer afgivet denne dag (%(count)s) i meningskortet"), Record.DAILY
    ),
    "opinions.vote_change": Verb(
        _("stemmer ændret denne dag (%(count)s) i meningskortet"), Record.DAILY
    ),
}

TARGETS = {
    "opinions.opinionmap": Target(_may_see_map),
}
