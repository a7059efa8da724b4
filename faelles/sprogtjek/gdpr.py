"""The language check keeps nothing about a person: nothing to export or delete.

The text a person checks is read, checked and forgotten within the request; it is
never stored. The statistics are counts per department and month with no link
to the person who ran a check. Own lexicon entries belong to the municipality
(who changed them is in the audit log, exported and anonymised on deletion by
``core``). So when an account is deleted there is nothing here to delete, and no
``delete_personal_data`` hook is needed.
"""


def export_personal_data(user) -> dict:
    return {}
