"""What the open API keeps about a person: the tokens they created.

An API token is made by an administrator for a partner (``created_by``); it is
the partner's, not the administrator's, so it stays when the administrator's
account is deleted, without the person (``SET_NULL``). The export lists the
tokens the person created, by name and date — never the token, which is not
stored. The open endpoints themselves hold and show no personal data at all
(``faelles/api/tests/test_no_personal_data.py``).
"""

from .models import ApiToken


def export_personal_data(user) -> dict:
    return {
        "tokens_created": [
            {
                "name": t.name,
                "prefix": t.prefix,
                "created_at": t.created_at.isoformat(),
                "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
            }
            for t in ApiToken.objects.filter(created_by=user).order_by("id")
        ]
    }
