"""Who may use the language check, keep the municipality's own entries and read
the statistics.

The check is a tool for the municipality's own people — employees, politicians
and administrators — not for citizens: an anonymous visitor is sent to the login
page, a citizen gets 403 (``core.access.require_perm``). There is no leader role
in Fælles, so the department statistics are for the administrators.
"""

import rules

from faelles.accounts.rules import can_administer, is_employee, is_politician

may_check = is_employee | is_politician | can_administer

rules.add_perm("sprogtjek.check", may_check)
rules.add_perm("sprogtjek.manage_entries", can_administer)
rules.add_perm("sprogtjek.view_statistics", can_administer)
