"""What the competence directory's audit verbs mean (see faelles/core/audit.py).

Every write is recorded but never shown: a person's own profile (as changes to
one's own profile elsewhere: it traces an account takeover) and the questions
between colleagues (the rate limit counts them; who asks whom what is theirs).
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Verb

VERBS = {
    "competences.profile_create": Verb(
        _("oprettede sin kompetenceprofil"), Record.HIDDEN
    ),
    "competences.profile_update": Verb(
        _("ændrede sin kompetenceprofil"), Record.HIDDEN
    ),
    "competences.profile_delete": Verb(
        _("slettede sin kompetenceprofil"), Record.HIDDEN
    ),
    "competences.experience_delete": Verb(
        _("slettede sine levede erfaringer"), Record.HIDDEN
    ),
    "competences.question_ask": Verb(
        _("stillede en kollega et spørgsmål"), Record.HIDDEN
    ),
    "competences.question_answer": Verb(
        _("svarede på en kollegas spørgsmål"), Record.HIDDEN
    ),
    "competences.question_decline": Verb(
        _("afslog en kollegas spørgsmål"), Record.HIDDEN
    ),
    "competences.question_withdraw": Verb(
        _("trak sit spørgsmål tilbage"), Record.HIDDEN
    ),
    "competences.question_thank": Verb(_("takkede for et svar"), Record.HIDDEN),
}

# Nothing here is shown in the log, so it names no object.
TARGETS: dict = {}
