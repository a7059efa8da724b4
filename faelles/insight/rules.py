"""Who sees what of the insight dashboards. The public dashboard is public."""

import rules

from faelles.accounts.rules import can_administer, is_politician, is_staff_member

can_see_internal = is_staff_member | is_politician
rules.add_perm("insight.view_internal", can_see_internal)
rules.add_perm("insight.import_population", can_administer)
