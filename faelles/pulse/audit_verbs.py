"""What the pulse's audit verbs mean (see faelles/core/audit.py).

Opening and closing a round and leadership's answers and hiding of concerns
are shown. Answering the pulse and raising a concern are never written — not
even hidden: the log would put a person and a time next to an anonymous
answer (docs/pulse.md, "Anonymity"); they have no verb, so no code can write
them.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Target, Verb

VERBS = {
    "pulse.round_create": Verb(_("oprettede en pulsmåling")),
    "pulse.round_close": Verb(_("lukkede en pulsmåling før tid")),
    "pulse.concern_answer": Verb(_("svarede på en henvendelse i Sig fra")),
    "pulse.concern_hide": Verb(_("skjulte en henvendelse i Sig fra")),
}

TARGETS = {"pulse.round": Target(), "pulse.concern": Target()}
