"""Where a nomination or a winner that is a private community could show
(tests/test_visibility.py). Nominations and winners are shown as anyone may see
them: a community that is (or became) invitation-only or staff-only, or an
internal initiative, is left out everywhere, also for its members (the
celebration page and the newspaper are public)."""

from django.urls import reverse
from django.utils import timezone

from faelles.core.visibility import Look, visibility_case
from faelles.recognition.factories import AwardFactory, NominationFactory, WinnerFactory

VIEWS = ["faelles.recognition.views", "faelles.recognition.award_views"]
NOT_SHOWN = {
    "recognition:thanks": "thanks are between people and organisations",
    "recognition:thank_person": "a person's thanks form",
    "recognition:thanks_consent": "an action on a thanks",
    "recognition:thanks_delete": "an action on a thanks",
    "recognition:awards": "the administrators' list names awards, not nominees",
    "recognition:award_create": "a form for a new award",
    "recognition:award_update": "the award's own fields",
    "recognition:jury_set": "the jury's people",
    "recognition:award_publish": "an action on the award",
    "recognition:announce": "an action on the award",
}


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


@visibility_case(
    "recognition.Nomination",
    views=VIEWS,
    not_shown={
        **NOT_SHOWN,
        "recognition:winner_remove": "an action on a winner (the Winner case)",
        "recognition:winner_consent": "a winner's page (the Winner case)",
    },
)
def nomination(parent, field, *, insider, outsider):
    municipality = parent.municipality
    award = AwardFactory(municipality=municipality)
    item = NominationFactory(
        award=award, nominator=outsider, nominee_user=None, **{field: parent}
    )
    one = {"pk": award.pk, "nomination_pk": item.pk}
    return [
        Look(
            _url("recognition:award", municipality, pk=award.pk),
            shows=str(parent),
            members_see=False,
        ),
        Look(
            _url("recognition:jury", municipality, pk=award.pk),
            shows=str(parent),
            members_see=False,
        ),
        Look(
            _url("recognition:celebrate", municipality),
            shows=str(parent),
            members_see=False,
        ),
        Look(
            _url("recognition:nominate", municipality, pk=award.pk),
            shows=str(parent),
            members_see=False,
        ),
        Look(
            _url("recognition:score", municipality, **one),
            method="post",
            members_see=False,
        ),
        Look(
            _url("recognition:winner_record", municipality, **one),
            method="post",
            members_see=False,
        ),
        Look(
            _url("recognition:nomination_withdraw", municipality, **one),
            method="post",
            members_see=False,
        ),
    ]


@visibility_case(
    "recognition.Winner",
    views=VIEWS,
    not_shown={
        **NOT_SHOWN,
        "recognition:score": "an action on a nomination (the Nomination case)",
        "recognition:winner_record": "an action on a nomination (the Nomination case)",
        "recognition:nomination_withdraw": "an action on a nomination",
    },
)
def winner(parent, field, *, insider, outsider):
    municipality = parent.municipality
    award = AwardFactory(municipality=municipality, announced_at=timezone.now())
    item = WinnerFactory(award=award, nominee_user=None, **{field: parent})
    one = {"pk": award.pk, "winner_pk": item.pk}
    return [
        Look(
            _url("recognition:celebrate", municipality),
            shows=str(parent),
            members_see=False,
        ),
        Look(
            _url("recognition:award", municipality, pk=award.pk),
            shows=str(parent),
            members_see=False,
        ),
        Look(
            _url("recognition:jury", municipality, pk=award.pk),
            shows=str(parent),
            members_see=False,
        ),
        Look(
            _url("recognition:nominate", municipality, pk=award.pk),
            shows=str(parent),
            members_see=False,
        ),
        Look(
            _url("recognition:winner_consent", municipality, **one), members_see=False
        ),
        Look(
            _url("recognition:winner_remove", municipality, **one),
            method="post",
            members_see=False,
        ),
    ]
