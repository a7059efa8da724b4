"""What the task committees' audit verbs mean (see faelles/core/audit.py).

Applying for a seat and withdrawing an application are a citizen's own
participation and are not written: the application is the record.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb


def _may_see_committee(viewer, obj) -> bool:
    return viewer.has_perm("committees.view_committee", obj)


VERBS = {
    "committees.committee_create": Verb(_("oprettede opgaveudvalget")),
    "committees.committee_update": Verb(_("ændrede opgaveudvalget")),
    "committees.committee_phase": Verb(_("skiftede fase i opgaveudvalget")),
    "committees.member_add": Verb(_("satte et medlem ind i opgaveudvalget")),
    "committees.member_remove": Verb(_("fjernede et medlem fra opgaveudvalget")),
    "committees.application_submit": Verb(
        _("søgte om plads i opgaveudvalget"), Record.NOT_WRITTEN
    ),
    "committees.application_withdraw": Verb(
        _("trak sin ansøgning til opgaveudvalget tilbage"), Record.NOT_WRITTEN
    ),
    "committees.applications_select": Verb(_("udpegede medlemmer til opgaveudvalget")),
    "committees.draw_start": Verb(_("satte lodtrækning i gang til opgaveudvalget")),
    "committees.draw_done": Verb(_("trak lod om pladserne i")),
    "committees.meeting_create": Verb(_("oprettede mødet")),
    "committees.meeting_update": Verb(_("ændrede mødet")),
    "committees.minutes_publish": Verb(_("offentliggjorde referatet af mødet")),
    "committees.document_upload": Verb(_("lagde et dokument til mødet")),
    "committees.recommendation_create": Verb(_("skrev anbefalingen")),
    "committees.recommendation_update": Verb(_("ændrede anbefalingen")),
    "committees.recommendation_decide": Verb(
        _("registrerede byrådets beslutning om anbefalingen")
    ),
    "committees.action_create": Verb(_("oprettede opfølgningen")),
    "committees.action_update": Verb(_("skrev en statusopdatering om opfølgningen")),
    "committees.milestone_add": Verb(_("tilføjede en milepæl til opfølgningen")),
    "committees.milestone_reach": Verb(_("markerede en milepæl som nået i")),
}

TARGETS = {
    "committees.taskcommittee": Target(_may_see_committee),
    "committees.meeting": Target(_may_see_committee, select_related=("committee",)),
    "committees.recommendation": Target(
        _may_see_committee, select_related=("committee",)
    ),
    "committees.draw": Target(_may_see_committee, select_related=("committee",)),
    "committees.followupaction": Target(
        _may_see_committee, select_related=("recommendation__committee",)
    ),
}
