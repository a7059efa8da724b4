"""What the language check's audit verbs mean (see faelles/core/audit.py).

Changes to the municipality's own lexicon are administrative and shown in the
log. Running a check is not written: who checked which text, and when, is
exactly the per-person record the statistics promise never to keep; the
department's monthly count is all that remains of it.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Verb

VERBS = {
    "sprogtjek.entry_create": Verb(_("tilføjede et ord til sprogtjekket")),
    "sprogtjek.entry_update": Verb(_("ændrede et ord i sprogtjekket")),
    "sprogtjek.entry_delete": Verb(_("fjernede et ord fra sprogtjekket")),
    "sprogtjek.check": Verb(_("kørte sprogtjekket"), Record.NOT_WRITTEN),
}
