from faelles.core.isolation import isolation_case
from faelles.recognition.factories import (
    AwardFactory,
    NominationFactory,
    ThanksFactory,
    WinnerFactory,
)


@isolation_case("recognition:thank_person")
def person(municipality):
    from faelles.accounts.factories import MembershipFactory

    return {"user_id": MembershipFactory(municipality=municipality).user_id}


@isolation_case("recognition:thanks_consent", "recognition:thanks_delete")
def thanks(municipality):
    return {"pk": ThanksFactory(municipality=municipality, public_requested=True).pk}


@isolation_case(
    "recognition:award",
    "recognition:award_update",
    "recognition:jury_set",
    "recognition:award_publish",
    "recognition:nominate",
    "recognition:jury",
    "recognition:announce",
)
def award(municipality):
    return {"pk": AwardFactory(municipality=municipality).pk}


@isolation_case(
    "recognition:nomination_withdraw", "recognition:score", "recognition:winner_record"
)
def nomination(municipality):
    nomination = NominationFactory(award=AwardFactory(municipality=municipality))
    return {"pk": nomination.award_id, "nomination_pk": nomination.pk}


@isolation_case("recognition:winner_remove", "recognition:winner_consent")
def winner(municipality, viewer):
    from django.utils import timezone

    winner = WinnerFactory(
        award=AwardFactory(municipality=municipality, announced_at=timezone.now()),
        nominee_user=viewer,
    )
    return {"pk": winner.award_id, "winner_pk": winner.pk}
