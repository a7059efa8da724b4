"""What the hearings' audit verbs mean (core/audit.py).

Commenting and reacting are a person's participation: the comment or the
reaction is the record. Reports, moderation, appeals and the municipality's
work on a hearing are written and shown.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb


def _may_see_hearing(viewer, obj) -> bool:
    return viewer.has_perm("dialogue.view_hearing", obj)


VERBS = {
    "dialogue.hearing_create": Verb(_("oprettede høringen")),
    "dialogue.hearing_update": Verb(_("ændrede høringen")),
    "dialogue.attachment_add": Verb(_("tilføjede et bilag til høringen")),
    "dialogue.comment_report": Verb(_("anmeldte en kommentar i en høring")),
    "dialogue.comment_hide": Verb(_("skjulte en kommentar i en høring")),
    "dialogue.comment_restore": Verb(_("viste en skjult kommentar i en høring igen")),
    "dialogue.reports_dismiss": Verb(
        _("afviste anmeldelserne af en kommentar i en høring")
    ),
    "dialogue.appeal": Verb(_("klagede over en skjult kommentar i en høring")),
    "dialogue.appeal_decide": Verb(_("afgjorde en klage over en skjult kommentar")),
    "dialogue.answer_save": Verb(_("skrev kommunens svar på høringen")),
    "dialogue.answer_publish": Verb(_("offentliggjorde kommunens svar på høringen")),
    "dialogue.comment": Verb(_("kommenterede i en høring"), Record.NOT_WRITTEN),
    "dialogue.react": Verb(_("reagerede på en kommentar"), Record.NOT_WRITTEN),
}

TARGETS = {"dialogue.hearing": Target(_may_see_hearing)}
