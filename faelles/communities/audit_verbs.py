"""What the communities' and movements' audit verbs mean (faelles/core/audit.py).

Joining, leaving, asking to join, accepting an invitation and pledging are a
person's participation and are not written: membership of a support group can
be special-category data. Writing to a community's hosts is kept with the
person, because the rate limit counts it, and never shown.
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb


def _may_see_community(viewer, obj) -> bool:
    # Invitation-only groups are a 404 for outsiders, administrators included.
    return (
        obj.is_active
        and obj.access != obj.Access.INVITATION
        and viewer.has_perm("communities.view_community", obj)
    )


VERBS = {
    "communities.create": Verb(_("oprettede fællesskabet")),
    "communities.update": Verb(_("ændrede fællesskabet")),
    "communities.host_set": Verb(_("ændrede værterne i fællesskabet")),
    "communities.close": Verb(_("lukkede fællesskabet")),
    "communities.invite": Verb(_("inviterede en person til fællesskabet")),
    "communities.approve": Verb(_("godkendte en anmodning om at komme med i")),
    "communities.decline": Verb(_("afviste en anmodning om at komme med i")),
    "communities.refer": Verb(_("henviste en borger til fællesskabet")),
    "communities.referral_declined": Verb(_("afviste en henvisning til")),
    "communities.post": Verb(_("skrev et opslag i"), Record.NOT_WRITTEN),
    "communities.post_delete": Verb(_("slettede et opslag i fællesskabet")),
    "communities.file_upload": Verb(_("lagde en fil i fællesskabet")),
    "communities.contact_hosts": Verb(
        _("skrev til værterne i fællesskabet"), Record.HIDDEN
    ),
    "communities.join": Verb(_("meldte sig ind i"), Record.NOT_WRITTEN),
    "communities.leave": Verb(_("meldte sig ud af"), Record.NOT_WRITTEN),
    "communities.request": Verb(_("bad om at komme med i"), Record.NOT_WRITTEN),
    "communities.accept_invitation": Verb(
        _("tog imod en invitation til"), Record.NOT_WRITTEN
    ),
    "movements.create": Verb(_("oprettede bevægelsen")),
    "movements.action": Verb(_("tilføjede en handling til bevægelsen")),
    "movements.team_create": Verb(_("oprettede et hold i bevægelsen")),
    "movements.pledge": Verb(_("gav et løfte i"), Record.NOT_WRITTEN),
    "movements.pledge_withdraw": Verb(_("trak et løfte tilbage i"), Record.NOT_WRITTEN),
}

TARGETS = {
    "communities.community": Target(_may_see_community),
    "communities.movement": Target(),
}
