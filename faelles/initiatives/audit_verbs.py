"""What the initiatives', trials' and stories' audit verbs mean (core/audit.py).

Supporting, following, joining and commenting are a person's participation: the
support, follow, participation or comment is the record (a hidden comment is
logged as the moderation it is).
"""

from django.utils.translation import gettext_lazy as _

from faelles.core.audit import Record, Target, Verb

from .models import State


def _may_see_initiative(viewer, obj) -> bool:
    return obj.state != State.WITHDRAWN and viewer.has_perm(
        "initiatives.view_initiative", obj
    )


VERBS = {
    "initiative.create": Verb(_("foreslog initiativet")),
    "initiative.update": Verb(_("ændrede initiativet")),
    "initiative.transition": Verb(_("skiftede tilstand for initiativet")),
    "initiative.facilitator": Verb(_("tildelte en tovholder til initiativet")),
    "initiative.image_add": Verb(_("tilføjede et billede til initiativet")),
    "initiative.need_add": Verb(_("tilføjede et behov til initiativet")),
    "initiative.need_publish": Verb(_("offentliggjorde et behov i initiativet")),
    "initiative.need_close": Verb(_("lukkede et behov i initiativet")),
    "initiative.open_to_citizens": Verb(_("åbnede det interne initiativ for borgerne")),
    "initiative.comment_hide": Verb(_("skjulte en kommentar til initiativet")),
    "initiatives.settings": Verb(_("ændrede indstillingerne for initiativer")),
    "initiative.comment": Verb(_("kommenterede"), Record.NOT_WRITTEN),
    "initiative.support": Verb(_("støttede"), Record.NOT_WRITTEN),
    "initiative.unsupport": Verb(_("trak sin støtte til"), Record.NOT_WRITTEN),
    "initiative.follow": Verb(_("fulgte"), Record.NOT_WRITTEN),
    "initiative.unfollow": Verb(_("holdt op med at følge"), Record.NOT_WRITTEN),
    "initiative.join": Verb(_("meldte sig til"), Record.NOT_WRITTEN),
    "trial.plan": Verb(_("planlagde en prøvehandling")),
    "trial.adjust": Verb(_("justerede en igangværende prøvehandling")),
    "trial.evaluate": Verb(_("evaluerede en prøvehandling")),
    "story.create": Verb(_("skrev en historie")),
    "story.update": Verb(_("ændrede en historie")),
    "story.photo_add": Verb(_("tilføjede et foto til en historie")),
    "story.consent": Verb(_("registrerede samtykke til et foto")),
    "story.publish": Verb(_("offentliggjorde en historie")),
}

TARGETS = {"initiatives.initiative": Target(_may_see_initiative)}
