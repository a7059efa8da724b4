"""What the open API's audit verbs mean (see faelles/core/audit.py).

Creating and revoking a partner's token are administrative acts. A token has
no page of its own, so the log names it by its kind only.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Verb

VERBS = {
    "api.token_create": Verb(_("oprettede et API-token")),
    "api.token_revoke": Verb(_("tilbagekaldte et API-token")),
}

TARGETS: dict = {}
