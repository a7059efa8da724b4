"""Who has a workspace: the municipality's employees and administrators.

For anyone else the page does not exist (404); an anonymous visitor is sent to
the login page.
"""

import rules

from faelles.accounts.rules import is_staff_member

rules.add_perm("workplace.view", is_staff_member)
