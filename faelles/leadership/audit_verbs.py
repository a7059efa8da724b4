"""What the leaders' goals' audit verbs mean (see faelles/core/audit.py).

Setting, changing and following up a unit's goal are the leaders' own steps and
are shown in the log.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Target, Verb

VERBS = {
    "leadership.goal_create": Verb(_("satte et mål for en enhed")),
    "leadership.goal_update": Verb(_("ændrede et mål for en enhed")),
    "leadership.check_in": Verb(_("fulgte op på et mål for en enhed")),
}

# A goal is read by every employee of the municipality and its administrators,
# who read the log.
TARGETS = {"leadership.goal": Target()}
