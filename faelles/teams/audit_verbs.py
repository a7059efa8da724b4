"""What the cross-department teams' audit verbs mean (see faelles/core/audit.py).

The leader's steps (creating, changing, starting, the call, answering
volunteers, tasks, closing) and shared files are shown in the log. An
employee's own participation — volunteering, leaving, writing a message — is
not written: the offer, the membership and the message are the record.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb

VERBS = {
    "teams.team_create": Verb(_("oprettede et tværgående team")),
    "teams.team_update": Verb(_("ændrede et tværgående team")),
    "teams.team_start": Verb(_("satte et tværgående team i gang")),
    "teams.team_close": Verb(_("afsluttede et tværgående team")),
    "teams.call_open": Verb(_("åbnede et teams opslag for frivillige")),
    "teams.call_close": Verb(_("lukkede et teams opslag for frivillige")),
    "teams.volunteer_accept": Verb(_("tog imod en frivillig i et team")),
    "teams.volunteer_decline": Verb(_("sagde nej tak til en frivillig i et team")),
    "teams.task_add": Verb(_("tilføjede en opgave i et team")),
    "teams.task_done": Verb(_("markerede en opgave i et team som færdig")),
    "teams.task_reopen": Verb(_("åbnede en opgave i et team igen")),
    "teams.file_upload": Verb(_("delte en fil i et team")),
    "teams.volunteer": Verb(_("bød ind på et team"), Record.NOT_WRITTEN),
    "teams.member_leave": Verb(_("forlod et team"), Record.NOT_WRITTEN),
    "teams.post": Verb(_("skrev i et team"), Record.NOT_WRITTEN),
}

# A team's page is seen by the municipality's staff, who read the log.
TARGETS = {"teams.team": Target()}
